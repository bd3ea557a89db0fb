import { sql } from "kysely";
import type { Database } from "../../db";
import type { LetterMessageStatus, ReplyOutcome, TargetRole } from "../../db/schema";

export interface LetterCampaignFields {
  title: string;
  ask: string;
  talkingPoints: string;
  suggestedSubject: string;
  guidance: string;
  targetIds: number[];
  ownRoles: TargetRole[];
  hourlyCap: number;
  windowDays: number[];
  windowStart: number;
  windowEnd: number;
  endsOn: string | null;
  testMode: boolean;
}

export function getLetterCampaignBySlug(db: Database, slug: string) {
  return db.selectFrom("letter_campaign").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export function getLetterCampaign(db: Database, id: number) {
  return db.selectFrom("letter_campaign").selectAll().where("id", "=", id).executeTakeFirst();
}

export type LetterCampaignRow = NonNullable<Awaited<ReturnType<typeof getLetterCampaign>>>;

/** A campaign's letter campaigns with their sent and replied figures (a campaign has a handful). */
export async function listCampaignLetterCampaigns(db: Database, campaignId: number) {
  const rows = await db
    .selectFrom("letter_campaign")
    .select([
      "letter_campaign.id",
      "letter_campaign.slug",
      "letter_campaign.title",
      "letter_campaign.status",
      "letter_campaign.test_mode",
      (eb) =>
        eb.selectFrom("letter_message").select(sql<number>`count(*)::int`.as("n")).whereRef("letter_message.letter_campaign_id", "=", "letter_campaign.id").where("status", "=", "sent").where("test", "=", false).as("sent"),
      (eb) =>
        eb
          .selectFrom("letter_message")
          .select(sql<number>`count(*)::int`.as("n"))
          .whereRef("letter_message.letter_campaign_id", "=", "letter_campaign.id")
          .where("test", "=", false)
          .where("reply_outcome", "in", ["yes", "unsatisfactory"])
          .as("replies"),
      (eb) =>
        eb.selectFrom("letter_message").select(sql<number>`count(*)::int`.as("n")).whereRef("letter_message.letter_campaign_id", "=", "letter_campaign.id").where("status", "=", "held").as("held"),
    ])
    .where("letter_campaign.campaign_id", "=", campaignId)
    .orderBy("letter_campaign.created_at")
    .execute();
  return rows.map((r) => ({ ...r, sent: r.sent ?? 0, replies: r.replies ?? 0, held: r.held ?? 0 }));
}

/** How many messages are in each state, for one letter campaign. */
export async function countMessagesByState(db: Database, letterCampaignId: number) {
  const rows = await db
    .selectFrom("letter_message")
    .select(["status", sql<number>`count(*)::int`.as("n")])
    .where("letter_campaign_id", "=", letterCampaignId)
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<LetterMessageStatus, number>>;
}

/** Per decision maker: messages in each state and reply outcomes (the organiser view's main table). */
export function countMessagesByTarget(db: Database, letterCampaignId: number) {
  const state = (s: LetterMessageStatus) => sql<number>`(count(*) filter (where letter_message.status = ${s}))::int`;
  const outcome = (o: ReplyOutcome) => sql<number>`(count(*) filter (where letter_message.reply_outcome = ${o}))::int`;
  return db
    .selectFrom("letter_message")
    .innerJoin("target", "target.id", "letter_message.target_id")
    .select([
      "target.id",
      "target.name",
      "target.role",
      "target.bounced_at",
      state("unconfirmed").as("unconfirmed"),
      state("queued").as("queued"),
      state("held").as("held"),
      state("sent").as("sent"),
      state("failed").as("failed"),
      state("rejected").as("rejected"),
      outcome("yes").as("yes"),
      outcome("not_yet").as("not_yet"),
      outcome("no").as("no"),
      outcome("unsatisfactory").as("unsatisfactory"),
    ])
    .where("letter_message.letter_campaign_id", "=", letterCampaignId)
    .groupBy(["target.id", "target.name", "target.role", "target.bounced_at"])
    .orderBy(sql`count(*)`, "desc")
    .orderBy("target.id")
    .limit(500)
    .execute();
}

/** Confirmed letters per postcode district (the letter's outward code, kept after anonymising). */
export function countLettersByArea(db: Database, letterCampaignId: number) {
  return db
    .selectFrom("letter")
    .select([sql<string>`coalesce(outward_code, 'Unknown')`.as("area"), sql<number>`count(*)::int`.as("letters")])
    .where("letter_campaign_id", "=", letterCampaignId)
    .where("status", "=", "confirmed")
    .groupBy("outward_code")
    .orderBy(sql`count(*)`, "desc")
    .orderBy("outward_code")
    .limit(500)
    .execute();
}

/** Letters sent per day for a whole campaign (the dashboard's chart), bounded by the campaign's length. */
export function countLettersSentByDay(db: Database, campaignId: number) {
  return db
    .selectFrom("letter_message")
    .innerJoin("letter_campaign", "letter_campaign.id", "letter_message.letter_campaign_id")
    .select([sql<string>`to_char(sent_at at time zone 'Europe/London', 'YYYY-MM-DD')`.as("day"), sql<number>`count(*)::int`.as("letters")])
    .where("letter_campaign.campaign_id", "=", campaignId)
    .where("letter_message.status", "=", "sent")
    .where("letter_message.test", "=", false)
    .groupBy(sql`to_char(sent_at at time zone 'Europe/London', 'YYYY-MM-DD')`)
    .orderBy(sql`1`)
    .limit(1000)
    .execute();
}

/** Held letters to review: the only place an organiser reads a letter's words. */
export function listHeldMessages(db: Database, letterCampaignId: number) {
  return db
    .selectFrom("letter_message")
    .innerJoin("letter", "letter.id", "letter_message.letter_id")
    .innerJoin("target", "target.id", "letter_message.target_id")
    .select(["letter_message.id", "letter_message.similarity", "letter_message.created_at", "target.name as target_name", "letter.subject", "letter.opening", "letter.personal", "letter.outward_code"])
    .where("letter_message.letter_campaign_id", "=", letterCampaignId)
    .where("letter_message.status", "=", "held")
    .orderBy("letter_message.id")
    .limit(50)
    .execute();
}

/** Reply summaries writers allowed the campaign to publish, newest first. */
export function listReplySummaries(db: Database, letterCampaignId: number) {
  return db
    .selectFrom("letter_message")
    .innerJoin("target", "target.id", "letter_message.target_id")
    .select(["letter_message.id", "letter_message.reply_outcome", "letter_message.reply_summary", "letter_message.replied_at", "letter_message.summary_published_at", "target.name as target_name"])
    .where("letter_message.letter_campaign_id", "=", letterCampaignId)
    .where("letter_message.summary_may_publish", "=", true)
    .where("letter_message.reply_summary", "is not", null)
    .orderBy("letter_message.replied_at", "desc")
    .limit(50)
    .execute();
}

/** Letters sent and replies received across a campaign, for its public page. */
export async function letterTotals(db: Database, campaignId: number) {
  const row = await db
    .selectFrom("letter_message")
    .innerJoin("letter_campaign", "letter_campaign.id", "letter_message.letter_campaign_id")
    .select([
      // Test-mode letters went to the organiser: they are not letters sent.
      sql<number>`(count(*) filter (where letter_message.status = 'sent' and not letter_message.test))::int`.as("sent"),
      sql<number>`(count(*) filter (where letter_message.reply_outcome in ('yes', 'unsatisfactory') and not letter_message.test))::int`.as("replies"),
      sql<number>`(count(*) filter (where letter_message.status = 'held'))::int`.as("held"),
    ])
    .where("letter_campaign.campaign_id", "=", campaignId)
    .executeTakeFirstOrThrow();
  return row;
}

/**
 * The decision makers a campaign's open letter campaigns write to: those chosen by name, and the
 * kinds of "own" representative found by postcode. For the campaign page's "aimed at".
 */
export async function listCampaignDecisionMakers(db: Database, campaignId: number) {
  const [chosen, own] = await Promise.all([
    db
      .selectFrom("letter_campaign_target")
      .innerJoin("letter_campaign", "letter_campaign.id", "letter_campaign_target.letter_campaign_id")
      .innerJoin("target", "target.id", "letter_campaign_target.target_id")
      .select(["target.id", "target.name", "target.body"])
      .distinct()
      .where("letter_campaign.campaign_id", "=", campaignId)
      .where("letter_campaign.status", "=", "open")
      .orderBy("target.name")
      .limit(50)
      .execute(),
    db.selectFrom("letter_campaign").select("own_roles").where("campaign_id", "=", campaignId).where("status", "=", "open").execute(),
  ]);
  return { chosen, ownRoles: [...new Set(own.flatMap((o) => o.own_roles))] };
}
