import { sql } from "kysely";
import type { Database } from "../../db";
import type { ReplyOutcome } from "../../db/schema";
import { insertCampaignEvent } from "~/models/campaign.server";
import { getLetterCampaign, type LetterCampaignFields, type LetterCampaignRow } from "~/models/letter.server";
import { flagBouncedTargets, resolveTargets } from "~/models/target.server";
import { queueEmail } from "~/services/email.server";
import { getAppUrl } from "~/utils/env.server";
import type { LetterParts } from "../../emails/letter-text";
import { inSendingWindow } from "~/letters/rules";
import { todayInLondon } from "~/utils/london-time";
import { comparableWords } from "~/utils/text";
import { normaliseSignerEmail } from "~/petitions/signers";
import { signedLinkToken } from "~/utils/signed-links.server";
import { slugFor } from "~/utils/slugs.server";
import { generateToken, hashToken } from "~/utils/tokens.server";

export const LETTER_LINK_DAYS = 14;
/** Letters at least this like an earlier one to the same target are held for an organiser. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;
/** How far back "earlier letters" reaches for the near-duplicate check. */
export const NEAR_DUPLICATE_DAYS = 30;
export const FOLLOW_UP_DAYS = 14;
export const REMINDER_DAYS = 7;
/** A letter's words are deleted this long after it was sent (or finally not sent). */
export const LETTER_WORDS_DAYS = 28;

const DAY = 86_400_000;

/** A letter campaign inside a campaign, with its chosen targets, as a draft. */
export async function createLetterCampaign(db: Database, campaignId: number, actorId: number, fields: LetterCampaignFields) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("letter_campaign")
      .values({
        campaign_id: campaignId,
        slug: slugFor(fields.title, "letter"),
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
        created_by: actorId,
      })
      .returning(["id", "slug"])
      .executeTakeFirstOrThrow();
    if (fields.targetIds.length) {
      await trx
        .insertInto("letter_campaign_target")
        .columns(["letter_campaign_id", "target_id"])
        .expression((eb) => eb.selectFrom("target").select([sql<number>`${row.id}::bigint`.as("lc"), "id"]).where("id", "in", fields.targetIds))
        .execute();
    }
    return row;
  });
}

