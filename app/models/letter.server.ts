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

/**
 * Letters sent through a campaign's letter campaigns per postcode area of their writers (test-mode
 * letters went to the organiser, so they are not counted), most first: a story pack's cover.
 */
export function countLettersSentByArea(db: Database, campaignId: number) {
  return db
    .selectFrom("letter_message")
    .innerJoin("letter_campaign", "letter_campaign.id", "letter_message.letter_campaign_id")
    .innerJoin("letter", "letter.id", "letter_message.letter_id")
    .select([sql<string>`coalesce(substring(letter.outward_code from '^[A-Z]+'), 'Not given')`.as("area"), sql<number>`count(*)::int`.as("letters")])
    .where("letter_campaign.campaign_id", "=", campaignId)
    .where("letter_message.status", "=", "sent")
    .where("letter_message.test", "=", false)
    .groupBy(sql`1`)
    .orderBy(sql`2`, "desc")
    .orderBy(sql`1`)
    .limit(150)
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

/** A new letter campaign, as a draft. */
export function insertLetterCampaign(db: Database, campaignId: number, createdBy: number, slug: string, fields: LetterCampaignFields) {
  return db
    .insertInto("letter_campaign")
    .values({
      campaign_id: campaignId,
      slug,
      title: fields.title,
      ask: fields.ask,
      talking_points: fields.talkingPoints,
      suggested_subject: fields.suggestedSubject,
      guidance: fields.guidance,
      own_roles: fields.ownRoles,
      hourly_cap: fields.hourlyCap,
      window_days: fields.windowDays,
      window_start: fields.windowStart,
      window_end: fields.windowEnd,
      ends_on: fields.endsOn,
      test_mode: fields.testMode,
      created_by: createdBy,
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
}

/** Chooses the recipients by id; ids that are not in the directory are skipped. */
export async function addLetterCampaignTargets(db: Database, letterCampaignId: number, targetIds: number[]) {
  if (!targetIds.length) return;
  await db
    .insertInto("letter_campaign_target")
    .columns(["letter_campaign_id", "target_id"])
    .expression((eb) => eb.selectFrom("target").select([sql<number>`${letterCampaignId}::bigint`.as("lc"), "id"]).where("id", "in", targetIds))
    .execute();
}

/** Draft → open or open → closed; returns whether it moved. */
export async function changeLetterCampaignStatus(db: Database, id: number, to: "open" | "closed") {
  const result = await db
    .updateTable("letter_campaign")
    .set(to === "open" ? { status: "open", opened_at: new Date() } : { status: "closed", closed_at: new Date() })
    .where("id", "=", id)
    .where("status", "=", to === "open" ? "draft" : "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateLetterTestMode(db: Database, id: number, testMode: boolean) {
  await db.updateTable("letter_campaign").set({ test_mode: testMode }).where("id", "=", id).execute();
}

/** The campaigns with these ids, each with its organiser's address (test-mode letters go there). */
export function listLetterCampaignsWithOrganiser(db: Database, ids: number[]) {
  return db
    .selectFrom("letter_campaign")
    .leftJoin("member", "member.id", "letter_campaign.created_by")
    .selectAll("letter_campaign")
    .select("member.email as organiser_email")
    .where("letter_campaign.id", "in", ids)
    .execute();
}

export interface NewLetter {
  letterCampaignId: number;
  name: string;
  email: string;
  emailNormalised: string;
  postcode: string;
  outwardCode: string;
  subject: string;
  opening: string;
  personal: string;
  comparableWords: string;
  tokenHash: string;
  tokenExpiresAt: Date;
  ipHash: string | null;
  /** They asked to be emailed when decision makers respond to the campaign. */
  campaignConsent?: boolean;
}

/** A letter waiting for its writer to confirm. Returns its id. */
export async function insertLetter(db: Database, letter: NewLetter) {
  const row = await db
    .insertInto("letter")
    .values({
      letter_campaign_id: letter.letterCampaignId,
      name: letter.name,
      email: letter.email,
      email_normalised: letter.emailNormalised,
      postcode: letter.postcode,
      outward_code: letter.outwardCode,
      subject: letter.subject,
      opening: letter.opening,
      personal: letter.personal,
      comparable_words: letter.comparableWords,
      token_hash: letter.tokenHash,
      token_expires_at: letter.tokenExpiresAt,
      ip_hash: letter.ipHash,
      campaign_consent: letter.campaignConsent ?? false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One message per decision maker, waiting (unconfirmed) with its letter. */
export async function insertLetterMessages(db: Database, letterId: number, letterCampaignId: number, targetIds: number[]) {
  await db
    .insertInto("letter_message")
    .values(targetIds.map((targetId) => ({ letter_id: letterId, letter_campaign_id: letterCampaignId, target_id: targetId })))
    .execute();
}

/** The letter a confirmation link is for, locked so two presses of the button confirm it once. */
export function getLetterByTokenForUpdate(db: Database, letterCampaignId: number, tokenHash: string) {
  return db
    .selectFrom("letter")
    .innerJoin("letter_campaign", "letter_campaign.id", "letter.letter_campaign_id")
    .select(["letter.id", "letter.status", "letter.token_expires_at", "letter.comparable_words", "letter_campaign.test_mode"])
    .where("letter.token_hash", "=", tokenHash)
    .where("letter.letter_campaign_id", "=", letterCampaignId)
    .forUpdate("letter")
    .executeTakeFirst();
}

/**
 * For each decision maker this letter goes to, the highest similarity of `words` to another letter
 * sent (or queued or held) to them since `since`. The trigram index finds candidates: the threshold
 * is set for the caller's transaction first, so `%` uses it.
 */
export async function listSimilarLetterTargets(db: Database, letterId: number, words: string, since: Date, threshold: number) {
  await sql`select set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`.execute(db);
  const similar = await sql<{ target_id: number; similarity: number }>`
      select m.target_id, max(similarity(other.comparable_words, ${words})) as similarity
      from letter_message mine
      join letter_message m on m.target_id = mine.target_id and m.letter_id <> mine.letter_id
        and m.status in ('queued', 'held', 'sent') and m.created_at > ${since}
      join letter other on other.id = m.letter_id and other.comparable_words is not null and other.comparable_words % ${words}
      where mine.letter_id = ${letterId}
      group by m.target_id`.execute(db);
  return similar.rows;
}

export function listLetterMessages(db: Database, letterId: number) {
  return db.selectFrom("letter_message").select(["id", "target_id"]).where("letter_id", "=", letterId).execute();
}

/** Held for an organiser: too like an earlier letter to the same decision maker. */
export async function markLetterMessageHeld(db: Database, id: number, similarity: number, test: boolean) {
  await db.updateTable("letter_message").set({ status: "held", similarity, test }).where("id", "=", id).execute();
}

export async function markLetterMessageQueued(db: Database, id: number, queuedAt: Date, test: boolean) {
  await db.updateTable("letter_message").set({ status: "queued", queued_at: queuedAt, test }).where("id", "=", id).execute();
}

export async function markLetterConfirmed(db: Database, id: number, confirmedAt: Date) {
  await db.updateTable("letter").set({ status: "confirmed", confirmed_at: confirmedAt }).where("id", "=", id).execute();
}

/** A confirmation link's letter, if any (for the link page's first view). */
export function getLetterLink(db: Database, letterCampaignId: number, tokenHash: string) {
  return db.selectFrom("letter").select(["id", "status", "token_expires_at"]).where("token_hash", "=", tokenHash).where("letter_campaign_id", "=", letterCampaignId).executeTakeFirst();
}

/** Each letter campaign and decision maker with messages waiting to go (bounded: the dispatcher runs often). */
export function listQueuedLetterTargets(db: Database) {
  return db.selectFrom("letter_message").select(["letter_campaign_id", "target_id"]).distinct().where("status", "=", "queued").limit(5_000).execute();
}

/** Serialises dispatch per letter campaign and decision maker until the transaction ends. */
export async function lockLetterDispatch(db: Database, letterCampaignId: number, targetId: number) {
  await sql`select pg_advisory_xact_lock(${letterCampaignId}::int, ${targetId}::int)`.execute(db);
}

export async function countLettersSentSince(db: Database, letterCampaignId: number, targetId: number, since: Date) {
  const { n } = await db
    .selectFrom("letter_message")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("letter_campaign_id", "=", letterCampaignId)
    .where("target_id", "=", targetId)
    .where("sent_at", ">", since)
    .executeTakeFirstOrThrow();
  return n;
}

/** Up to `limit` queued messages to one decision maker, oldest first, with their letters' words; SKIP LOCKED so dispatchers never share one. */
export function claimQueuedLetterMessages(db: Database, letterCampaignId: number, targetId: number, limit: number) {
  return db
    .selectFrom("letter_message")
    .innerJoin("letter", "letter.id", "letter_message.letter_id")
    .select(["letter_message.id", "letter_message.test", "letter.name", "letter.email", "letter.postcode", "letter.subject", "letter.opening", "letter.personal"])
    .where("letter_message.letter_campaign_id", "=", letterCampaignId)
    .where("letter_message.target_id", "=", targetId)
    .where("letter_message.status", "=", "queued")
    .orderBy("letter_message.id")
    .limit(limit)
    .forUpdate("letter_message")
    .skipLocked()
    .execute();
}

export async function markLetterMessageFailed(db: Database, id: number, failure: string) {
  await db.updateTable("letter_message").set({ status: "failed", failure }).where("id", "=", id).execute();
}

export async function markLetterMessageSent(db: Database, id: number, sentAt: Date, emailId: number | null) {
  await db.updateTable("letter_message").set({ status: "sent", sent_at: sentAt, email_id: emailId }).where("id", "=", id).execute();
}

/** Sent messages whose emails could not be delivered fail; returns them so their writers can be told. */
export function failSentLetterMessages(db: Database, emailIds: number[], reason: string) {
  return db
    .updateTable("letter_message")
    .set({ status: "failed", failure: reason.slice(0, 500) })
    .where("email_id", "in", emailIds)
    .where("status", "=", "sent")
    .returning(["letter_id", "target_id", "letter_campaign_id"])
    .execute();
}

/** Who to tell that a letter to this decision maker was not sent, with its letter campaign. */
export function getLetterWriterWithCampaign(db: Database, letterId: number, targetId: number) {
  return db
    .selectFrom("letter")
    .innerJoin("letter_campaign", "letter_campaign.id", "letter.letter_campaign_id")
    .innerJoin("target", (join) => join.on("target.id", "=", targetId))
    .select(["letter.email", "letter_campaign.slug", "letter_campaign.title", "target.name"])
    .where("letter.id", "=", letterId)
    .executeTakeFirst();
}

/** Who to tell that a letter to this decision maker was not sent. */
export function getLetterWriter(db: Database, letterId: number, targetId: number) {
  return db
    .selectFrom("letter")
    .innerJoin("target", (join) => join.on("target.id", "=", targetId))
    .select(["letter.email", "target.name"])
    .where("letter.id", "=", letterId)
    .executeTakeFirst();
}

/** Releases a held message to the queue or rejects it; undefined when it is not held (already decided). */
export function setHeldMessageDecision(db: Database, letterCampaignId: number, messageId: number, decision: "release" | "reject") {
  return db
    .updateTable("letter_message")
    .set(decision === "release" ? { status: "queued", queued_at: new Date() } : { status: "rejected" })
    .where("id", "=", messageId)
    .where("letter_campaign_id", "=", letterCampaignId)
    .where("status", "=", "held")
    .returning(["letter_id", "target_id"])
    .executeTakeFirst();
}

/**
 * Sent messages due a follow-up (sent before `followUpSentBefore`, none asked yet) or a reminder
 * (asked before `reminderAskedBefore`, no answer or "not yet"), oldest first, 500 at a time,
 * locked with SKIP LOCKED so two sweeps never take the same one.
 */
export function claimDueFollowUps(db: Database, due: { followUpSentBefore: Date; reminderAskedBefore: Date }) {
  return db
    .selectFrom("letter_message")
    .innerJoin("letter", "letter.id", "letter_message.letter_id")
    .innerJoin("letter_campaign", "letter_campaign.id", "letter_message.letter_campaign_id")
    .innerJoin("target", "target.id", "letter_message.target_id")
    .select(["letter_message.id", "letter_message.followup_sent_at", "letter.email", "letter_campaign.title", "target.name"])
    .where("letter_message.status", "=", "sent")
    .where("letter_message.reminder_sent_at", "is", null)
    .where((eb) =>
      eb.or([
        eb.and([eb("letter_message.followup_sent_at", "is", null), eb("letter_message.sent_at", "<=", due.followUpSentBefore)]),
        eb.and([
          eb("letter_message.followup_sent_at", "<=", due.reminderAskedBefore),
          eb.or([eb("letter_message.reply_outcome", "is", null), eb("letter_message.reply_outcome", "=", "not_yet")]),
        ]),
      ]),
    )
    .orderBy("letter_message.sent_at")
    .limit(500)
    .forUpdate("letter_message")
    .skipLocked()
    .execute();
}

export async function markFollowUpSent(db: Database, id: number, at: Date) {
  await db.updateTable("letter_message").set({ followup_sent_at: at }).where("id", "=", id).execute();
}

export async function markReminderSent(db: Database, id: number, at: Date) {
  await db.updateTable("letter_message").set({ reminder_sent_at: at }).where("id", "=", id).execute();
}

/** A message answered after its follow-up needs no reminder: marked as if sent, so the sweep skips it. */
export async function skipRemindersOfAnswered(db: Database, at: Date) {
  await db
    .updateTable("letter_message")
    .set({ reminder_sent_at: at })
    .where("status", "=", "sent")
    .where("reminder_sent_at", "is", null)
    .where("followup_sent_at", "is not", null)
    .where("reply_outcome", "in", ["yes", "no", "unsatisfactory"])
    .execute();
}

/** The message a reply link is for, with what the page shows. */
export function getLetterMessageForReply(db: Database, messageId: number) {
  return db
    .selectFrom("letter_message")
    .innerJoin("letter_campaign", "letter_campaign.id", "letter_message.letter_campaign_id")
    .innerJoin("target", "target.id", "letter_message.target_id")
    .select(["letter_message.id", "letter_message.status", "letter_message.reply_outcome", "letter_message.reply_summary", "letter_message.summary_may_publish", "letter_message.sent_at", "letter_campaign.title", "letter_campaign.slug", "letter_campaign.campaign_id", "target.name as target_name"])
    .where("letter_message.id", "=", messageId)
    .executeTakeFirst();
}

/** The writer's answer on a sent message (the latest counts); returns whether there was one to answer. */
export async function updateLetterReply(db: Database, messageId: number, reply: { outcome: ReplyOutcome; summary: string | null; mayPublish: boolean }) {
  const result = await db
    .updateTable("letter_message")
    .set({ reply_outcome: reply.outcome, replied_at: new Date(), reply_summary: reply.summary, summary_may_publish: reply.mayPublish && reply.summary !== null })
    .where("id", "=", messageId)
    .where("status", "=", "sent")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks a reply summary published, only if the writer allowed it and it is not published yet. */
export function markReplySummaryPublished(db: Database, letterCampaignId: number, messageId: number) {
  return db
    .updateTable("letter_message")
    .set({ summary_published_at: new Date() })
    .where("id", "=", messageId)
    .where("letter_campaign_id", "=", letterCampaignId)
    .where("summary_may_publish", "=", true)
    .where("reply_summary", "is not", null)
    .where("summary_published_at", "is", null)
    .returning(["target_id", "reply_summary", "reply_outcome"])
    .executeTakeFirst();
}

/**
 * Clears the words of confirmed letters none of whose messages is still waiting (unconfirmed, queued,
 * held) or was sent (or, unsent, confirmed) after `cutoff`. Returns how many.
 */
export async function deleteLetterWordsBefore(db: Database, cutoff: Date, now: Date) {
  const result = await db
    .updateTable("letter")
    .set({ subject: null, opening: null, personal: null, comparable_words: null, words_deleted_at: now })
    .where("status", "=", "confirmed")
    .where("words_deleted_at", "is", null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("letter_message")
            .select(sql`1`.as("x"))
            .whereRef("letter_message.letter_id", "=", "letter.id")
            .where((w) => w.or([w("status", "in", ["unconfirmed", "queued", "held"]), w("sent_at", ">", cutoff), w.and([w("sent_at", "is", null), w("letter.confirmed_at", ">", cutoff)])])),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes letters never confirmed whose link expired before `expiredBefore`. Returns how many. */
export async function deleteUnconfirmedLetters(db: Database, expiredBefore: Date) {
  const result = await db.deleteFrom("letter").where("status", "=", "pending").where("token_expires_at", "<", expiredBefore).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Anonymises the writers of letter campaigns closed by `closedBy` or ended by `endedBy` (a UK date):
 * names, addresses, postcodes and networks go; the district stays. Returns how many letters.
 */
export async function anonymiseLetterWritersOf(db: Database, options: { closedBy: Date; endedBy: string; now: Date }) {
  const result = await db
    .updateTable("letter")
    .set({ name: null, email: null, email_normalised: null, postcode: null, ip_hash: null, campaign_consent: false, anonymised_at: options.now })
    .where("anonymised_at", "is", null)
    .where("letter_campaign_id", "in", (eb) =>
      eb
        .selectFrom("letter_campaign")
        .select("id")
        .where((w) => w.or([w.and([w("status", "=", "closed"), w("closed_at", "<=", options.closedBy)]), w("ends_on", "<=", options.endedBy)])),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A campaign's letter campaigns that supporters have written to (not drafts): where campaign news goes. */
export function listNewsLetterCampaigns(db: Database, campaignId: number) {
  return db.selectFrom("letter_campaign").select("id").where("campaign_id", "=", campaignId).where("status", "!=", "draft").orderBy("id").execute();
}

/** What a news email needs of its letter campaign. */
export function getLetterCampaignForNews(db: Database, id: number) {
  return db.selectFrom("letter_campaign").select(["slug", "title"]).where("id", "=", id).executeTakeFirst();
}

/**
 * The next `limit` confirmed writers (after `afterId`) who asked for campaign news, one letter per
 * address: someone who wrote twice hears once, through their first letter that still has consent.
 */
export function listNewsWriters(db: Database, letterCampaignId: number, afterId: number, limit: number) {
  return db
    .selectFrom("letter as l")
    .select(["l.id", "l.email"])
    .where("l.letter_campaign_id", "=", letterCampaignId)
    .where("l.status", "=", "confirmed")
    .where("l.campaign_consent", "=", true)
    .where("l.id", ">", afterId)
    .where("l.email", "is not", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("letter as earlier")
            .select("earlier.id")
            .whereRef("earlier.letter_campaign_id", "=", "l.letter_campaign_id")
            .whereRef("earlier.email_normalised", "=", "l.email_normalised")
            .whereRef("earlier.id", "<", "l.id")
            .where("earlier.status", "=", "confirmed")
            .where("earlier.campaign_consent", "=", true),
        ),
      ),
    )
    .orderBy("l.id")
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => ({ id: r.id, email: r.email! })));
}

/** A writer's "stop" link: no more news to their address from this letter campaign, whichever letter it came through. */
export async function stopWriterNews(db: Database, letterCampaignId: number, letterId: number) {
  await db
    .updateTable("letter")
    .set({ campaign_consent: false })
    .where("letter_campaign_id", "=", letterCampaignId)
    .where((eb) =>
      eb.or([
        eb("id", "=", letterId),
        eb("email_normalised", "=", eb.selectFrom("letter").select("email_normalised").where("id", "=", letterId).where("letter_campaign_id", "=", letterCampaignId)),
      ]),
    )
    .execute();
}
