import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createMember, createPetitionFor, createRunningCampaign, signedInMember } from "../support/builders";
import { foldCountDeltas, getPetitionBySlug, recountPetitions } from "../../app/models/petition.server";
import { confirmSignature, createPetition, openPetition, signPetition, withdrawSignature } from "../../app/services/petition.server";
import { action as newAction, loader as newLoader } from "../../app/routes/campaigns.$id_.petitions.new";
import { action as petitionAction, loader as petitionLoader } from "../../app/routes/petitions.$slug/route";
import { action as confirmAction, loader as confirmLoader } from "../../app/routes/petitions.$slug_.confirm.$token";
import { action as editAction, loader as editLoader } from "../../app/routes/petitions.$slug_.edit";
import express from "express";
import type { AddressInfo } from "node:net";
import { petitionCountHandler } from "../../app/http/petition-count.server";
import { loader as campaignLoader } from "../../app/routes/campaigns.$id";
import { call, latestEmail, request } from "./http";


const tokenFrom = (url: string) => url.split("/").pop()!;
const countOf = async (id: number) => (await db.selectFrom("petition").select("signature_count").where("id", "=", id).executeTakeFirstOrThrow()).signature_count;
/** count.json as a client sees it, through the handler Chorus mounts before Remix. */
async function fetchCount(slug: string) {
  const app = express();
  const handler = petitionCountHandler(db);
  app.get("/petitions/:slug/count.json", (req, res, next) => void handler(req, res).catch(next));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/petitions/${slug}/count.json`);
    return { status: response.status, cacheControl: response.headers.get("cache-control"), data: await response.json() };
  } finally {
    server.close();
  }
}

const signer = (email: string) => ({ name: "Sam Signer", email, outwardCode: null, showName: false, campaignConsent: false });

describe("creating petitions", () => {
  it("is for the campaign's organisers; a draft is hidden until it is opened", async () => {
    const lead = await signedInMember(db);
    const stranger = await signedInMember(db);
    const campaignId = await createRunningCampaign(db, lead.id);
    const p = { id: String(campaignId) };
    const url = `/campaigns/${campaignId}/petitions/new`;
    expect((await call(newLoader, request(url, { cookie: stranger.cookie }), p)).status).toBe(403);
    const fields = { title: "Homes first", ask: "Plan a home from the day of admission.", why: "Discharge to the street undoes recovery and costs more.", addressedTo: "Council leaders", goal: "5,000" };
    expect((await call(newAction, request(url, { form: fields, cookie: stranger.cookie }), p)).status).toBe(403);
    const bad = await call(newAction, request(url, { form: { ...fields, goal: "lots", closesOn: "2020-01-01" }, cookie: lead.cookie }), p);
    expect(bad.data.errors).toMatchObject({ goal: "Enter the goal as a whole number, like 10,000", closesOn: "The closing date must be in the future" });
    const made = await call(newAction, request(url, { form: fields, cookie: lead.cookie }), p);
    const slug = made.location!.split("/").pop()!;
    expect((await call(petitionLoader, request(`/petitions/${slug}`), { slug })).status).toBe(404);
    expect((await fetchCount(slug)).status).toBe(404);
    expect((await call(petitionLoader, request(`/petitions/${slug}`, { cookie: lead.cookie }), { slug })).data.manage).toBe(true);
    expect((await call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "open" }, cookie: stranger.cookie }), { slug })).status).toBe(404);
    await call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "open" }, cookie: lead.cookie }), { slug });
    const open = await call(petitionLoader, request(`/petitions/${slug}`), { slug });
    expect(open.data.petition).toMatchObject({ status: "open", accepting: true, count: 0 });
  });

  it("lets organisers edit a draft's wording, keeps what they typed when it is refused, and freezes it once open", async () => {
    const lead = await signedInMember(db);
    const stranger = await signedInMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id, open: false });
    const slug = petition.slug;
    const url = `/petitions/${slug}/edit`;
    expect((await call(editLoader, request(url, { cookie: stranger.cookie }), { slug })).status).toBe(404);
    expect((await call(editLoader, request(url), { slug })).status).toBe(302);
    const shown = await call(editLoader, request(url, { cookie: lead.cookie }), { slug });
    expect(shown.data.values).toMatchObject({ title: petition.title, goal: petition.goal.toLocaleString("en-GB") });
    const fields = { ...shown.data.values, title: "Homes first, rewritten", goal: "2,500", milestones: "500, 1,000", closesOn: "1 6 2099" };
    expect((await call(editAction, request(url, { form: fields, cookie: stranger.cookie }), { slug })).status).toBe(404);
    const refused = await call(editAction, request(url, { form: { ...fields, goal: "2.5k" }, cookie: lead.cookie }), { slug });
    expect(refused.data.errors).toEqual({ goal: "Enter the goal as a whole number, like 10,000" });
    expect(refused.data.values).toMatchObject({ title: "Homes first, rewritten", goal: "2.5k" });
    expect((await getPetitionBySlug(db, slug))!.title).toBe(petition.title);
    const saved = await call(editAction, request(url, { form: fields, cookie: lead.cookie }), { slug });
    expect(saved.location).toBe(`/petitions/${slug}`);
    // The closing date is typed the UK way, and the petition closes at the end of that day in London (BST).
    expect(await getPetitionBySlug(db, slug)).toMatchObject({ title: "Homes first, rewritten", goal: 2500, milestones: [500, 1000], closes_at: new Date("2099-06-01T22:59:00Z") });
    expect((await call(editLoader, request(url, { cookie: lead.cookie }), { slug })).data.values.closesOn).toBe("1 6 2099");
    const impossible = await call(editAction, request(url, { form: { ...fields, closesOn: "31 2 2099" }, cookie: lead.cookie }), { slug });
    expect(impossible.data.errors).toEqual({ closesOn: "Enter a real date, for example 27 3 2027" });
    await openPetition(db, petition.id);
    const late = await call(editAction, request(url, { form: { ...fields, title: "Changed after opening" }, cookie: lead.cookie }), { slug });
    expect(late.data.errors).toEqual({ form: "This petition is open, so its wording stays as people signed it." });
    expect((await getPetitionBySlug(db, slug))!.title).toBe("Homes first, rewritten");
  });
});

describe("signing", () => {
  it("explains bad input, ignores the honeypot, and shows the same page for new, repeated and confirmed signatures", async () => {
    const lead = await createMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    const slug = petition.slug;
    const sign = (form: Record<string, string>) => call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "sign", ...form } }), { slug });
    const bad = await sign({ name: "", email: "not-an-email", postcode: "12345" });
    expect(bad.data.errors).toMatchObject({ name: "Enter your name", postcode: "Enter a UK postcode, like LS6 1AN, or leave it empty" });
    expect(bad.data.values.postcode).toBe("12345");

    const bot = await sign({ name: "Bot", email: "bot@example.org", website: "https://spam.example" });
    expect(bot.location).toBe("/check-email?for=petition");
    expect(await db.selectFrom("petition_signature").select("id").where("petition_id", "=", petition.id).execute()).toEqual([]);

    const first = await sign({ name: "Asha Patel", email: "Asha.Patel+petition@Gmail.com", postcode: "ls6 1an", showName: "yes" });
    expect(first.location).toBe("/check-email?for=petition");
    const rows = await db.selectFrom("petition_signature").select(["email_normalised", "outward_code", "status", "show_name"]).where("petition_id", "=", petition.id).execute();
    expect(rows).toEqual([{ email_normalised: "ashapatel@gmail.com", outward_code: "LS6", status: "pending", show_name: true }]);
    // Re-signing re-sends, up to 5 emails in all; a confirmed signature gets none.
    for (let i = 0; i < 6; i++) await sign({ name: "Asha Patel", email: "ashapatel@googlemail.com" });
    const sent = await db.selectFrom("email").select("id").where("template", "=", "ConfirmSignature").where("to_address", "in", ["asha.patel+petition@gmail.com", "ashapatel@googlemail.com"]).execute();
    expect(sent).toHaveLength(5);
    const mail = await latestEmail(db, "ashapatel@googlemail.com", "ConfirmSignature");
    const token = tokenFrom((mail!.props as { confirmUrl: string }).confirmUrl);
    expect((await call(confirmLoader, request(`/petitions/${slug}/confirm/${token}`), { slug, token })).data.valid).toBe(true);
    expect((await call(confirmAction, request(`/petitions/${slug}/confirm/${token}`, { method: "POST" }), { slug, token })).status).toBe(302);
  });

  it("counts 200 racing submissions from 150 people as exactly 150 signatures, and 150 once confirmed and folded", async () => {
    const lead = await createMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    // 150 people; 50 of them submit twice, the second time written differently (case, +tag).
    const people = Array.from({ length: 150 }, (_, i) => `person${i}@example.org`);
    const submissions = [...people, ...people.slice(0, 50).map((e) => e.replace("person", "Person").replace("@", "+again@"))];
    await Promise.all(submissions.map((email) => signPetition(db, petition, signer(email))));
    const pending = await db.selectFrom("petition_signature").select(["id", "email"]).where("petition_id", "=", petition.id).execute();
    expect(pending).toHaveLength(150);
    // Each person's valid link is in the last email either of their submissions caused.
    const tokens = await Promise.all(
      people.map(async (email) => {
        const mail = await db
          .selectFrom("email")
          .select("props")
          .where("template", "=", "ConfirmSignature")
          .where("to_address", "in", [email, email.replace("@", "+again@")])
          .orderBy("id", "desc")
          .executeTakeFirstOrThrow();
        return tokenFrom((mail.props as { confirmUrl: string }).confirmUrl);
      }),
    );
    const results = await Promise.all(tokens.map((t) => confirmSignature(db, petition.id, t)));
    expect(results.every((r) => r.ok)).toBe(true);
    // Confirmations never touch the petition row; the fold brings the count to exactly 150.
    expect(await countOf(petition.id)).toBe(0);
    await Promise.all([foldCountDeltas(db, 40), foldCountDeltas(db, 40), foldCountDeltas(db, 40)]);
    while ((await foldCountDeltas(db)) > 0);
    expect(await countOf(petition.id)).toBe(150);
    const json = await fetchCount(petition.slug);
    expect(json.data).toEqual({ count: 150, goal: 1000, status: "open" });
    expect(json.cacheControl).toBe("public, max-age=5, stale-while-revalidate=30");
  });

  it("confirms once however often the button is pressed, refuses expired links, and takes back withdrawn signatures", async () => {
    const lead = await createMember(db);
    const { petition, campaignId } = await createPetitionFor(db, { leadId: lead.id });
    await signPetition(db, petition, signer("once@example.org"));
    const mail = (await latestEmail(db, "once@example.org", "ConfirmSignature"))!.props as { confirmUrl: string; withdrawUrl: string };
    const token = tokenFrom(mail.confirmUrl);
    expect(await confirmSignature(db, petition.id, token)).toEqual({ ok: true, alreadyConfirmed: false });
    expect(await confirmSignature(db, petition.id, token)).toEqual({ ok: true, alreadyConfirmed: true });
    expect(await confirmSignature(db, petition.id + 1, token)).toEqual({ ok: false });
    await foldCountDeltas(db);
    expect(await countOf(petition.id)).toBe(1);

    await signPetition(db, petition, signer("late@example.org"));
    const late = tokenFrom(((await latestEmail(db, "late@example.org", "ConfirmSignature"))!.props as { confirmUrl: string }).confirmUrl);
    await db.updateTable("petition_signature").set({ token_expires_at: sql<Date>`now() - interval '1 second'` }).where("email", "=", "late@example.org").execute();
    expect(await confirmSignature(db, petition.id, late)).toEqual({ ok: false });
    expect((await call(confirmLoader, request(`/petitions/${petition.slug}/confirm/${late}`), { slug: petition.slug, token: late })).data.valid).toBe(false);

    expect(await withdrawSignature(db, petition.id, tokenFrom(mail.withdrawUrl))).toBe(true);
    expect(await withdrawSignature(db, petition.id, tokenFrom(mail.withdrawUrl))).toBe(true);
    await foldCountDeltas(db);
    expect(await countOf(petition.id)).toBe(0);
    expect(await confirmSignature(db, petition.id, token)).toEqual({ ok: false });

    // The campaign page shows the confirmed total and the call to sign.
    const page = await call(campaignLoader, request(`/campaigns/${campaignId}`), { id: String(campaignId) });
    expect(page.data.petitions).toEqual([expect.objectContaining({ slug: petition.slug, status: "open", signature_count: 0 })]);
  });

  it("shows the signer who has just confirmed 'You have signed' with a count that includes them before any fold; nobody else", async () => {
    const lead = await createMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    const slug = petition.slug;
    await signPetition(db, petition, signer("counted@example.org"));
    const token = tokenFrom(((await latestEmail(db, "counted@example.org", "ConfirmSignature"))!.props as { confirmUrl: string }).confirmUrl);
    const confirmed = await call(confirmAction, request(`/petitions/${slug}/confirm/${token}`, { method: "POST" }), { slug, token });
    expect(confirmed.location).toBe(`/petitions/${slug}#signed-heading`);
    const cookie = confirmed.setCookies.map((c) => c.split(";")[0]).join("; ");
    // Not folded yet: the stored count is still 0, and only the signer's own page adds what is waiting.
    expect(await countOf(petition.id)).toBe(0);
    const own = await call(petitionLoader, request(`/petitions/${slug}`, { cookie }), { slug });
    expect(own.data).toMatchObject({ youSigned: true, petition: { count: 1 } });
    const someoneElse = await call(petitionLoader, request(`/petitions/${slug}`), { slug });
    expect(someoneElse.data).toMatchObject({ youSigned: false, petition: { count: 0 } });
    // The cookie names this petition only: another petition still offers its sign form.
    const other = (await createPetitionFor(db, { leadId: lead.id })).petition;
    expect((await call(petitionLoader, request(`/petitions/${other.slug}`, { cookie }), { slug: other.slug })).data).toMatchObject({ youSigned: false });
  });

  it("lets a withdrawn signer sign again: a new pending signature and link, and the count stays exact", async () => {
    const lead = await createMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    const linkFor = async () => (await latestEmail(db, "again@example.org", "ConfirmSignature"))!.props as { confirmUrl: string; withdrawUrl: string };
    expect(await signPetition(db, petition, signer("again@example.org"))).toEqual({ emailed: true });
    const first = await linkFor();
    expect(await confirmSignature(db, petition.id, tokenFrom(first.confirmUrl))).toMatchObject({ ok: true });
    expect(await withdrawSignature(db, petition.id, tokenFrom(first.withdrawUrl))).toBe(true);
    await foldCountDeltas(db);
    expect(await countOf(petition.id)).toBe(0);

    // Signing again records a new pending signature and sends a new link; the old links are dead.
    expect(await signPetition(db, petition, signer("Again@example.org"))).toEqual({ emailed: true });
    const second = await linkFor();
    expect(second.confirmUrl).not.toBe(first.confirmUrl);
    const row = await db.selectFrom("petition_signature").select(["status", "confirmed_at"]).where("petition_id", "=", petition.id).where("email_normalised", "=", "again@example.org").executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "pending", confirmed_at: null });
    expect(await confirmSignature(db, petition.id, tokenFrom(first.confirmUrl))).toEqual({ ok: false });
    expect(await confirmSignature(db, petition.id, tokenFrom(second.confirmUrl))).toEqual({ ok: true, alreadyConfirmed: false });
    expect(await withdrawSignature(db, petition.id, tokenFrom(first.withdrawUrl))).toBe(false);
    await foldCountDeltas(db);
    expect(await countOf(petition.id)).toBe(1);
    // Signed and confirmed, signing once more sends nothing and counts nothing.
    expect(await signPetition(db, petition, signer("again@example.org"))).toEqual({ emailed: false });
    await foldCountDeltas(db);
    expect(await countOf(petition.id)).toBe(1);
  });

  it("recounts from the confirmed signatures, allowing for deltas not yet folded", async () => {
    const lead = await createMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    for (const email of ["a@example.org", "b@example.org", "c@example.org"]) {
      await signPetition(db, petition, signer(email));
      await confirmSignature(db, petition.id, tokenFrom(((await latestEmail(db, email, "ConfirmSignature"))!.props as { confirmUrl: string }).confirmUrl));
    }
    await foldCountDeltas(db);
    // Drift (a hand edit, a bug), with one more confirmation still waiting to be folded.
    await db.updateTable("petition").set({ signature_count: 99 }).where("id", "=", petition.id).execute();
    await signPetition(db, petition, signer("d@example.org"));
    await confirmSignature(db, petition.id, tokenFrom(((await latestEmail(db, "d@example.org", "ConfirmSignature"))!.props as { confirmUrl: string }).confirmUrl));
    await recountPetitions(db);
    expect(await countOf(petition.id)).toBe(3);
    await foldCountDeltas(db);
    expect(await countOf(petition.id)).toBe(4);
  });
});

