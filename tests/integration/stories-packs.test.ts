import { afterEach, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { sql } from "kysely";
import { db } from "../../db";
import { getCampaign } from "../../app/models/campaign.server";
import { countSignaturesByArea } from "../../app/models/petition.server";
import { changeStoryConsents, withdrawStory } from "../../app/services/stories.server";
import { regionOf } from "../../app/utils/postcode-regions";
import { toUkDateInput } from "../../app/utils/uk-dates";
import { todayInLondon } from "../../app/utils/london-time";
import { action as packsAction, loader as packsLoader } from "../../app/routes/campaigns.$id_.packs/route";
import { action as packAction, loader as packLoader } from "../../app/routes/campaigns.$id_.packs_.$packId";
import { loader as printLoader } from "../../app/routes/campaigns.$id_.packs_.$packId_.print";
import { loader as dashboardLoader } from "../../app/routes/campaigns.$id_.dashboard";
import { loader as askLoader } from "../../app/routes/campaigns.$id_.asks_.$askId/route";
import { recordAsk } from "../../app/services/accountability.server";
import type { NewStory } from "../../app/models/story.server";
import { createLetterCampaign } from "../../app/services/letter.server";
import { createMember, createPetitionFor, createPublishedStory, createRunningCampaign, createStory, createTarget, LETTER_CAMPAIGN_FIELDS, signedInMember, unique } from "../support/builders";
import { call, request } from "./http";

const CONSENTS = { audience: "public" as const, audienceCampaignIds: [] as number[], nameChoice: "display_name" as const, firstName: null, organisationId: null, place: null, mayQuote: true, forResearch: false };

/** A running campaign with its organiser signed in, and a teller ready to tell stories about its demand. */
async function packSetup() {
  const lead = await signedInMember(db, { displayName: "Lead Organiser" });
  const campaignId = await createRunningCampaign(db, lead.id);
  const demandId = (await getCampaign(db, campaignId))!.demand_id;
  const tellerName = `Teller ${unique()}`;
  const teller = { ...(await createMember(db, { displayName: tellerName })), displayName: tellerName };
  const quotable = (spec: Partial<NewStory> = {}) => createPublishedStory(db, teller.id, { demandIds: [demandId], mayQuote: true, ...spec });
  const packs = `/campaigns/${campaignId}/packs`;
  return { lead, campaignId, demandId, teller, quotable, packs, p: { id: String(campaignId) } };
}
type Setup = Awaited<ReturnType<typeof packSetup>>;

/** Makes a pack through the page and returns its id. */
async function makePack(s: Setup, form: Record<string, string | string[]>) {
  const made = await call(packsAction, request(s.packs, { form: { title: "Stories for the minister", intent: "chosen", ...form }, cookie: s.lead.cookie }), s.p);
  expect(made.status, JSON.stringify(made.data)).toBe(302);
  return Number(made.location!.split("/").pop());
}

const printOf = (s: Setup, packId: number, cookie = s.lead.cookie) => call(printLoader, request(`${s.packs}/${packId}/print`, { cookie }), { ...s.p, packId: String(packId) });
const printedIds = async (s: Setup, packId: number) => ((await printOf(s, packId)).data.stories as Array<{ id: number }>).map((x) => x.id);
const packRows = (packId: number) => db.selectFrom("story_pack_story").select(["story_id", "withdrawn_at", "position"]).where("pack_id", "=", packId).orderBy("position").execute();

afterEach(() => {
  vi.restoreAllMocks();
});

describe("who may use the story packs", () => {
  it("lets the campaign's organisers in, sends signed-out visitors to sign in, refuses strangers and admins who do not organise it, and hides another campaign's pack", async () => {
    const s = await packSetup();
    const story = await s.quotable();
    const packId = await makePack(s, { storyIds: String(story) });
    const stranger = await signedInMember(db);
    const admin = await signedInMember(db, { roles: ["admin"] });
    const packParams = { ...s.p, packId: String(packId) };

    const signedOut = await call(packsLoader, request(s.packs), s.p);
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toBe(`/sign-in?redirectTo=${encodeURIComponent(s.packs)}`);
    expect((await call(packLoader, request(`${s.packs}/${packId}`), packParams)).status).toBe(302);
    expect((await call(printLoader, request(`${s.packs}/${packId}/print`), packParams)).status).toBe(302);

    for (const who of [stranger, admin]) {
      expect((await call(packsLoader, request(s.packs, { cookie: who.cookie }), s.p)).status).toBe(403);
      expect((await call(packsAction, request(s.packs, { form: { title: "Mine now", intent: "all" }, cookie: who.cookie }), s.p)).status).toBe(403);
      expect((await call(packLoader, request(`${s.packs}/${packId}`, { cookie: who.cookie }), packParams)).status).toBe(403);
      expect((await printOf(s, packId, who.cookie)).status).toBe(403);
      expect((await call(packAction, request(`${s.packs}/${packId}`, { form: { deliveredOn: toUkDateInput(todayInLondon()) }, cookie: who.cookie }), packParams)).status).toBe(403);
    }

    // The organiser of another campaign asks for this pack under their own campaign's address: 404.
    const other = await packSetup();
    const otherParams = { ...other.p, packId: String(packId) };
    expect((await call(packLoader, request(`${other.packs}/${packId}`, { cookie: other.lead.cookie }), otherParams)).status).toBe(404);
    expect((await call(printLoader, request(`${other.packs}/${packId}/print`, { cookie: other.lead.cookie }), otherParams)).status).toBe(404);
    expect((await call(packAction, request(`${other.packs}/${packId}`, { form: { deliveredOn: toUkDateInput(todayInLondon()) }, cookie: other.lead.cookie }), otherParams)).status).toBe(404);
    expect((await call(packLoader, request(`${s.packs}/999999999`, { cookie: s.lead.cookie }), { ...s.p, packId: "999999999" })).status).toBe(404);
    expect((await call(packLoader, request(`${s.packs}/nonsense`, { cookie: s.lead.cookie }), { ...s.p, packId: "nonsense" })).status).toBe(404);
  });
});

describe("which stories a pack may carry", () => {
  it("offers only published, quotable stories about the campaign's demand that its organisers may read, newest first", async () => {
    const s = await packSetup();
    const other = await packSetup();
    const publicOne = await s.quotable();
    const membersOnly = await s.quotable({ audience: "members" });
    const forThisCampaign = await s.quotable({ audience: "organisers", audienceCampaignIds: [s.campaignId] });
    const notQuotable = await s.quotable({ mayQuote: false });
    const forOtherCampaign = await s.quotable({ audience: "organisers", audienceCampaignIds: [other.campaignId] });
    const waiting = await createStory(db, s.teller.id, { demandIds: [s.demandId], mayQuote: true });
    const withdrawn = await s.quotable();
    expect(await withdrawStory(db, withdrawn, s.teller.id)).toEqual({ ok: true });
    const otherDemand = await createPublishedStory(db, s.teller.id, { demandIds: [other.demandId], mayQuote: true });
    const noDemand = await createPublishedStory(db, s.teller.id, { mayQuote: true });

    const page = await call(packsLoader, request(s.packs, { cookie: s.lead.cookie }), s.p);
    expect(page.status).toBe(200);
    expect(page.data.stories.map((x: { id: number }) => x.id)).toEqual([forThisCampaign, membersOnly, publicOne]);
    for (const refused of [notQuotable, forOtherCampaign, waiting, withdrawn, otherDemand, noDemand]) expect(page.data.stories.map((x: { id: number }) => x.id)).not.toContain(refused);
    // The other campaign's organisers are offered the story shared with them only if it is about their demand: it is not.
    expect((await call(packsLoader, request(other.packs, { cookie: other.lead.cookie }), other.p)).data.stories.map((x: { id: number }) => x.id)).toEqual([otherDemand]);
  });

  it("refuses a forged pack naming any story that may not be quoted, keeps the form, and makes nothing", async () => {
    const s = await packSetup();
    const other = await packSetup();
    const good = await s.quotable();
    const forged = {
      notQuotable: await s.quotable({ mayQuote: false }),
      waiting: await createStory(db, s.teller.id, { demandIds: [s.demandId], mayQuote: true }),
      withdrawn: await s.quotable(),
      organisersOfAnotherCampaign: await s.quotable({ audience: "organisers", audienceCampaignIds: [other.campaignId] }),
      anotherDemand: await createPublishedStory(db, s.teller.id, { demandIds: [other.demandId], mayQuote: true }),
      noSuchStory: 999_999_999,
    };
    await withdrawStory(db, forged.withdrawn, s.teller.id);
    const before = await db.selectFrom("story_pack").select(sql<number>`count(*)::int`.as("n")).where("campaign_id", "=", s.campaignId).executeTakeFirstOrThrow();
    for (const [kind, id] of Object.entries(forged)) {
      const refused = await call(packsAction, request(s.packs, { form: { title: `Forged ${kind}`, intent: "chosen", storyIds: [String(good), String(id)] }, cookie: s.lead.cookie }), s.p);
      expect([kind, refused.status]).toEqual([kind, 400]);
      expect(refused.data.errors.storyIds).toMatch(/can no longer be quoted/);
      expect(refused.data.values.title).toBe(`Forged ${kind}`);
      // Only the stories that may still go in stay ticked.
      expect(refused.data.values.storyIds).toEqual([String(good)]);
    }
    const after = await db.selectFrom("story_pack").select(sql<number>`count(*)::int`.as("n")).where("campaign_id", "=", s.campaignId).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    // "Include every quotable story" takes exactly the quotable ones, whatever is ticked.
    const all = await makePack(s, { intent: "all", storyIds: String(forged.notQuotable) });
    expect((await packRows(all)).map((r) => r.story_id)).toEqual([good]);
  });

  it("numbers a pack's stories newest first, once, and keeps the numbers when one drops out", async () => {
    const s = await packSetup();
    const ids = [await s.quotable(), await s.quotable(), await s.quotable()];
    const packId = await makePack(s, { intent: "all" });
    expect((await packRows(packId)).map((r) => [r.story_id, r.position])).toEqual([
      [ids[2], 1],
      [ids[1], 2],
      [ids[0], 3],
    ]);
    await withdrawStory(db, ids[1]!, s.teller.id);
    const print = await printOf(s, packId);
    expect(print.data.stories.map((x: { id: number; position: number }) => [x.id, x.position])).toEqual([
      [ids[2], 1],
      [ids[0], 3],
    ]);
  });
});

describe("a pack follows its tellers' consent at every request", () => {
  it("drops a withdrawn, un-quoted or narrowed story from the print page at the next request, and marks a delivered pack so organisers tell the decision maker", async () => {
    const s = await packSetup();
    const other = await packSetup();
    const petition = (await createPetitionFor(db, { leadId: s.lead.id, campaignId: s.campaignId, title: "A crisis house in every region" })).petition;
    const [stays, withdrawn, unquoted, narrowed] = [await s.quotable(), await s.quotable(), await s.quotable({ audience: "members" }), await s.quotable()];
    const packId = await makePack(s, { intent: "all", goesWith: `petition-${petition.id}` });
    expect(new Set(await printedIds(s, packId))).toEqual(new Set([stays, withdrawn, unquoted, narrowed]));

    const delivered = await call(packAction, request(`${s.packs}/${packId}`, { form: { deliveredOn: toUkDateInput(todayInLondon()) }, cookie: s.lead.cookie }), { ...s.p, packId: String(packId) });
    expect(delivered.status).toBe(302);

    expect(await withdrawStory(db, withdrawn, s.teller.id)).toEqual({ ok: true });
    expect(await changeStoryConsents(db, unquoted, s.teller.id, { ...CONSENTS, audience: "members", mayQuote: false })).toMatchObject({ ok: true, changed: ["quote"] });
    expect(await changeStoryConsents(db, narrowed, s.teller.id, { ...CONSENTS, audience: "organisers", audienceCampaignIds: [other.campaignId] })).toMatchObject({ ok: true, changed: ["audience"] });
    // A change that leaves the story quotable here marks nothing.
    expect(await changeStoryConsents(db, stays, s.teller.id, { ...CONSENTS, nameChoice: "anonymous" })).toMatchObject({ ok: true, changed: ["name"] });

    expect(await printedIds(s, packId)).toEqual([stays]);
    const rows = await packRows(packId);
    expect(rows.filter((r) => r.withdrawn_at !== null).map((r) => r.story_id).sort()).toEqual([withdrawn, unquoted, narrowed].sort());
    // The renamed story is printed under its new name at once.
    expect((await printOf(s, packId)).data.stories[0].tellerName).toBe("Anonymous");

    const page = await call(packLoader, request(`${s.packs}/${packId}`, { cookie: s.lead.cookie }), { ...s.p, packId: String(packId) });
    expect(page.data.stories.map((x: { id: number }) => x.id)).toEqual([stays]);
    expect(page.data.dropped).toHaveLength(3);
    expect(page.data.dropped.every((d: { afterDelivery: boolean }) => d.afterDelivery)).toBe(true);
    expect(page.data.dropped.filter((d: { withdrawn: boolean }) => d.withdrawn)).toHaveLength(1);
    // The dropped stories are named by number only: their titles are what the tellers took back.
    expect(JSON.stringify(page.data.dropped)).not.toMatch(/A story [a-z0-9]/);

    const list = await call(packsLoader, request(s.packs, { cookie: s.lead.cookie }), s.p);
    expect(list.data.packs[0]).toMatchObject({ id: packId, included: 1, dropped: 3, droppedSinceDelivery: 3 });
    expect(list.data.warnings).toHaveLength(3);
    const withdrawal = list.data.warnings.find((w: { withdrawn: boolean }) => w.withdrawn);
    expect(withdrawal).toMatchObject({ packId, deliveredTo: "The Minister for Care" });

    const dashboard = await call(dashboardLoader, request(`/campaigns/${s.campaignId}/dashboard`, { cookie: s.lead.cookie }), s.p);
    expect(dashboard.data.packs).toBe(true);
    expect(dashboard.data.packWarnings).toHaveLength(3);

    // Agreeing again does not put the story back into a pack that already dropped it.
    expect(await changeStoryConsents(db, unquoted, s.teller.id, { ...CONSENTS, audience: "members", mayQuote: true })).toMatchObject({ ok: true });
    expect(await printedIds(s, packId)).toEqual([stays]);
  });

  it("leaves out a story a moderator stops publishing, and warns nobody of withdrawals before delivery", async () => {
    const s = await packSetup();
    const [a, b] = [await s.quotable(), await s.quotable()];
    const packId = await makePack(s, { storyIds: [String(a), String(b)] });
    await withdrawStory(db, a, s.teller.id);
    await db.updateTable("story").set({ status: "declined" }).where("id", "=", b).execute();
    expect(await printedIds(s, packId)).toEqual([]);
    const list = await call(packsLoader, request(s.packs, { cookie: s.lead.cookie }), s.p);
    expect(list.data.packs[0]).toMatchObject({ included: 0, dropped: 2, droppedSinceDelivery: 0 });
    expect(list.data.warnings).toEqual([]);
  });
});

describe("marking a pack delivered", () => {
  it("records the day, refuses a day in the future, before the pack was made, or not a date, keeping what was typed", async () => {
    const s = await packSetup();
    const packId = await makePack(s, { storyIds: String(await s.quotable()) });
    const params = { ...s.p, packId: String(packId) };
    const deliver = (deliveredOn: string) => call(packAction, request(`${s.packs}/${packId}`, { form: { deliveredOn }, cookie: s.lead.cookie }), params);

    const future = await deliver("1 1 2999");
    expect(future.status).toBe(400);
    expect(future.data.errors.deliveredOn).toBe("The date cannot be in the future");
    expect(future.data.values.deliveredOn).toBe("1 1 2999");
    const before = await deliver("1 1 2020");
    expect(before.status).toBe(400);
    expect(before.data.errors.deliveredOn).toMatch(/cannot have been delivered before that/);
    expect((await deliver("31 2 2027")).data.errors.deliveredOn).toMatch(/Enter a real date/);
    expect((await deliver("")).data.errors.deliveredOn).toBe("Enter the date the pack was delivered");
    expect((await db.selectFrom("story_pack").select("delivered_at").where("id", "=", packId).executeTakeFirstOrThrow()).delivered_at).toBeNull();

    expect((await deliver(toUkDateInput(todayInLondon()))).status).toBe(302);
    const page = await call(packLoader, request(`${s.packs}/${packId}`, { cookie: s.lead.cookie }), params);
    expect(todayInLondon(new Date(page.data.pack.deliveredAt))).toBe(todayInLondon());
  });
});

describe("the printable pack", () => {
  it("shows figures by region that match a recount, whom it is for, and no teller ids, emails or signature details", async () => {
    const s = await packSetup();
    const target = await createTarget(db, s.lead.id, { name: "Minister Ada Penrose", role: "minister", areas: "everywhere" });
    const { petition } = await createPetitionFor(db, { leadId: s.lead.id, campaignId: s.campaignId });
    await db.insertInto("petition_target").values({ petition_id: petition.id, target_id: target.id }).execute();
    const signers: Array<[string | null, string]> = [
      ["LS6", "confirmed"],
      ["LS1", "confirmed"],
      ["M1", "confirmed"],
      ["EH7", "confirmed"],
      [null, "confirmed"],
      ["BT1", "pending"],
      ["BS3", "withdrawn"],
    ];
    const signerEmails: string[] = [];
    for (const [outward, status] of signers) {
      const email = `signer-${unique()}@example.org`;
      signerEmails.push(email);
      await db
        .insertInto("petition_signature")
        .values({ petition_id: petition.id, email, email_normalised: email, name: `Signer ${unique()}`, outward_code: outward, show_name: false, campaign_consent: false, status: status as never, token_hash: unique(), token_expires_at: new Date(Date.now() + 3_600_000), withdraw_token_hash: unique(), confirmed_at: status === "confirmed" ? new Date() : null })
        .execute();
    }
    // A second petition of the campaign: counted in a pack for the campaign as a whole, not in this petition's.
    const second = (await createPetitionFor(db, { leadId: s.lead.id, campaignId: s.campaignId })).petition;
    const secondEmail = `signer-${unique()}@example.org`;
    await db.insertInto("petition_signature").values({ petition_id: second.id, email: secondEmail, email_normalised: secondEmail, name: "Second", outward_code: "CF10", show_name: false, campaign_consent: false, status: "confirmed" as never, token_hash: unique(), token_expires_at: new Date(), withdraw_token_hash: unique(), confirmed_at: new Date() }).execute();

    const lc = await createLetterCampaign(db, s.campaignId, s.lead.id, LETTER_CAMPAIGN_FIELDS);
    const letters: Array<[string | null, "sent" | "held", boolean]> = [
      ["LS6", "sent", false],
      ["LS6", "sent", false],
      ["SW1A", "sent", false],
      [null, "sent", false],
      ["M1", "held", false],
      ["M1", "sent", true],
    ];
    for (const [outward, status, test] of letters) {
      const letter = await db.insertInto("letter").values({ letter_campaign_id: lc.id, name: "Writer", email: `writer-${unique()}@example.org`, email_normalised: null, postcode: null, outward_code: outward, subject: "S", opening: "O", personal: "P", comparable_words: null, status: "confirmed" as never, token_hash: null, token_expires_at: new Date(), ip_hash: null, confirmed_at: new Date() }).returning("id").executeTakeFirstOrThrow();
      await db.insertInto("letter_message").values({ letter_id: letter.id, letter_campaign_id: lc.id, target_id: target.id, status, test, sent_at: status === "sent" ? new Date() : null }).execute();
    }

    const story = await s.quotable({ title: "Nowhere to go", body: "When I left hospital I had **nowhere** to live.\n\n<script>alert(1)</script>", contentNotes: ["self_harm"], nameChoice: "place", place: "Leeds" });
    const packId = await makePack(s, { storyIds: String(story), goesWith: `petition-${petition.id}` });
    const print = await printOf(s, packId);
    expect(print.status).toBe(200);
    const { figures, signaturesByRegion, lettersByRegion, forWhom, stories } = print.data;

    // The recount: the same signatures and letters counted row by row, region by region.
    const confirmed = signers.filter(([, status]) => status === "confirmed");
    const recount = new Map<string, number>();
    for (const [outward] of confirmed) recount.set(regionOf(outward) ?? "Not given", (recount.get(regionOf(outward) ?? "Not given") ?? 0) + 1);
    expect(new Map(signaturesByRegion.map((r: { region: string; count: number }) => [r.region, r.count]))).toEqual(recount);
    expect(figures.signatures).toBe(confirmed.length);
    const sentLetters = letters.filter(([, status, test]) => status === "sent" && !test);
    const letterRecount = new Map<string, number>();
    for (const [outward] of sentLetters) letterRecount.set(regionOf(outward) ?? "Not given", (letterRecount.get(regionOf(outward) ?? "Not given") ?? 0) + 1);
    expect(new Map(lettersByRegion.map((r: { region: string; count: number }) => [r.region, r.count]))).toEqual(letterRecount);
    expect(figures.letters).toBe(sentLetters.length);
    expect(figures.stories).toBe(1);
    expect(forWhom).toEqual(["Minister Ada Penrose, House of Commons"]);

    // The campaign as a whole counts both petitions' signatures.
    const whole = await makePack(s, { storyIds: String(story) });
    const wholePrint = await printOf(s, whole);
    expect(wholePrint.data.figures.signatures).toBe(confirmed.length + 1);
    expect(wholePrint.data.figures.signatures).toBe((await countSignaturesByArea(db, s.campaignId)).reduce((sum, a) => sum + a.signatures, 0));

    // The story, in full, sanitised, under the name its teller chose, after its content note.
    expect(stories).toHaveLength(1);
    expect(stories[0]).toMatchObject({ id: story, title: "Nowhere to go", tellerName: "Someone in Leeds", contentNote: "Self-harm", position: 1 });
    expect(stories[0].html).toContain("<strong>nowhere</strong>");
    expect(stories[0].html).not.toContain("<script");

    const data = JSON.stringify(print.data);
    expect(data).not.toContain(s.teller.email);
    expect(data).not.toContain(s.teller.displayName);
    for (const email of signerEmails) expect(data).not.toContain(email);
    expect(data).not.toMatch(/teller_?id|tellerId|signature_?id|signatureId|letterId|email/i);
  });

  it("names the ask's decision maker on a pack that goes with an ask, and lists the pack on the ask's page", async () => {
    const s = await packSetup();
    const target = await createTarget(db, s.lead.id, { name: "Councillor June Hart", role: "councillor", areas: "LS" });
    const asked = await recordAsk(db, s.lead.id, s.campaignId, { targetId: target.id, request: "Will you fund a crisis house in Leeds?", channel: "meeting", letterCampaignId: null, petitionId: null, link: null, askedOn: todayInLondon(), sendLink: false });
    if (!asked.ok) throw new Error(asked.reason);
    const packId = await makePack(s, { storyIds: String(await s.quotable()), goesWith: `ask-${asked.id}` });
    const print = await printOf(s, packId);
    expect(print.data.forWhom).toEqual(["Councillor June Hart, House of Commons"]);
    expect(print.data.pack.askRequest).toBe("Will you fund a crisis house in Leeds?");
    const ask = await call(askLoader, request(`/campaigns/${s.campaignId}/asks/${asked.id}`, { cookie: s.lead.cookie }), { ...s.p, askId: String(asked.id) });
    expect(ask.data.packs).toEqual([expect.objectContaining({ id: packId, title: "Stories for the minister", included: 1 })]);
  });

  it("renders a pack of 200 stories with the same number of queries as a pack of 10", async () => {
    const s = await packSetup();
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) ids.push(await s.quotable({ contentNotes: i % 3 === 0 ? ["bereavement"] : [] }));
    const small = await makePack(s, { storyIds: ids.slice(0, 10).map(String) });
    const large = await makePack(s, { intent: "all" });
    const count = async (packId: number) => {
      const spy = vi.spyOn(pg.Client.prototype, "query");
      const print = await printOf(s, packId);
      const n = spy.mock.calls.length;
      spy.mockRestore();
      return { n, stories: print.data.stories.length };
    };
    const a = await count(small);
    const b = await count(large);
    expect(a.stories).toBe(10);
    expect(b.stories).toBe(200);
    expect(b.n).toBe(a.n);
    expect(a.n).toBeLessThanOrEqual(10);
  }, 120_000);
});

