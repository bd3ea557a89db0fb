import { sql } from "kysely";
import type { Database } from "../../db";
import type { AskChangeSource, AskChannel, AskStatus, AskThreshold } from "../../db/schema";

/** What a campaign asked one decision maker, and the dated steps since. All SQL for asks lives here. */

export interface NewAsk {
  campaignId: number;
  targetId: number;
  request: string;
  channel: AskChannel;
  letterCampaignId: number | null;
  petitionId: number | null;
  link: string | null;
  askedOn: string;
  threshold: AskThreshold | null;
  createdBy: number | null;
}

/** Inserts an ask with its first history entry; null when a threshold already asked this person. */
export async function insertAsk(db: Database, ask: NewAsk, summary: string, source: AskChangeSource): Promise<number | null> {
  const row = await db
    .insertInto("ask")
    .values({
      campaign_id: ask.campaignId,
      target_id: ask.targetId,
      request: ask.request,
      channel: ask.channel,
      letter_campaign_id: ask.letterCampaignId,
      petition_id: ask.petitionId,
      link: ask.link,
      asked_on: ask.askedOn,
      threshold: ask.threshold,
      status: "asked",
      status_on: ask.askedOn,
      summary,
      created_by: ask.createdBy,
    })
    .onConflict((oc) => oc.columns(["petition_id", "target_id", "threshold"]).where("threshold", "is not", null).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return null;
  await db.insertInto("ask_status_change").values({ ask_id: row.id, status: "asked", summary, happened_on: ask.askedOn, source, actor_id: ask.createdBy }).execute();
  return row.id;
}

/**
 * A new step in an ask's history, and the ask's copy of the newest step. Steps are never edited
 * (a trigger refuses it); a later step with an earlier date still becomes the newest entry.
 */
export async function addStatusChange(db: Database, askId: number, change: { status: AskStatus; summary: string; happenedOn: string; source: AskChangeSource; actorId: number | null }) {
  await db.insertInto("ask_status_change").values({ ask_id: askId, status: change.status, summary: change.summary, happened_on: change.happenedOn, source: change.source, actor_id: change.actorId }).execute();
  await db.updateTable("ask").set({ status: change.status, status_on: change.happenedOn, summary: change.summary }).where("id", "=", askId).execute();
}

/** An ask with what its pages, forms and emails need: its decision maker, campaign and demand. */
function askWithContext(db: Database) {
  return db
    .selectFrom("ask")
    .innerJoin("target", "target.id", "ask.target_id")
    .innerJoin("campaign", "campaign.id", "ask.campaign_id")
    .innerJoin("demand", "demand.id", "campaign.demand_id")
    .leftJoin("petition", "petition.id", "ask.petition_id")
    .leftJoin("letter_campaign", "letter_campaign.id", "ask.letter_campaign_id")
    .selectAll("ask")
    .select([
      "target.name as target_name",
      "target.role as target_role",
      "target.body as target_body",
      "target.email as target_email",
      "target.bounced_at as target_bounced_at",
      "campaign.title as campaign_title",
      "campaign.status as campaign_status",
      "campaign.demand_id",
      "demand.title as demand_title",
      "petition.title as petition_title",
      "petition.slug as petition_slug",
      "letter_campaign.title as letter_campaign_title",
      "letter_campaign.slug as letter_campaign_slug",
    ]);
}

export function getAsk(db: Database, id: number) {
  return askWithContext(db).where("ask.id", "=", id).executeTakeFirst();
}
export type AskWithContext = NonNullable<Awaited<ReturnType<typeof getAsk>>>;

export function getAskForUpdate(db: Database, id: number) {
  return db.selectFrom("ask").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export const CAMPAIGN_ASKS_PAGE_SIZE = 50;

/** A campaign's asks, newest first, a page at a time. */
export function listCampaignAsks(db: Database, campaignId: number, page = 1) {
  return askWithContext(db)
    .where("ask.campaign_id", "=", campaignId)
    .orderBy("ask.asked_on", "desc")
    .orderBy("ask.id", "desc")
    .limit(CAMPAIGN_ASKS_PAGE_SIZE + 1)
    .offset((page - 1) * CAMPAIGN_ASKS_PAGE_SIZE)
    .execute();
}

/** The history of some asks, oldest step first within each. */
export function listStatusChanges(db: Database, askIds: number[]) {
  if (!askIds.length) return Promise.resolve([]);
  return db
    .selectFrom("ask_status_change")
    .select(["id", "ask_id", "status", "summary", "happened_on", "source", "created_at"])
    .where("ask_id", "in", askIds)
    .orderBy("ask_id")
    .orderBy("id")
    .execute();
}

/** The responses to some asks, oldest first within each. */
export function listResponses(db: Database, askIds: number[]) {
  if (!askIds.length) return Promise.resolve([]);
  return db
    .selectFrom("ask_response")
    .select(["id", "ask_id", "body", "via", "responder", "source", "received_on", "created_at"])
    .where("ask_id", "in", askIds)
    .orderBy("ask_id")
    .orderBy("id")
    .execute();
}

/** Inserts a response; null when it came through the link and the link has already answered. */
export async function insertResponse(
  db: Database,
  response: { askId: number; body: string; via: "link" | "organiser"; responder: string; source: string | null; receivedOn: string; enteredBy: number | null },
): Promise<number | null> {
  const row = await db
    .insertInto("ask_response")
    .values({ ask_id: response.askId, body: response.body, via: response.via, responder: response.responder, source: response.source, received_on: response.receivedOn, entered_by: response.enteredBy })
    .onConflict((oc) => oc.column("ask_id").where("via", "=", "link").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export function getLinkResponse(db: Database, askId: number) {
  return db.selectFrom("ask_response").select(["id", "body", "received_on", "created_at"]).where("ask_id", "=", askId).where("via", "=", "link").executeTakeFirst();
}

/** A new response link: older ones stop working. Returns the version the new link carries. */
export async function renewResponseLink(db: Database, askId: number, expiresAt: Date) {
  const row = await db
    .updateTable("ask")
    .set((eb) => ({ response_link_version: eb("response_link_version", "+", 1), response_link_sent_at: new Date(), response_link_expires_at: expiresAt }))
    .where("id", "=", askId)
    .returning("response_link_version")
    .executeTakeFirstOrThrow();
  return row.response_link_version;
}

/** Asks still waiting `days` after they were made, oldest first: the no-response sweep's work. */
export function listUnansweredAsks(db: Database, askedOnOrBefore: string, limit: number) {
  return db.selectFrom("ask").select(["id", "campaign_id"]).where("status", "=", "asked").where("asked_on", "<=", askedOnOrBefore).orderBy("asked_on").limit(limit).forUpdate().skipLocked().execute();
}

/** The petitions among `petitionIds` whose count has reached a threshold not yet asked, marked asked in the same statement. */
export async function claimPassedThresholds(db: Database, petitionIds: number[]) {
  if (!petitionIds.length) return [];
  const result = await sql<{ id: number; campaign_id: number; title: string; slug: string; ask: string; signature_count: number; threshold: AskThreshold }>`
    with response as (
      update petition set response_asked_at = now()
      where id = any(${petitionIds}::bigint[]) and response_threshold is not null and signature_count >= response_threshold and response_asked_at is null
      returning id, campaign_id, title, slug, ask, signature_count, 'response'::text as threshold
    ), meeting as (
      update petition set meeting_asked_at = now()
      where id = any(${petitionIds}::bigint[]) and meeting_threshold is not null and signature_count >= meeting_threshold and meeting_asked_at is null
      returning id, campaign_id, title, slug, ask, signature_count, 'meeting'::text as threshold
    )
    select * from response union all select * from meeting`.execute(db);
  return result.rows;
}

export function listPetitionTargetIds(db: Database, petitionId: number) {
  return db.selectFrom("petition_target").select("target_id").where("petition_id", "=", petitionId).execute().then((rows) => rows.map((r) => r.target_id));
}

/** Replaces who a petition is addressed to; ids no longer in the directory are skipped. Returns how many are kept. */
export async function setPetitionTargets(db: Database, petitionId: number, targetIds: number[]) {
  await db.deleteFrom("petition_target").where("petition_id", "=", petitionId).execute();
  if (!targetIds.length) return 0;
  const result = await db
    .insertInto("petition_target")
    .columns(["petition_id", "target_id"])
    .expression((eb) => eb.selectFrom("target").select([sql<number>`${petitionId}::bigint`.as("petition_id"), "id"]).where("id", "in", targetIds))
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Who a petition is addressed to, by name, for its page ("At 10,000 signatures, … will be asked"). */
export function listPetitionTargets(db: Database, petitionId: number) {
  return db
    .selectFrom("petition_target")
    .innerJoin("target", "target.id", "petition_target.target_id")
    .select(["target.id", "target.name", "target.role", "target.body"])
    .where("petition_target.petition_id", "=", petitionId)
    .orderBy(sql`lower(target.name)`)
    .orderBy("target.id")
    .execute();
}

/** A petition's threshold asks, for its page: who was asked when, and their statuses. */
export function listPetitionThresholdAsks(db: Database, petitionId: number) {
  return db
    .selectFrom("ask")
    .innerJoin("target", "target.id", "ask.target_id")
    .select(["ask.id", "ask.threshold", "ask.asked_on", "ask.status", "ask.status_on", "ask.summary", "target.name as target_name", "target.role as target_role", "target.body as target_body"])
    .where("ask.petition_id", "=", petitionId)
    .where("ask.threshold", "is not", null)
    .orderBy("ask.id")
    .execute();
}