describe("organiser tools and privacy", () => {
  it("marks a network's signatures over the limit as suspect without telling it, and invalidates a cluster exactly after a preview", async () => {
    const lead = await signedInMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    const slug = petition.slug;
    const sign = (i: number, ip: string) => call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "sign", name: `Bulk ${i}`, email: `bulk${i}@spam.example` } }), { slug }, ip);
    const responses = [];
    for (let i = 0; i < 23; i++) responses.push(await sign(i, "198.51.100.7"));
    await sign(99, "198.51.100.8");
    // Every submission gets the same answer; only the 21st onwards from that network are marked.
    expect(new Set(responses.map((r) => `${r.status} ${r.location}`))).toEqual(new Set(["302 /check-email?for=petition"]));
    const suspect = await db.selectFrom("petition_signature").select(["email", "ip_hash"]).where("petition_id", "=", petition.id).where("suspect", "=", true).orderBy("id").execute();
    expect(suspect.map((s) => s.email)).toEqual(["bulk20@spam.example", "bulk21@spam.example", "bulk22@spam.example"]);
    expect(suspect[0]!.ip_hash).not.toContain("198.51.100.7");
    // One of them confirms before the organiser acts.
    const mail = await latestEmail(db, "bulk21@spam.example", "ConfirmSignature");
    await confirmSignature(db, petition.id, tokenFrom((mail!.props as { confirmUrl: string }).confirmUrl));
    await foldCountDeltas(db);
    expect(await countOf(petition.id)).toBe(1);

    const stranger = await signedInMember(db);
    expect((await call(petitionLoader, request(`/petitions/${slug}`, { cookie: stranger.cookie }), { slug })).data.clusters).toEqual([]);
    const review = await call(petitionLoader, request(`/petitions/${slug}?cluster=1`, { cookie: lead.cookie }), { slug });
    expect(review.data.clusters).toHaveLength(1);
    expect(review.data.reviewing).toMatchObject({ domain: "spam.example", signatures: 3, confirmed: 1 });
    const forbidden = await call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "invalidate", network: review.data.reviewing.network, domain: "spam.example" }, cookie: stranger.cookie }), { slug });
    expect(forbidden.status).toBe(403);
    await call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "invalidate", network: review.data.reviewing.network, domain: "spam.example" }, cookie: lead.cookie }), { slug });
    const statuses = await db.selectFrom("petition_signature").select(["status"]).where("petition_id", "=", petition.id).where("suspect", "=", true).execute();
    expect(statuses.every((s) => s.status === "invalid")).toBe(true);
    await foldCountDeltas(db);
    expect(await countOf(petition.id)).toBe(0);
    await recountPetitions(db);
    expect(await countOf(petition.id)).toBe(0);
  });

  it("exports confirmed signatures for delivery with formulas neutralised and emails only by consent; organisers only", async () => {
    const lead = await signedInMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    for (const [email, name, consent] of [
      ["formula@example.org", "=HYPERLINK(\"http://evil\")", false],
      ["news@example.org", "Nell News", true],
    ] as const) {
      await signPetition(db, petition, { ...signer(email), name, campaignConsent: consent, outwardCode: "LS6" });
      await confirmSignature(db, petition.id, tokenFrom(((await latestEmail(db, email, "ConfirmSignature"))!.props as { confirmUrl: string }).confirmUrl));
    }
    await signPetition(db, petition, signer("pending@example.org"));
    const slug = petition.slug;
    const { loader: csvLoader } = await import("../../app/routes/petitions.$slug_.signatures[.]csv");
    const stranger = await signedInMember(db);
    expect((await call(csvLoader, request(`/petitions/${slug}/signatures.csv`, { cookie: stranger.cookie }), { slug })).status).toBe(403);
    const response = (await csvLoader({ request: request(`/petitions/${slug}/signatures.csv`, { cookie: lead.cookie }), params: { slug }, context: { cspNonce: "", clientIp: "" } })) as Response;
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const text = await response.text();
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil""\)","LS6","",/);
    expect(lines[2]).toMatch(/^"Nell News","LS6","news@example.org",/);
    expect(text).not.toContain("formula@example.org");
    expect(text).not.toContain("pending@example.org");
  });

  it("announces milestones on the campaign timeline, records delivery, and anonymises signers after the retention period", async () => {
    const lead = await signedInMember(db);
    const campaignId = await createRunningCampaign(db, lead.id);
    const made = await createPetition(db, campaignId, lead.id, { title: "Milestone test", ask: "Reach our milestones.", why: "So that the timeline shows progress.", addressedTo: "Someone", goal: 10, closesAt: null, milestones: [2] });
    await openPetition(db, made.id);
    const petition = (await getPetitionBySlug(db, made.slug))!;
    for (const email of ["m1@example.org", "m2@example.org"]) {
      await signPetition(db, petition, { ...signer(email), outwardCode: "M1" });
      await confirmSignature(db, petition.id, tokenFrom(((await latestEmail(db, email, "ConfirmSignature"))!.props as { confirmUrl: string }).confirmUrl));
    }
    const { announceMilestone } = await import("../../app/services/campaign.server");
    await foldCountDeltas(db, undefined, announceMilestone);
    const updates = await db.selectFrom("campaign_event").select("title").where("campaign_id", "=", campaignId).where("kind", "=", "update").execute();
    expect(updates.map((u) => u.title)).toEqual(["2 signatures"]);
    // The campaign's followers (its lead organiser follows it) are told, in the fold's transaction.
    const told = await db.selectFrom("notification_event").select(["kind", "title", "subjects"]).where("subjects", "@>", sql<string[]>`array[${`campaign:${campaignId}`}]::text[]`).where("title", "like", "%signatures%").execute();
    expect(told).toEqual([{ kind: "campaign_update", title: expect.stringContaining('2 signatures on "Milestone test"'), subjects: [`campaign:${campaignId}`] }]);
    // The dashboard places them: postcode area M, in the North West.
    const { loader: dashboardLoader } = await import("../../app/routes/campaigns.$id_.dashboard");
    const dashboard = await call(dashboardLoader, request(`/campaigns/${campaignId}/dashboard`, { cookie: lead.cookie }), { id: String(campaignId) });
    expect(dashboard.data.byArea).toEqual([{ area: "M", signatures: 2 }]);
    expect(dashboard.data.byRegion).toEqual([{ region: "North West", signatures: 2 }]);
    expect(dashboard.data.figures.signatures).toBe(2);

    const slug = petition.slug;
    expect((await call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "deliver", note: "Handed to the minister's office." }, cookie: lead.cookie }), { slug })).data.errors.form).toMatch(/Only a closed petition/);
    await call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "close" }, cookie: lead.cookie }), { slug });
    const empty = await call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "deliver", note: "" }, cookie: lead.cookie }), { slug });
    expect(empty.data.errors.note).toBe("Say who received it and what happened");
    await call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "deliver", note: "Handed to the minister's office on Tuesday." }, cookie: lead.cookie }), { slug });
    expect((await getPetitionBySlug(db, slug))!.status).toBe("delivered");
    const delivered = await db.selectFrom("campaign_event").select(["title", "body"]).where("campaign_id", "=", campaignId).where("kind", "=", "petition_delivered").executeTakeFirstOrThrow();
    expect(delivered.title).toBe("Petition delivered: Milestone test");
    expect(delivered.body).toContain("Handed to the minister's office on Tuesday.");
    // Signers who asked for news are told, by the same batched job as any news.
    const queued = await sql<{ subject: string }>`select data->>'subject' as subject from pgboss.job where name = 'petition.news' and data->>'petitionId' = ${String(petition.id)}`.execute(db);
    expect(queued.rows.map((r) => r.subject)).toEqual(["Delivered: Milestone test"]);

    const { anonymiseClosedPetitionSigners } = await import("../../app/models/petition.server");
    expect(await anonymiseClosedPetitionSigners(db, 183)).toBe(0);
    await db.updateTable("petition").set({ closed_at: sql<Date>`now() - interval '200 days'` }).where("id", "=", petition.id).execute();
    expect(await anonymiseClosedPetitionSigners(db, 183)).toBe(2);
    const rows = await db.selectFrom("petition_signature").select(["name", "email", "outward_code", "status", "ip_hash"]).where("petition_id", "=", petition.id).execute();
    expect(rows).toEqual([
      { name: "Anonymised", email: "", outward_code: "M1", status: "confirmed", ip_hash: null },
      { name: "Anonymised", email: "", outward_code: "M1", status: "confirmed", ip_hash: null },
    ]);
    await recountPetitions(db);
    expect(await countOf(petition.id)).toBe(2);
  });

  it("serves a frameable counter for partners' sites, with the title escaped", async () => {
    const lead = await createMember(db);
    const campaignId = await createRunningCampaign(db, lead.id);
    const made = await createPetition(db, campaignId, lead.id, { title: "Embed <script>alert(1)</script>", ask: "Show a counter elsewhere.", why: "Partners want to show our count.", addressedTo: "Someone", goal: 100, closesAt: null });
    const { loader: embedLoader } = await import("../../app/routes/petitions.$slug_.embed");
    expect((await call(embedLoader, request(`/petitions/${made.slug}/embed`), { slug: made.slug })).status).toBe(404);
    await openPetition(db, made.id);
    const response = (await embedLoader({ request: request(`/petitions/${made.slug}/embed`), params: { slug: made.slug }, context: { cspNonce: "", clientIp: "" } })) as Response;
    const html = await response.text();
    expect(html).toContain("0</span> signatures of 100");
    expect(html).not.toContain("<script>");
    const { securityHeaders } = await import("../../app/http/security-headers.server");
    const headers = securityHeaders({ nonce: "n", production: true, path: `/petitions/${made.slug}/embed` });
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors *");
    expect(headers["Content-Security-Policy"]).not.toContain("script-src");
    expect(headers["X-Frame-Options"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n", production: true, path: `/petitions/${made.slug}` })["X-Frame-Options"]).toBe("DENY");
  });
});

