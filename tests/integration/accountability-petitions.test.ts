import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db";
import { createMember, createOpenLetterCampaign, createPetitionFor, createRunningCampaign, createTarget, signedInMember, unique } from "../support/builders";
import { startAppServer } from "../support/app-server";
import { addCountDelta, foldCountDeltas, getPetitionBySlug } from "../../app/models/petition.server";
import { listPetitionTargetIds, setPetitionTargets } from "../../app/models/ask.server";
import { answerThroughLink, askAtThresholds, enterResponse, recordAsk } from "../../app/services/accountability.server";
import { closePetition, openPetition } from "../../app/services/petition.server";
import { anonymiseLetterWriters, sendLetterNewsBatch, setLetterCampaignStatus } from "../../app/services/letter.server";
import { action as newAction, loader as newLoader } from "../../app/routes/campaigns.$id_.petitions.new";
import { action as editAction, loader as editLoader } from "../../app/routes/petitions.$slug_.edit";
import { loader as petitionLoader } from "../../app/routes/petitions.$slug/route";
import { action as writeAction } from "../../app/routes/letters.$slug";
import { action as confirmLetterAction } from "../../app/routes/letters.$slug_.confirm.$token";
import { action as stopAction, loader as stopLoader } from "../../app/routes/letters.$slug_.news-off.$token";
import { renderEmail } from "../../app/services/email.server";
import { call, latestEmail, request } from "./http";

const DAY = 86_400_000;
const minister = async (actorId: number, name = `Minister ${unique()}`) => ({ name, ...(await createTarget(db, actorId, { name, role: "minister", areas: "everywhere" })) });
const thresholdAsks = (petitionId: number) => db.selectFrom("ask").select(["id", "target_id", "threshold", "status"]).where("petition_id", "=", petitionId).orderBy("id").execute();
const fold = () => foldCountDeltas(db, undefined, undefined, askAtThresholds);
const PETITION = { title: "Crisis houses near home", ask: "Fund a crisis house in every region.", why: "Because people in crisis deserve better than a distant ward.", addressedTo: "The Minister for Care", goal: "10,000" };