/** Draft → open → closed; test mode can be switched while it runs. Returns whether anything changed. */
export async function setLetterCampaignStatus(db: Database, id: number, to: "open" | "closed") {
  const result = await db
    .updateTable("letter_campaign")
    .set(to === "open" ? { status: "open", opened_at: new Date() } : { status: "closed", closed_at: new Date() })
    .where("id", "=", id)
    .where("status", "=", to === "open" ? "draft" : "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setLetterTestMode(db: Database, id: number, testMode: boolean) {
  await db.updateTable("letter_campaign").set({ test_mode: testMode }).where("id", "=", id).execute();
}

/** Whether supporters can write now: open, and not past its end date (UK). */
export const acceptingLetters = (lc: Pick<LetterCampaignRow, "status" | "ends_on">, now = new Date()) => lc.status === "open" && (!lc.ends_on || lc.ends_on >= todayInLondon(now));

export interface LetterInput extends LetterParts {
  email: string;
  outward: string;
  area: string;
  ipHash?: string | null;
}

/**
 * Records a letter waiting for its writer to confirm, one message per decision maker (resolved now,
 * so the preview and what is sent agree), and emails the confirmation link, in one transaction.
 * Returns the recipients, or null when no one covers the postcode.
 */
export async function writeLetter(db: Database, lc: LetterCampaignRow, input: LetterInput) {
  const token = generateToken();
  return db.transaction().execute(async (trx) => {
    const targets = await resolveTargets(trx, lc, input);
    if (!targets.length) return null;
    const letter = await trx
      .insertInto("letter")
      .values({
        letter_campaign_id: lc.id,
        name: input.name,
        email: input.email.trim(),
        email_normalised: normaliseSignerEmail(input.email),
        postcode: input.postcode,
        outward_code: input.outward,
        subject: input.subject,
        opening: input.opening,
        personal: input.personal,
        comparable_words: comparableWords(`${input.opening ?? ""} ${input.personal ?? ""}`),
        token_hash: hashToken(token),
        token_expires_at: new Date(Date.now() + LETTER_LINK_DAYS * DAY),
        ip_hash: input.ipHash ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("letter_message")
      .values(targets.map((t) => ({ letter_id: letter.id, letter_campaign_id: lc.id, target_id: t.id })))
      .execute();
    await queueEmail(trx, {
      template: "ConfirmLetter",
      to: input.email,
      props: { title: lc.title, recipients: targets.map((t) => t.name), confirmUrl: `${getAppUrl()}/letters/${lc.slug}/confirm/${token}`, days: LETTER_LINK_DAYS },
    });
    return { letterId: letter.id, targets };
  });
}

export type ConfirmLetterResult = { ok: true; alreadyConfirmed: boolean; queued: number; held: number } | { ok: false };

/**
 * Confirms a letter from its email link (the button, never the GET): each message is queued for
 * the dispatcher, or held for an organiser when the writer's words are very like an earlier letter
 * to the same decision maker. Confirming twice changes nothing.
 */
export async function confirmLetter(db: Database, letterCampaignId: number, token: string, now = new Date()): Promise<ConfirmLetterResult> {
  return db.transaction().execute(async (trx) => {
    const letter = await trx
      .selectFrom("letter")
      .innerJoin("letter_campaign", "letter_campaign.id", "letter.letter_campaign_id")
      .select(["letter.id", "letter.status", "letter.token_expires_at", "letter.comparable_words", "letter_campaign.test_mode"])
      .where("letter.token_hash", "=", hashToken(token))
      .where("letter.letter_campaign_id", "=", letterCampaignId)
      .forUpdate("letter")
      .executeTakeFirst();
    if (!letter) return { ok: false } as const;
    if (letter.status === "confirmed") return { ok: true, alreadyConfirmed: true, queued: 0, held: 0 } as const;
    if (new Date(letter.token_expires_at) <= now) return { ok: false } as const;
    // Like any earlier letter to the same target in the last 30 days, comparing the words a reader
    // sees (see comparableWords)? The trigram index finds candidates.
    const words = letter.comparable_words ?? "";
    await sql`select set_config('pg_trgm.similarity_threshold', ${String(NEAR_DUPLICATE_THRESHOLD)}, true)`.execute(trx);
    const similar = await sql<{ target_id: number; similarity: number }>`
      select m.target_id, max(similarity(other.comparable_words, ${words})) as similarity
      from letter_message mine
      join letter_message m on m.target_id = mine.target_id and m.letter_id <> mine.letter_id
        and m.status in ('queued', 'held', 'sent') and m.created_at > ${new Date(now.getTime() - NEAR_DUPLICATE_DAYS * DAY)}
      join letter other on other.id = m.letter_id and other.comparable_words is not null and other.comparable_words % ${words}
      where mine.letter_id = ${letter.id}
      group by m.target_id`.execute(trx);
    const held = new Map(similar.rows.filter((r) => r.similarity >= NEAR_DUPLICATE_THRESHOLD).map((r) => [Number(r.target_id), r.similarity]));
    const messages = await trx.selectFrom("letter_message").select(["id", "target_id"]).where("letter_id", "=", letter.id).execute();
    for (const m of messages) {
      const similarity = held.get(Number(m.target_id));
      await trx
        .updateTable("letter_message")
        .set(similarity !== undefined ? { status: "held", similarity, test: letter.test_mode } : { status: "queued", queued_at: now, test: letter.test_mode })
        .where("id", "=", m.id)
        .execute();
    }
    await trx.updateTable("letter").set({ status: "confirmed", confirmed_at: now }).where("id", "=", letter.id).execute();
    return { ok: true, alreadyConfirmed: false, queued: messages.length - held.size, held: held.size } as const;
  });
}

/** Whether a confirmation link is for a letter that is still waiting (for the link page's first view). */
export async function findLetterLink(db: Database, letterCampaignId: number, token: string) {
  return db
    .selectFrom("letter")
    .select(["id", "status", "token_expires_at"])
    .where("token_hash", "=", hashToken(token))
    .where("letter_campaign_id", "=", letterCampaignId)
    .executeTakeFirst();
}

/**
 * Hands due letters to the mail queue, paced: for each letter campaign in its sending window, each
 * decision maker gets at most the campaign's hourly cap. Each message becomes one email whose
 * idempotency key is the message's own, in the same transaction that marks it sent, so a crash
 * anywhere either sends it once or leaves it queued. A lock per campaign and target keeps two
 * dispatchers from both spending the same hour's allowance. `now` is a parameter so tests control the clock.
 */
export async function dispatchDueLetters(db: Database, now = new Date()) {
  const due = await db
    .selectFrom("letter_message")
    .select(["letter_campaign_id", "target_id"])
    .distinct()
    .where("status", "=", "queued")
    .limit(5_000)
    .execute();
  if (!due.length) return { sent: 0 };
  // The campaigns with letters due, in one query; those outside their sending window wait.
  const rows = await db
    .selectFrom("letter_campaign")
    .leftJoin("member", "member.id", "letter_campaign.created_by")
    .selectAll("letter_campaign")
    .select("member.email as organiser_email")
    .where("letter_campaign.id", "in", [...new Set(due.map((d) => Number(d.letter_campaign_id)))])
    .execute();
  const campaigns = new Map(rows.filter((lc) => inSendingWindow(now, { days: lc.window_days, start: lc.window_start, end: lc.window_end })).map((lc) => [Number(lc.id), lc]));
  let sent = 0;
  for (const { letter_campaign_id, target_id } of due) {
    const lc = campaigns.get(Number(letter_campaign_id));
    if (lc) sent += await dispatchToTarget(db, lc, Number(target_id), now);
  }
  return { sent };
}

async function dispatchToTarget(db: Database, lc: LetterCampaignRow & { organiser_email: string | null }, targetId: number, now: Date) {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${lc.id}::int, ${targetId}::int)`.execute(trx);
    const { n } = await trx
      .selectFrom("letter_message")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("letter_campaign_id", "=", lc.id)
      .where("target_id", "=", targetId)
      .where("sent_at", ">", new Date(now.getTime() - 3_600_000))
      .executeTakeFirstOrThrow();
    const allowance = lc.hourly_cap - n;
    if (allowance <= 0) return 0;
    const target = await trx.selectFrom("target").select(["name", "email", "bounced_at"]).where("id", "=", targetId).executeTakeFirstOrThrow();
    const messages = await trx
      .selectFrom("letter_message")
      .innerJoin("letter", "letter.id", "letter_message.letter_id")
      .select(["letter_message.id", "letter_message.test", "letter.name", "letter.email", "letter.postcode", "letter.subject", "letter.opening", "letter.personal"])
      .where("letter_message.letter_campaign_id", "=", lc.id)
      .where("letter_message.target_id", "=", targetId)
      .where("letter_message.status", "=", "queued")
      .orderBy("letter_message.id")
      .limit(allowance)
      .forUpdate("letter_message")
      .skipLocked()
      .execute();
    let sent = 0;
    for (const m of messages) {
      const words = m.name && m.email && m.postcode && m.subject && m.opening && m.personal;
      const to = m.test ? lc.organiser_email : target.email;
      if (target.bounced_at || !words || !to) {
        const failure = target.bounced_at ? "The decision maker's address bounced" : !words ? "The letter's words were deleted" : "Test mode, and the organiser who set it up has left";
        await trx.updateTable("letter_message").set({ status: "failed", failure }).where("id", "=", m.id).execute();
        if (target.bounced_at && m.email) await tellWriterNotSent(trx, lc, { email: m.email, recipientName: target.name, reason: "bounced" });
        continue;
      }
      const emailId = await queueEmail(trx, {
        template: "Letter",
        to,
        idempotencyKey: `letter-message:${m.id}`,
        props: {
          recipientName: target.name,
          replyTo: m.email!,
          testFor: m.test ? `${target.name} <${target.email}>` : null,
          parts: { subject: m.subject!, opening: m.opening!, personal: m.personal!, name: m.name!, postcode: m.postcode! },
        },
      });
      await trx.updateTable("letter_message").set({ status: "sent", sent_at: now, email_id: emailId }).where("id", "=", m.id).execute();
      sent++;
    }
    return sent;
  });
}

function tellWriterNotSent(trx: Database, lc: { slug: string; title: string }, who: { email: string; recipientName: string; reason: "rejected" | "bounced" }) {
  return queueEmail(trx, {
    template: "LetterNotSent",
    to: who.email,
    props: { recipientName: who.recipientName, title: lc.title, reason: who.reason, letterUrl: `${getAppUrl()}/letters/${lc.slug}` },
  });
}

/**
 * The email pipeline reports letters it could not deliver for good (an address refused or bounced):
 * their messages fail, their decision makers are flagged and skipped from then on, and each writer
 * is told. Mail that is not a letter is left alone.
 */
export async function recordUndeliverableLetters(db: Database, emailIds: number[], reason: string) {
  if (!emailIds.length) return 0;
  return db.transaction().execute(async (trx) => {
    const failed = await trx
      .updateTable("letter_message")
      .set({ status: "failed", failure: reason.slice(0, 500) })
      .where("email_id", "in", emailIds)
      .where("status", "=", "sent")
      .returning(["letter_id", "target_id", "letter_campaign_id"])
      .execute();
    if (!failed.length) return 0;
    await flagBouncedTargets(trx, emailIds, reason);
    for (const f of failed) {
      const row = await trx
        .selectFrom("letter")
        .innerJoin("letter_campaign", "letter_campaign.id", "letter.letter_campaign_id")
        .innerJoin("target", (join) => join.on("target.id", "=", f.target_id))
        .select(["letter.email", "letter_campaign.slug", "letter_campaign.title", "target.name"])
        .where("letter.id", "=", f.letter_id)
        .executeTakeFirst();
      if (row?.email) await tellWriterNotSent(trx, row, { email: row.email, recipientName: row.name, reason: "bounced" });
    }
    return failed.length;
  });
}

/** An organiser's decision on a held letter: release it to the queue, or reject it (the writer is told). */
export async function decideHeldMessage(db: Database, letterCampaignId: number, messageId: number, decision: "release" | "reject") {
  return db.transaction().execute(async (trx) => {
    const message = await trx
      .updateTable("letter_message")
      .set(decision === "release" ? { status: "queued", queued_at: new Date() } : { status: "rejected" })
      .where("id", "=", messageId)
      .where("letter_campaign_id", "=", letterCampaignId)
      .where("status", "=", "held")
      .returning(["letter_id", "target_id"])
      .executeTakeFirst();
    if (!message) return false;
    if (decision === "reject") {
      const lc = (await getLetterCampaign(trx, letterCampaignId))!;
      const row = await trx
        .selectFrom("letter")
        .innerJoin("target", (join) => join.on("target.id", "=", message.target_id))
        .select(["letter.email", "target.name"])
        .where("letter.id", "=", message.letter_id)
        .executeTakeFirst();
      if (row?.email) await tellWriterNotSent(trx, lc, { email: row.email, recipientName: row.name, reason: "rejected" });
    }
    return true;
  });
}

/**
 * The follow-up sweep: fourteen days after a letter went, its writer is asked whether the decision
 * maker replied; a week later, once more, unless they have said. One email per message, keyed so a
 * sweep that runs twice sends once.
 */
export async function sendDueFollowUps(db: Database, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("letter_message")
      .innerJoin("letter", "letter.id", "letter_message.letter_id")
      .innerJoin("letter_campaign", "letter_campaign.id", "letter_message.letter_campaign_id")
      .innerJoin("target", "target.id", "letter_message.target_id")
      .select(["letter_message.id", "letter_message.followup_sent_at", "letter.email", "letter_campaign.title", "target.name"])
      .where("letter_message.status", "=", "sent")
      .where("letter_message.reminder_sent_at", "is", null)
      .where((eb) =>
        eb.or([
          eb.and([eb("letter_message.followup_sent_at", "is", null), eb("letter_message.sent_at", "<=", new Date(now.getTime() - FOLLOW_UP_DAYS * DAY))]),
          eb.and([
            eb("letter_message.followup_sent_at", "<=", new Date(now.getTime() - REMINDER_DAYS * DAY)),
            eb.or([eb("letter_message.reply_outcome", "is", null), eb("letter_message.reply_outcome", "=", "not_yet")]),
          ]),
        ]),
      )
      .orderBy("letter_message.sent_at")
      .limit(500)
      .forUpdate("letter_message")
      .skipLocked()
      .execute();
    for (const m of due) {
      const reminder = m.followup_sent_at !== null;
      if (m.email) {
        await queueEmail(trx, {
          template: "LetterFollowUp",
          to: m.email,
          idempotencyKey: `letter-follow-up:${m.id}:${reminder ? 2 : 1}`,
          props: { recipientName: m.name, title: m.title, replyUrl: `${getAppUrl()}/letters/reply/${signedLinkToken("letter-reply", m.id)}`, reminder },
        });
      }
      await trx
        .updateTable("letter_message")
        .set(reminder ? { reminder_sent_at: now } : { followup_sent_at: now })
        .where("id", "=", m.id)
        .execute();
    }
    // A message answered before its reminder was due needs none: mark it so the sweep skips it.
    await trx
      .updateTable("letter_message")
      .set({ reminder_sent_at: now })
      .where("status", "=", "sent")
      .where("reminder_sent_at", "is", null)
      .where("followup_sent_at", "is not", null)
      .where("reply_outcome", "in", ["yes", "no", "unsatisfactory"])
      .execute();
    return due.length;
  });
}

/** The message a reply link is for, with what the page shows. */
export function getMessageForReply(db: Database, messageId: number) {
  return db
    .selectFrom("letter_message")
    .innerJoin("letter_campaign", "letter_campaign.id", "letter_message.letter_campaign_id")
    .innerJoin("target", "target.id", "letter_message.target_id")
    .select(["letter_message.id", "letter_message.status", "letter_message.reply_outcome", "letter_message.reply_summary", "letter_message.summary_may_publish", "letter_message.sent_at", "letter_campaign.title", "letter_campaign.slug", "letter_campaign.campaign_id", "target.name as target_name"])
    .where("letter_message.id", "=", messageId)
    .executeTakeFirst();
}

/** The writer's answer: the latest one counts, with an optional summary they may let organisers publish. */
export async function recordReply(db: Database, messageId: number, reply: { outcome: ReplyOutcome; summary: string | null; mayPublish: boolean }) {
  const result = await db
    .updateTable("letter_message")
    .set({ reply_outcome: reply.outcome, replied_at: new Date(), reply_summary: reply.summary, summary_may_publish: reply.mayPublish && reply.summary !== null })
    .where("id", "=", messageId)
    .where("status", "=", "sent")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Puts a reply summary the writer allowed on the campaign's timeline, once, without saying who wrote. */
export async function publishReplySummary(db: Database, letterCampaignId: number, messageId: number, actorId: number) {
  return db.transaction().execute(async (trx) => {
    const m = await trx
      .updateTable("letter_message")
      .set({ summary_published_at: new Date() })
      .where("id", "=", messageId)
      .where("letter_campaign_id", "=", letterCampaignId)
      .where("summary_may_publish", "=", true)
      .where("reply_summary", "is not", null)
      .where("summary_published_at", "is", null)
      .returning(["target_id", "reply_summary", "reply_outcome"])
      .executeTakeFirst();
    if (!m) return false;
    const lc = (await getLetterCampaign(trx, letterCampaignId))!;
    const target = await trx.selectFrom("target").select("name").where("id", "=", m.target_id).executeTakeFirstOrThrow();
    await insertCampaignEvent(trx, {
      campaignId: lc.campaign_id,
      kind: "response_received",
      title: `${target.name} replied to a supporter's letter`.slice(0, 150),
      body: `A supporter who wrote (${lc.title}) summed up the reply${m.reply_outcome === "unsatisfactory" ? " and found it unsatisfactory" : ""}:\n\n> ${m.reply_summary!.replace(/\n/g, "\n> ")}`,
      happenedOn: todayInLondon(),
      authorId: actorId,
    });
    return true;
  });
}