describe("news to signers", () => {
  it("reaches only confirmed signers who asked for it, in batches, each with a stop link that works", async () => {
    const lead = await signedInMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    const slug = petition.slug;
    for (const [email, consent, confirm] of [
      ["n1@example.org", true, true],
      ["n2@example.org", true, true],
      ["n3@example.org", true, true],
      ["quiet@example.org", false, true],
      ["unconfirmed@example.org", true, false],
    ] as const) {
      await signPetition(db, petition, { ...signer(email), campaignConsent: consent });
      if (confirm) await confirmSignature(db, petition.id, tokenFrom(((await latestEmail(db, email, "ConfirmSignature"))!.props as { confirmUrl: string }).confirmUrl));
    }
    expect((await call(petitionLoader, request(`/petitions/${slug}`, { cookie: lead.cookie }), { slug })).data.newsAudience).toBe(3);
    const stranger = await signedInMember(db);
    expect((await call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "news", subject: "Hello", message: "A message for everyone." }, cookie: stranger.cookie }), { slug })).status).toBe(403);
    const empty = await call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "news", subject: "", message: "" }, cookie: lead.cookie }), { slug });
    expect(empty.data.errors).toMatchObject({ subject: "Enter a subject", message: "Write the message" });
    await call(petitionAction, request(`/petitions/${slug}`, { form: { intent: "news", subject: "We met the minister", message: "It went well.\n\nMore soon." }, cookie: lead.cookie }), { slug });

    // The job writes 2 at a time and queues the rest.
    const { sendPetitionNewsBatch } = await import("../../app/services/petition.server");
    const jobData = async () =>
      (await sql<{ data: { petitionId: number; messageKey: string; subject: string; message: string; afterId: number } }>`select data from pgboss.job where name = 'petition.news' and data->>'petitionId' = ${String(petition.id)} order by created_on desc limit 1`.execute(db)).rows[0]!.data;
    const first = await sendPetitionNewsBatch(db, await jobData(), 2);
    expect(first).toEqual({ sent: 2, done: false });
    const second = await sendPetitionNewsBatch(db, await jobData(), 2);
    expect(second).toEqual({ sent: 1, done: true });
    // A retried batch writes nothing twice.
    expect(await sendPetitionNewsBatch(db, await jobData(), 2)).toEqual({ sent: 0, done: true });
    const news = await db.selectFrom("email").select(["to_address", "props"]).where("template", "=", "PetitionNews").where("to_address", "like", "n_@example.org").execute();
    expect(news.map((n) => n.to_address).sort()).toEqual(["n1@example.org", "n2@example.org", "n3@example.org"]);

    // n1 stops the news from the link; a forged link does nothing.
    const stopUrl = (news.find((n) => n.to_address === "n1@example.org")!.props as { stopUrl: string }).stopUrl;
    const token = stopUrl.split("/").pop()!;
    const { action: stopAction, loader: stopLoader } = await import("../../app/routes/petitions.$slug_.news-off.$token");
    const forged = token.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    expect((await call(stopLoader, request(`/petitions/${slug}/news-off/${forged}`), { slug, token: forged })).data.valid).toBe(false);
    expect((await call(stopAction, request(`/petitions/${slug}/news-off/${forged}`, { method: "POST" }), { slug, token: forged })).status).toBe(404);
    expect((await call(petitionLoader, request(`/petitions/${slug}`, { cookie: lead.cookie }), { slug })).data.newsAudience).toBe(3);
    const headers = (await db.selectFrom("email").select("headers").where("to_address", "=", "n1@example.org").where("template", "=", "PetitionNews").executeTakeFirstOrThrow()).headers;
    expect(headers).toEqual({ "List-Unsubscribe": `<${stopUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    // A mail program's one-click POST: no cookie, and an answer, not a redirect.
    const oneClick = await call(stopAction, request(`/petitions/${slug}/news-off/${token}`, { form: { "List-Unsubscribe": "One-Click" } }), { slug, token });
    expect(oneClick).toMatchObject({ status: 200, location: null, data: { done: true } });
    expect((await call(petitionLoader, request(`/petitions/${slug}`, { cookie: lead.cookie }), { slug })).data.newsAudience).toBe(2);
  });
});

describe("closing dates", () => {
  it("close a petition by the minute sweep once its date has passed, with an entry on the campaign's timeline", async () => {
    const lead = await createMember(db);
    const { petition, campaignId } = await createPetitionFor(db, { leadId: lead.id });
    const { closeDuePetitions } = await import("../../app/services/petition.server");
    expect(await closeDuePetitions(db)).toBe(0);
    await db.updateTable("petition").set({ closes_at: sql<Date>`now() - interval '1 minute'` }).where("id", "=", petition.id).execute();
    expect(await closeDuePetitions(db)).toBe(1);
    expect(await closeDuePetitions(db)).toBe(0);
    const after = (await getPetitionBySlug(db, petition.slug))!;
    expect(after.status).toBe("closed");
    const entry = await db.selectFrom("campaign_event").select("title").where("campaign_id", "=", campaignId).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(entry.title).toBe(`Petition closed: ${petition.title}`);
  });
});