describe("the petition forms: whom a petition asks, and at what counts", () => {
  it("stores the chosen decision makers and both thresholds, and explains bad thresholds by the field, keeping what was typed", async () => {
    const lead = await signedInMember(db);
    const stranger = await signedInMember(db);
    const campaignId = await createRunningCampaign(db, lead.id);
    const target = await minister(lead.id);
    const p = { id: String(campaignId) };
    const url = `/campaigns/${campaignId}/petitions/new`;
    const shown = await call(newLoader, request(url, { cookie: lead.cookie }), p);
    expect(shown.data.targets).toContainEqual({ id: String(target.id), label: expect.stringContaining(target.name), bounced: false });

    const post = (form: Record<string, string | string[]>, cookie = lead.cookie) => call(newAction, request(url, { form: { ...PETITION, ...form }, cookie }), p);
    const noOne = await post({ responseThreshold: "10,000" });
    expect(noOne.status).toBe(400);
    expect(noOne.data.errors).toEqual({ targetIds: "Choose at least one decision maker to ask, or leave both thresholds empty" });
    expect(noOne.data.values).toMatchObject({ title: PETITION.title, responseThreshold: "10,000" });
    const lower = await post({ targetIds: String(target.id), responseThreshold: "10,000", meetingThreshold: "5,000" });
    expect(lower.data.errors).toEqual({ meetingThreshold: "The meeting threshold must be higher than the response threshold (10,000)" });
    expect(lower.data.values).toMatchObject({ targetIds: String(target.id), meetingThreshold: "5,000" });
    expect((await post({ targetIds: String(target.id), meetingThreshold: "5,000" })).data.errors).toEqual({ meetingThreshold: "Set a response threshold too: the meeting threshold must be higher than it" });
    expect((await post({ targetIds: String(target.id), responseThreshold: "lots", meetingThreshold: "0" })).data.errors).toEqual({
      responseThreshold: "Enter the response threshold as a whole number, like 10,000, or leave it empty",
      meetingThreshold: "The meeting threshold must be at least 1 signature",
    });
    expect((await post({ targetIds: String(target.id), responseThreshold: "20,000,000" })).data.errors).toEqual({ responseThreshold: "The response threshold must be 10,000,000 or fewer" });
    expect((await post({ targetIds: String(target.id), responseThreshold: "10,000" }, stranger.cookie)).status).toBe(403);

    // A decision maker removed from the directory meanwhile (or a made-up id) is skipped, not a 500.
    const made = await post({ targetIds: [String(target.id), "99999999", "not-an-id"], responseThreshold: "10,000", meetingThreshold: "50 000" });
    expect(made.status).toBe(302);
    const petition = (await getPetitionBySlug(db, made.location!.split("/").pop()!))!;
    expect(petition).toMatchObject({ response_threshold: 10_000, meeting_threshold: 50_000, response_asked_at: null });
    expect(await listPetitionTargetIds(db, petition.id)).toEqual([target.id]);
    // Without thresholds nobody need be chosen.
    expect((await post({})).status).toBe(302);
  });

  it("refuses a forged form choosing more decision makers than any petition asks, by the field, instead of a query PostgreSQL cannot take", async () => {
    const lead = await signedInMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    const slug = petition.slug;
    // 70,000 distinct ids fit in a 1 MB form but not in one query's 65,535 parameters.
    const ids = Array.from({ length: 70_000 }, (_, i) => String(i + 1));
    const refused = await call(editAction, request(`/petitions/${slug}/edit`, { form: { intent: "asks", targetIds: ids, responseThreshold: "5,000" }, cookie: lead.cookie }), { slug });
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toMatchObject({ targetIds: "Choose 200 decision makers or fewer" });
    expect(await listPetitionTargetIds(db, petition.id)).toEqual([]);
  });

  it("changes a draft as a whole; once open, only whom it asks and when, until each threshold has asked; a passed threshold asks on saving", async () => {
    const lead = await signedInMember(db);
    const first = await minister(lead.id);
    const second = await minister(lead.id);
    const { petition } = await createPetitionFor(db, { leadId: lead.id, open: false });
    const slug = petition.slug;
    const url = `/petitions/${slug}/edit`;
    const draft = await call(editLoader, request(url, { cookie: lead.cookie }), { slug });
    expect(draft.data.values).toMatchObject({ targetIds: [], responseThreshold: "", meetingThreshold: "" });
    const saved = await call(editAction, request(url, { form: { ...draft.data.values, targetIds: [String(first.id), String(second.id)], responseThreshold: "1,000" }, cookie: lead.cookie }), { slug });
    expect(saved.location).toBe(`/petitions/${slug}`);
    expect((await call(editLoader, request(url, { cookie: lead.cookie }), { slug })).data.values).toMatchObject({ targetIds: [String(first.id), String(second.id)].sort(), responseThreshold: "1,000" });

    await openPetition(db, petition.id);
    const open = await call(editLoader, request(url, { cookie: lead.cookie }), { slug });
    expect(open.data).toMatchObject({ petition: { status: "open" }, locked: { targets: false, response: false, meeting: false } });
    const asks = (form: Record<string, string | string[]>) => call(editAction, request(url, { form: { intent: "asks", ...form }, cookie: lead.cookie }), { slug });
    // Refused like the new form: messages by the field, typed values kept; nothing changes.
    const refused = await asks({ targetIds: [], responseThreshold: "2" });
    expect(refused.data).toMatchObject({ errors: { targetIds: "Choose at least one decision maker to ask, or leave both thresholds empty" }, values: { responseThreshold: "2" } });
    // The count is 3; a threshold of 2 has already been passed, so the decision maker is asked as it is saved.
    await addCountDelta(db, petition.id, 3);
    await foldCountDeltas(db);
    // Asking a minister cannot be taken back, so the first press only says so, and asks nobody.
    const warned = await asks({ targetIds: String(first.id), responseThreshold: "2" });
    expect(warned.data).toMatchObject({ confirmAsk: { count: 3, confirming: "2/" }, values: { responseThreshold: "2" } });
    expect(await thresholdAsks(petition.id)).toEqual([]);
    // A confirmation given for other numbers does not carry over to these.
    expect((await asks({ targetIds: String(first.id), responseThreshold: "3", confirmed: "2/" })).data).toMatchObject({ confirmAsk: { confirming: "3/" } });
    expect(await thresholdAsks(petition.id)).toEqual([]);
    const passed = await asks({ targetIds: String(first.id), responseThreshold: "2", confirmed: "2/" });
    expect(passed.location).toBe(`/petitions/${slug}`);
    expect(await thresholdAsks(petition.id)).toEqual([expect.objectContaining({ target_id: first.id, threshold: "response", status: "asked" })]);
    expect(await latestEmail(db, first.email, "AskForResponse")).toBeDefined();
    expect(await latestEmail(db, second.email, "AskForResponse")).toBeUndefined();

    // Now the response threshold and the decision makers stay as they were asked.
    expect((await call(editLoader, request(url, { cookie: lead.cookie }), { slug })).data.locked).toEqual({ targets: true, response: true, meeting: false });
    expect((await asks({ targetIds: String(first.id), responseThreshold: "5" })).data.errors).toEqual({ responseThreshold: "The decision makers have already been asked for a response, so the response threshold stays as it is." });
    expect((await asks({ targetIds: [String(first.id), String(second.id)], responseThreshold: "2" })).data.errors).toEqual({ targetIds: "The decision makers have already been asked, so they stay as they are." });
    // The meeting threshold, not yet passed, can still be added.
    expect((await asks({ targetIds: String(first.id), responseThreshold: "2", meetingThreshold: "100" })).location).toBe(`/petitions/${slug}`);
    expect(await getPetitionBySlug(db, slug)).toMatchObject({ response_threshold: 2, meeting_threshold: 100, meeting_asked_at: null });
    // A second fold asks nobody twice.
    await addCountDelta(db, petition.id, 1);
    await fold();
    expect(await thresholdAsks(petition.id)).toHaveLength(1);

    await closePetition(db, petition.id);
    expect((await asks({ targetIds: String(first.id), responseThreshold: "2", meetingThreshold: "200" })).data.errors).toEqual({ form: "This petition is closed, so who it asks stays as it is." });
    const stranger = await signedInMember(db);
    expect((await call(editAction, request(url, { form: { intent: "asks", targetIds: String(first.id) }, cookie: stranger.cookie }), { slug })).status).toBe(403);
  });
});