/**
 * Nightly privacy sweep: a letter's words go 28 days after its last message was sent or finally not
 * sent (held letters keep theirs until decided); unconfirmed letters go a day after their link
 * expires (nothing was sent, nothing is counted). Counts, districts and reply outcomes stay.
 */
export async function deleteOldLetterWords(db: Database, now = new Date()) {
  const cutoff = new Date(now.getTime() - LETTER_WORDS_DAYS * DAY);
  const words = await db
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
  const expired = await db
    .deleteFrom("letter")
    .where("status", "=", "pending")
    .where("token_expires_at", "<", new Date(now.getTime() - DAY))
    .executeTakeFirst();
  return { wordsDeleted: Number(words.numUpdatedRows), unconfirmedDeleted: Number(expired.numDeletedRows) };
}

/**
 * Writers' names, addresses and postcodes go on the same schedule as petition signers': the
 * retention period after their letter campaign closed (or its end date passed). The district stays.
 */
export async function anonymiseLetterWriters(db: Database, retentionDays: number, now = new Date()) {
  const cutoff = new Date(now.getTime() - retentionDays * DAY);
  const result = await db
    .updateTable("letter")
    .set({ name: null, email: null, email_normalised: null, postcode: null, ip_hash: null, anonymised_at: now })
    .where("anonymised_at", "is", null)
    .where("letter_campaign_id", "in", (eb) =>
      eb
        .selectFrom("letter_campaign")
        .select("id")
        .where((w) => w.or([w.and([w("status", "=", "closed"), w("closed_at", "<=", cutoff)]), w("ends_on", "<=", todayInLondon(cutoff))])),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