describe("hostile input", () => {
  it("answers forged, oversized and malformed pack forms with messages by the fields, never a 500", async () => {
    const s = await packSetup();
    const other = await packSetup();
    const story = String(await s.quotable());
    const otherPetition = (await createPetitionFor(db, { leadId: other.lead.id, campaignId: other.campaignId })).petition;
    const post = (form: Record<string, string | string[]>) => call(packsAction, request(s.packs, { form, cookie: s.lead.cookie }), s.p);

    const empty = await post({ intent: "chosen" });
    expect(empty.status).toBe(400);
    expect(empty.data.errors.title).toBe("Enter a title for the pack");
    const long = await post({ title: "x".repeat(10_000), intent: "chosen", storyIds: story });
    expect(long.data.errors.title).toBe("The title must be 200 characters or fewer");
    expect(long.data.values.title).toHaveLength(200);
    const none = await post({ title: "Nothing ticked", intent: "chosen" });
    expect(none.data.errors.storyIds).toMatch(/Tick at least one story/);
    expect((await post({ title: "Bad ids", intent: "chosen", storyIds: ["1 or 1=1", story] })).data.errors.storyIds).toBe("Choose stories from the list");
    const many = await post({ title: "Too many", intent: "chosen", storyIds: Array.from({ length: 5_000 }, (_, i) => String(i + 1)) });
    expect(many.status).toBe(400);
    expect(many.data.errors.storyIds).toBe("Choose 200 stories or fewer");
    expect((await post({ title: "Odd goes with", intent: "chosen", storyIds: story, goesWith: "petition-abc" })).data.errors.goesWith).toBe("Choose a petition or an ask from the list");
    expect((await post({ title: "Another campaign's", intent: "chosen", storyIds: story, goesWith: `petition-${otherPetition.id}` })).data.errors.goesWith).toBe("Choose one of this campaign's petitions or asks");
    expect((await post({ title: "No such ask", intent: "chosen", storyIds: story, goesWith: "ask-999999999" })).data.errors.goesWith).toBe("Choose one of this campaign's petitions or asks");

    // A title with markup and control characters is stored as text and shown as text.
    const packId = await makePack(s, { title: "<script>alert(1)</script>\u0000 Pack", storyIds: story });
    const print = await printOf(s, packId);
    expect(print.data.pack.title).toMatch(/^<script>alert\(1\)<\/script>\s+Pack$/);
    expect(print.data.pack.title).not.toContain("\u0000");
  });
});