describe("the petition page", () => {
  let app: Awaited<ReturnType<typeof startAppServer>>;
  beforeAll(async () => {
    app = await startAppServer();
  }, 60_000);
  afterAll(() => app?.close());
  const page = async (slug: string) => (await (await fetch(`${app.base}/petitions/${slug}`)).text()).replace(/<!-- -->/g, "").replace(/&#x27;/g, "'");

  it("says who will be asked at which count, then who it is waiting for and since when, then their answer with a link to the full ask", async () => {
    const lead = await createMember(db);
    const target = await minister(lead.id);
    const { petition, campaignId } = await createPetitionFor(db, { leadId: lead.id });
    await setPetitionTargets(db, petition.id, [target.id]);
    await db.updateTable("petition").set({ response_threshold: 10_000, meeting_threshold: 50_000 }).where("id", "=", petition.id).execute();
    const before = await page(petition.slug);
    expect(before).toContain(`At 10,000 signatures, ${target.name} will be asked for a response.`);
    expect(before).toContain("At 50,000 signatures, they will be asked to meet the campaign.");
    expect(before).not.toContain("Waiting for a response");
    // The page never shows a decision maker's address.
    expect(before).not.toContain(target.email);

    await db.updateTable("petition").set({ response_threshold: 3 }).where("id", "=", petition.id).execute();
    await addCountDelta(db, petition.id, 3);
    await fold();
    const [ask] = await thresholdAsks(petition.id);
    const since = (await db.selectFrom("ask").select("asked_on").where("id", "=", ask!.id).executeTakeFirstOrThrow()).asked_on;
    const waiting = await page(petition.slug);
    const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${since}T00:00:00Z`));
    expect(waiting).toContain(`Waiting for a response from ${target.name} since`);
    expect(waiting).toContain(day);
    expect(waiting).toContain("At 50,000 signatures");
    const data = (await call(petitionLoader, request(`/petitions/${petition.slug}`), { slug: petition.slug })).data;
    expect(data.asks.asks).toEqual([expect.objectContaining({ id: ask!.id, status: "asked", threshold: "response", responses: [] })]);

    const mail = await latestEmail(db, target.email, "AskForResponse");
    const token = String((mail!.props as { respondUrl: string }).respondUrl).split("/respond/")[1]!;
    expect(await answerThroughLink(db, token, { body: "I will fund **three** regions this year.\n\n<script>alert(1)</script>", position: "commit" })).toEqual({ ok: true });
    const answered = await page(petition.slug);
    expect(answered).not.toContain("Waiting for a response");
    expect(answered).toContain("<strong>three</strong> regions");
    expect(answered).not.toContain("<script>alert(1)");
    expect(answered).toContain("Committed in their own response.");
    expect(answered).toContain(`href="/campaigns/${campaignId}#ask-${ask!.id}"`);
  });

  it("says nothing of asks on a petition without thresholds, and costs no query for them", async () => {
    const lead = await createMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    expect((await call(petitionLoader, request(`/petitions/${petition.slug}`), { slug: petition.slug })).data.asks).toBeNull();
    expect(await page(petition.slug)).not.toContain("What the signatures ask for");
  });
});

describe("letter writers' campaign news", () => {
  const personal = (seed: string) => `${seed} A crisis house near home would have meant I could keep seeing my children and my friends while I got well, instead of being sent far away to a ward.`;

  async function writeAndConfirm(slug: string, email: string, form: Record<string, string> = {}) {
    const fields = { postcode: "YO1 7HH", subject: "Crisis houses", opening: "I am writing as your constituent.", personal: personal(email), name: "Writer", email, intent: "send", ...form };
    expect((await call(writeAction, request(`/letters/${slug}`, { form: fields }), { slug }, `198.51.100.${Math.floor(Math.random() * 250)}`)).location).toBe("/check-email?for=letter");
    const mail = await latestEmail(db, email, "ConfirmLetter");
    const token = (mail!.props as { confirmUrl: string }).confirmUrl.split("/").pop()!;
    await call(confirmLetterAction, request(`/letters/${slug}/confirm/${token}`, { method: "POST" }), { slug, token });
  }

  it("emails writers who ticked the box when a response is published, once per address, each with a one-click stop link that works", async () => {
    const actor = await createMember(db);
    const target = await minister(actor.id);
    const { lc, lead, campaignId } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [target.id] });
    const slug = lc.slug;
    // The box is carried from the writing form through the preview.
    const preview = await call(writeAction, request(`/letters/${slug}`, { form: { postcode: "YO1 7HH", subject: "Crisis houses", opening: "I am writing as your constituent.", personal: personal("Preview."), name: "Pat", email: "pat@example.org", campaignNews: "yes", intent: "preview" } }), { slug });
    expect(preview.data).toMatchObject({ step: "preview", values: { campaignNews: "yes" } });

    const keen = `keen-${unique()}@example.org`;
    const quiet = `quiet-${unique()}@example.org`;
    await writeAndConfirm(slug, keen, { campaignNews: "yes" });
    await writeAndConfirm(slug, keen.toUpperCase(), { campaignNews: "yes", subject: "Again" });
    await writeAndConfirm(slug, quiet);
    const consents = await db.selectFrom("letter").select(["email", "campaign_consent"]).where("letter_campaign_id", "=", lc.id).orderBy("id").execute();
    expect(consents.map((c) => c.campaign_consent)).toEqual([true, true, false]);

    const asked = await recordAsk(db, lead.id, campaignId, { targetId: target.id, request: "Will you fund crisis houses?", channel: "letter_campaign", letterCampaignId: lc.id, petitionId: null, link: null, askedOn: "2026-11-02", sendLink: false });
    if (!asked.ok) throw new Error(asked.reason);
    await enterResponse(db, lead.id, asked.id, { body: "We are considering it.", responder: target.name, source: "letter", receivedOn: "2026-11-20", status: "responded", summary: "" });
    const jobData = async () =>
      (await sql<{ data: { letterCampaignId: number; messageKey: string; subject: string; message: string; afterId: number } }>`select data from pgboss.job where name = 'letter.news' and data->>'letterCampaignId' = ${String(lc.id)} order by created_on desc limit 1`.execute(db)).rows[0]!.data;
    const job = await jobData();
    expect(job.subject).toBe(`${target.name} has responded to the campaign`);
    expect(job.message).toContain(`/campaigns/${campaignId}#ask-${asked.id}`);
    expect(await sendLetterNewsBatch(db, job)).toEqual({ sent: 1, done: true });
    // A retried batch writes nothing twice.
    expect(await sendLetterNewsBatch(db, job)).toEqual({ sent: 0, done: true });
    expect(await latestEmail(db, quiet, "LetterNews")).toBeUndefined();
    const news = (await db.selectFrom("email").select(["props", "headers"]).where("template", "=", "LetterNews").where("to_address", "=", keen).execute());
    expect(news).toHaveLength(1);
    const stopUrl = (news[0]!.props as { stopUrl: string }).stopUrl;
    expect(stopUrl).toContain(`/letters/${slug}/news-off/`);
    expect(news[0]!.headers).toEqual({ "List-Unsubscribe": `<${stopUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    // The email says why they get it and how to stop, in its plain-text part too.
    const rendered = await renderEmail("LetterNews", news[0]!.props as never);
    expect(rendered.subject).toBe(`${target.name} has responded to the campaign`);
    expect(rendered.text).toContain(stopUrl);
    expect(rendered.text).toContain("asked to hear when decision makers respond");

    // Opening the link changes nothing; a forged one does nothing; a mail program's one-click POST, without a cookie, stops it.
    const token = stopUrl.split("/").pop()!;
    const forged = token.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    expect((await call(stopLoader, request(`/letters/${slug}/news-off/${forged}`), { slug, token: forged })).data.valid).toBe(false);
    expect((await call(stopAction, request(`/letters/${slug}/news-off/${forged}`, { method: "POST" }), { slug, token: forged })).status).toBe(404);
    expect((await call(stopLoader, request(`/letters/${slug}/news-off/${token}`), { slug, token })).data).toMatchObject({ valid: true, lc: { slug } });
    expect((await db.selectFrom("letter").select("campaign_consent").where("email", "=", keen).executeTakeFirstOrThrow()).campaign_consent).toBe(true);
    expect(await call(stopAction, request(`/letters/${slug}/news-off/${token}`, { form: { "List-Unsubscribe": "One-Click" } }), { slug, token })).toMatchObject({ status: 200, location: null, data: { done: true } });
    // Both letters from that address stop, so the next response reaches no one.
    expect((await db.selectFrom("letter").select("campaign_consent").where("letter_campaign_id", "=", lc.id).orderBy("id").execute()).map((l) => l.campaign_consent)).toEqual([false, false, false]);
    await enterResponse(db, lead.id, asked.id, { body: "We have decided.", responder: target.name, source: "letter", receivedOn: "2026-11-30", status: "committed", summary: "Committed." });
    expect(await sendLetterNewsBatch(db, await jobData())).toEqual({ sent: 0, done: true });
    // The link of a letter campaign that does not exist is a 404.
    expect((await call(stopLoader, request(`/letters/nothing/news-off/${token}`), { slug: "nothing", token })).status).toBe(404);
  });

  it("is unticked unless ticked, and the consent goes when the writers are anonymised", async () => {
    const actor = await createMember(db);
    const target = await minister(actor.id);
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [target.id] });
    await writeAndConfirm(lc.slug, `anon-${unique()}@example.org`, { campaignNews: "yes" });
    await writeAndConfirm(lc.slug, `anon-${unique()}@example.org`, { campaignNews: "" });
    const consents = () => db.selectFrom("letter").select(["campaign_consent", "email"]).where("letter_campaign_id", "=", lc.id).orderBy("id").execute();
    expect((await consents()).map((c) => c.campaign_consent)).toEqual([true, false]);
    await setLetterCampaignStatus(db, lc.id, "closed");
    await anonymiseLetterWriters(db, 183, new Date(Date.now() + 184 * DAY));
    expect(await consents()).toEqual([
      { campaign_consent: false, email: null },
      { campaign_consent: false, email: null },
    ]);
  });
});
