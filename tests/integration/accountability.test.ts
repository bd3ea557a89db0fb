import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createFollower, createMember, createPetitionFor, createTarget, runFanOuts } from "../support/builders";
import { addCountDelta, foldCountDeltas } from "../../app/models/petition.server";
import { setPetitionTargets } from "../../app/models/ask.server";
import { answerThroughLink, askAtThresholds, changeAskStatus, enterResponse, markUnansweredAsks, openResponseLink, recordAsk, resendResponseLink, RESPONSE_LINK_DAYS } from "../../app/services/accountability.server";
import { createRunningCampaign } from "../support/builders";
import { latestEmail } from "./http";

const DAY = 86_400_000;
const history = (askId: number) => db.selectFrom("ask_status_change").select(["status", "summary", "happened_on", "source"]).where("ask_id", "=", askId).orderBy("id").execute();
const askRow = (askId: number) => db.selectFrom("ask").selectAll().where("id", "=", askId).executeTakeFirstOrThrow();
const linkTokenIn = async (email: string) => {
  const mail = await latestEmail(db, email, "AskForResponse");
  return String((mail!.props as { respondUrl: string }).respondUrl).split("/respond/")[1]!;
};

async function campaignWithTarget() {
  const lead = await createMember(db);
  const campaignId = await createRunningCampaign(db, lead.id);
  const target = await createTarget(db, lead.id, { name: `Minister ${Math.random().toString(36).slice(2, 7)}`, role: "minister", areas: "everywhere" });
  return { lead, campaignId, target };
}

const askFields = (targetId: number, sendLink = true) => ({ targetId, request: "Will you fund a crisis house in every region?", channel: "meeting" as const, letterCampaignId: null, petitionId: null, link: null, askedOn: "2026-11-02", sendLink });

describe("asks and their history", () => {
  it("records each step with its date and never rewrites one: history grows, the ask shows the newest", async () => {
    const { lead, campaignId, target } = await campaignWithTarget();
    const made = await recordAsk(db, lead.id, campaignId, askFields(target.id, false));
    if (!made.ok) throw new Error(made.reason);
    expect(await changeAskStatus(db, lead.id, made.id, { status: "committed", summary: "Agreed to fund 3 of 9 regions.", happenedOn: "2026-11-20" })).toEqual({ ok: true });
    expect(await changeAskStatus(db, lead.id, made.id, { status: "committed", summary: "2 of the 3 have opened.", happenedOn: "2026-12-01" })).toEqual({ ok: true });
    // Not a step the rules allow: committed cannot go back to asked; nothing is written.
    expect(await changeAskStatus(db, lead.id, made.id, { status: "asked", summary: "", happenedOn: "2026-12-02" })).toEqual({ ok: false, reason: "not-allowed" });
    expect((await history(made.id)).map((h) => [h.status, h.summary, h.happened_on])).toEqual([
      ["asked", "", "2026-11-02"],
      ["committed", "Agreed to fund 3 of 9 regions.", "2026-11-20"],
      ["committed", "2 of the 3 have opened.", "2026-12-01"],
    ]);
    expect(await askRow(made.id)).toMatchObject({ status: "committed", summary: "2 of the 3 have opened.", status_on: "2026-12-01" });
    // The database itself refuses to rewrite history, whoever asks it to.
    await expect(sql`update ask_status_change set summary = 'Delivered in full' where ask_id = ${made.id}`.execute(db)).rejects.toThrow(/never rewritten/);
    expect(await changeAskStatus(db, lead.id, 99_999_999, { status: "committed", summary: "", happenedOn: "2026-12-01" })).toEqual({ ok: false, reason: "not-found" });
  });

  it("refuses a petition or letter campaign from another campaign, and a response link to someone with no working address", async () => {
    const { lead, campaignId, target } = await campaignWithTarget();
    const other = await createPetitionFor(db, { leadId: lead.id });
    expect(await recordAsk(db, lead.id, campaignId, { ...askFields(target.id, false), channel: "petition", petitionId: other.petition.id })).toEqual({ ok: false, reason: "not-this-campaign" });
    await db.updateTable("target").set({ bounced_at: new Date() }).where("id", "=", target.id).execute();
    expect(await recordAsk(db, lead.id, campaignId, askFields(target.id, true))).toEqual({ ok: false, reason: "no-address" });
    expect(await db.selectFrom("ask").select("id").where("campaign_id", "=", campaignId).execute()).toEqual([]);
    expect(await recordAsk(db, lead.id, campaignId, askFields(99_999_999, false))).toEqual({ ok: false, reason: "unknown-target" });
  });
});

describe("the response link", () => {
  it("opens without changing anything, answers once, and publishes the answer with the decision maker's position", async () => {
    const { lead, campaignId, target } = await campaignWithTarget();
    const made = await recordAsk(db, lead.id, campaignId, askFields(target.id));
    if (!made.ok) throw new Error(made.reason);
    const token = await linkTokenIn(target.email);
    // A scanner fetching the link (twice) changes nothing.
    for (let i = 0; i < 2; i++) expect(await openResponseLink(db, token)).toMatchObject({ ok: true, answered: null });
    expect(await askRow(made.id)).toMatchObject({ status: "asked" });
    expect(await answerThroughLink(db, token, { body: "We will fund **three** regions.", position: "commit" })).toEqual({ ok: true });
    expect(await answerThroughLink(db, token, { body: "A second answer", position: "decline" })).toEqual({ ok: false, reason: "answered" });
    const responses = await db.selectFrom("ask_response").select(["body", "via", "responder"]).where("ask_id", "=", made.id).execute();
    expect(responses).toEqual([{ body: "We will fund **three** regions.", via: "link", responder: (await db.selectFrom("target").select("name").where("id", "=", target.id).executeTakeFirstOrThrow()).name }]);
    expect(await askRow(made.id)).toMatchObject({ status: "committed", summary: "Committed in their own response." });
    expect((await history(made.id)).at(-1)).toMatchObject({ status: "committed", source: "decision_maker" });
    // After answering, the link still shows their answer rather than a form.
    expect(await openResponseLink(db, token)).toMatchObject({ ok: true, answered: { body: "We will fund **three** regions." } });
  });

  it("refuses a tampered, an expired and a superseded link, and answering at the same moment twice publishes one answer", async () => {
    const { lead, campaignId, target } = await campaignWithTarget();
    const made = await recordAsk(db, lead.id, campaignId, askFields(target.id));
    if (!made.ok) throw new Error(made.reason);
    const token = await linkTokenIn(target.email);
    const [id, version, expires, mac] = token.split(".");
    // Each part is under the MAC: a later expiry, another ask, an edited MAC are all refused.
    for (const forged of [`${id}.${version}.${Number(expires) + 86_400}.${mac}`, `${Number(id) + 1}.${version}.${expires}.${mac}`, `${id}.${version}.${expires}.${mac!.replace(/^./, (c) => (c === "0" ? "1" : "0"))}`, "nonsense"]) {
      expect(await openResponseLink(db, forged)).toEqual({ ok: false, reason: "invalid" });
      expect(await answerThroughLink(db, forged, { body: "Forged", position: "commit" })).toEqual({ ok: false, reason: "invalid" });
    }
    const later = new Date(Date.now() + (RESPONSE_LINK_DAYS + 1) * DAY);
    expect(await openResponseLink(db, token, later)).toEqual({ ok: false, reason: "expired" });
    expect(await answerThroughLink(db, token, { body: "Too late", position: "respond" }, later)).toEqual({ ok: false, reason: "expired" });
    // A fresh link replaces the old one.
    expect(await resendResponseLink(db, made.id)).toEqual({ ok: true });
    const fresh = await linkTokenIn(target.email);
    expect(fresh).not.toBe(token);
    expect(await openResponseLink(db, token)).toEqual({ ok: false, reason: "superseded" });
    const results = await Promise.all([answerThroughLink(db, fresh, { body: "One", position: "respond" }), answerThroughLink(db, fresh, { body: "Two", position: "respond" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "answered" }]);
    expect(await db.selectFrom("ask_response").select("id").where("ask_id", "=", made.id).execute()).toHaveLength(1);
  });

  it("lets an organiser publish a response received elsewhere, with its source, date and meaning", async () => {
    const { lead, campaignId, target } = await campaignWithTarget();
    const made = await recordAsk(db, lead.id, campaignId, askFields(target.id, false));
    if (!made.ok) throw new Error(made.reason);
    expect(await enterResponse(db, lead.id, made.id, { body: "We decline.", responder: "The Minister's office", source: "Letter by post", receivedOn: "2026-11-15", status: "declined", summary: "Said no: no money this year." })).toEqual({ ok: true });
    expect(await db.selectFrom("ask_response").select(["via", "source", "received_on"]).where("ask_id", "=", made.id).executeTakeFirst()).toEqual({ via: "organiser", source: "Letter by post", received_on: "2026-11-15" });
    expect(await askRow(made.id)).toMatchObject({ status: "declined", status_on: "2026-11-15" });
    expect(await enterResponse(db, lead.id, made.id, { body: "Delivered!", responder: "x", source: "y", receivedOn: "2026-11-16", status: "delivered", summary: "" })).toEqual({ ok: false, reason: "not-allowed" });
  });
});

describe("followers and signers hear of it", () => {
  it("tells followers of the campaign and of its demand about a response at once, and signers who asked for news by email", async () => {
    const { lead, campaignId, target } = await campaignWithTarget();
    const demandId = (await db.selectFrom("campaign").select("demand_id").where("id", "=", campaignId).executeTakeFirstOrThrow()).demand_id;
    const campaignFollower = await createFollower(db, `campaign:${campaignId}`);
    const demandFollower = await createFollower(db, `demand:${demandId}`);
    const { petition } = await createPetitionFor(db, { leadId: lead.id, campaignId });
    const made = await recordAsk(db, lead.id, campaignId, askFields(target.id));
    if (!made.ok) throw new Error(made.reason);
    expect(await answerThroughLink(db, await linkTokenIn(target.email), { body: "Yes.", position: "commit" })).toEqual({ ok: true });
    await runFanOuts(db);
    for (const member of [campaignFollower, demandFollower]) {
      const kinds = await db.selectFrom("notification").select("kind").where("member_id", "=", member.id).execute();
      expect(kinds.map((k) => k.kind).sort()).toEqual(["ask_status", "decision_maker_response"]);
      expect((await latestEmail(db, member.email!, "Notification"))?.props).toMatchObject({ heading: expect.stringContaining("has responded") });
    }
    const news = await db.selectFrom("pgboss.job" as never).select(sql<string>`data->>'subject'`.as("subject")).where(sql`name`, "=", "petition.news").where(sql`(data->>'petitionId')::bigint`, "=", petition.id).execute();
    expect(news.map((n) => n.subject)).toEqual([expect.stringContaining("has responded")]);
  });
});

describe("no response after 30 days", () => {
  it("marks only asks waiting 30 days or more, once, as an automatic step", async () => {
    const { lead, campaignId, target } = await campaignWithTarget();
    const old = await recordAsk(db, lead.id, campaignId, { ...askFields(target.id, false), askedOn: "2026-10-01" });
    const recent = await recordAsk(db, lead.id, campaignId, { ...askFields(target.id, false), askedOn: "2026-11-20" });
    if (!old.ok || !recent.ok) throw new Error("not made");
    const now = new Date("2026-12-05T12:00:00Z");
    while ((await markUnansweredAsks(db, now)) > 0);
    expect(await askRow(old.id)).toMatchObject({ status: "no_response" });
    expect((await history(old.id)).at(-1)).toMatchObject({ status: "no_response", source: "automatic", happened_on: "2026-12-05" });
    expect(await askRow(recent.id)).toMatchObject({ status: "asked" });
    expect(await markUnansweredAsks(db, now)).toBe(0);
  });
});

describe("petition thresholds", () => {
  it("asks every addressed decision maker exactly once when racing folds pass the threshold, with the count and a link", async () => {
    const lead = await createMember(db);
    const { petition, campaignId } = await createPetitionFor(db, { leadId: lead.id });
    const minister = await createTarget(db, lead.id, { role: "minister", areas: "everywhere" });
    const council = await createTarget(db, lead.id, { role: "council", areas: "LS" });
    await setPetitionTargets(db, petition.id, [minister.id, council.id]);
    await db.updateTable("petition").set({ response_threshold: 30, meeting_threshold: 60 }).where("id", "=", petition.id).execute();
    for (let i = 0; i < 100; i++) await addCountDelta(db, petition.id, 1);
    // Three folds race, each taking a slice; whichever passes each threshold asks.
    await Promise.all([0, 1, 2].map(() => foldCountDeltas(db, 20, undefined, askAtThresholds)));
    while ((await foldCountDeltas(db, 20, undefined, askAtThresholds)) > 0);
    // And a later call that sees the same petitions asks nobody again.
    expect(await db.transaction().execute((trx) => askAtThresholds(trx, [petition.id]))).toBe(0);
    const asks = await db.selectFrom("ask").select(["target_id", "threshold", "channel", "status", "campaign_id"]).where("petition_id", "=", petition.id).orderBy("threshold").orderBy("target_id").execute();
    expect(asks).toEqual(
      [
        { target_id: Math.min(minister.id, council.id), threshold: "meeting" },
        { target_id: Math.max(minister.id, council.id), threshold: "meeting" },
        { target_id: Math.min(minister.id, council.id), threshold: "response" },
        { target_id: Math.max(minister.id, council.id), threshold: "response" },
      ].map((a) => ({ ...a, channel: "petition", status: "asked", campaign_id: campaignId })),
    );
    const mail = (await latestEmail(db, minister.email, "AskForResponse"))!.props as { petition: { count: number; meeting: boolean }; respondUrl: string };
    expect(mail.petition.count).toBeGreaterThanOrEqual(30);
    expect(mail.respondUrl).toMatch(/\/respond\/\d+\.\d+\.\d+\.[0-9a-f]{32}$/);
    expect(await db.selectFrom("email").select("id").where("to_address", "=", minister.email).where("template", "=", "AskForResponse").execute()).toHaveLength(2);
    const marks = await db.selectFrom("petition").select(["response_asked_at", "meeting_asked_at"]).where("id", "=", petition.id).executeTakeFirstOrThrow();
    expect(marks.response_asked_at).not.toBeNull();
    expect(marks.meeting_asked_at).not.toBeNull();
  });

  it("asks nobody while the count is below the threshold", async () => {
    const lead = await createMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    const minister = await createTarget(db, lead.id, { role: "minister", areas: "everywhere" });
    await setPetitionTargets(db, petition.id, [minister.id]);
    await db.updateTable("petition").set({ response_threshold: 50 }).where("id", "=", petition.id).execute();
    for (let i = 0; i < 49; i++) await addCountDelta(db, petition.id, 1);
    while ((await foldCountDeltas(db, 1_000, undefined, askAtThresholds)) > 0);
    expect(await db.selectFrom("ask").select("id").where("petition_id", "=", petition.id).execute()).toEqual([]);
    await addCountDelta(db, petition.id, 1);
    await foldCountDeltas(db, 1_000, undefined, askAtThresholds);
    expect(await db.selectFrom("ask").select("threshold").where("petition_id", "=", petition.id).execute()).toEqual([{ threshold: "response" }]);
  });
});
