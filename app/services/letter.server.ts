import type { Database } from "../../db";
import type { ReplyOutcome } from "../../db/schema";
import { insertCampaignEvent } from "~/models/campaign.server";
import {
  addLetterCampaignTargets,
  anonymiseLetterWritersOf,
  changeLetterCampaignStatus,
  claimDueFollowUps,
  claimQueuedLetterMessages,
  countLettersSentSince,
  deleteLetterWordsBefore,
  deleteUnconfirmedLetters,
  failSentLetterMessages,
  getLetterByTokenForUpdate,
  getLetterCampaign,
  getLetterCampaignForNews,
  getLetterLink,
  getLetterMessageForReply,
  getLetterWriter,
  getLetterWriterWithCampaign,
  insertLetter,
  insertLetterCampaign,
  insertLetterMessages,
  listLetterCampaignsWithOrganiser,
  listLetterMessages,
  listNewsLetterCampaigns,
  listNewsWriters,
  listQueuedLetterTargets,
  listSimilarLetterTargets,
  lockLetterDispatch,
  markFollowUpSent,
  markLetterConfirmed,
  markLetterMessageFailed,
  markLetterMessageHeld,
  markLetterMessageQueued,
  markLetterMessageSent,
  markReminderSent,
  markReplySummaryPublished,
  setHeldMessageDecision,
  skipRemindersOfAnswered,
  stopWriterNews,
  updateLetterReply,
  updateLetterTestMode,
  type LetterCampaignFields,
  type LetterCampaignRow,
} from "~/models/letter.server";
import { flagBouncedTargets, getRecipientTarget, getTargetAddress, getTargetName, resolveTargets } from "~/models/target.server";
import { mergeRepresentative } from "~/letters/lookup/merge";
import { queueEmail, queueEmails } from "~/services/email.server";
import { enqueueJob, JOBS } from "~/services/jobs.server";
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
    const row = await insertLetterCampaign(trx, campaignId, actorId, slugFor(fields.title, "letter"), fields);
    await addLetterCampaignTargets(trx, row.id, fields.targetIds);
    return row;
  });
}

/** Draft → open → closed; test mode can be switched while it runs. Returns whether anything changed. */
export async function setLetterCampaignStatus(db: Database, id: number, to: "open" | "closed") {
  return changeLetterCampaignStatus(db, id, to);
}

export async function setLetterTestMode(db: Database, id: number, testMode: boolean) {
  await updateLetterTestMode(db, id, testMode);
}

/** Whether supporters can write now: open, and not past its end date (UK). */
export const acceptingLetters = (lc: Pick<LetterCampaignRow, "status" | "ends_on">, now = new Date()) => lc.status === "open" && (!lc.ends_on || lc.ends_on >= todayInLondon(now));

export interface LetterInput extends LetterParts {
  email: string;
  outward: string;
  area: string;
  ipHash?: string | null;
  /** The writer's MP as the representative lookup found them (findRecipients), in place of the directory's MPs for the area. */
  representativeId?: number | null;
  /** They ticked "Email me when decision makers respond to this campaign". */
  campaignConsent?: boolean;
}

/**
 * Records a letter waiting for its writer to confirm, one message per decision maker (resolved now,
 * so the preview and what is sent agree; the looked-up MP, if any, in place of the directory's MPs
 * for the area), and emails the confirmation link, in one transaction.
 * Returns the recipients, or null when no one covers the postcode.
 */
export async function writeLetter(db: Database, lc: LetterCampaignRow, input: LetterInput) {
  const token = generateToken();
  return db.transaction().execute(async (trx) => {
    const representative = input.representativeId ? await getRecipientTarget(trx, input.representativeId) : undefined;
    const targets = mergeRepresentative(await resolveTargets(trx, lc, input), representative && !representative.bounced_at ? { ...representative, chosen: false } : null);
    if (!targets.length) return null;
    const letterId = await insertLetter(trx, {
      letterCampaignId: lc.id,
      name: input.name,
      email: input.email.trim(),
      emailNormalised: normaliseSignerEmail(input.email),
      postcode: input.postcode,
      outwardCode: input.outward,
      subject: input.subject,
      opening: input.opening,
      personal: input.personal,
      comparableWords: comparableWords(`${input.opening ?? ""} ${input.personal ?? ""}`),
      tokenHash: hashToken(token),
      tokenExpiresAt: new Date(Date.now() + LETTER_LINK_DAYS * DAY),
      ipHash: input.ipHash ?? null,
      campaignConsent: input.campaignConsent ?? false,
    });
    await insertLetterMessages(trx, letterId, lc.id, targets.map((t) => t.id));
    await queueEmail(trx, {
      template: "ConfirmLetter",
      to: input.email,
      props: { title: lc.title, recipients: targets.map((t) => t.name), confirmUrl: `${getAppUrl()}/letters/${lc.slug}/confirm/${token}`, days: LETTER_LINK_DAYS },
    });
    return { letterId, targets };
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
    const letter = await getLetterByTokenForUpdate(trx, letterCampaignId, hashToken(token));
    if (!letter) return { ok: false } as const;
    if (letter.status === "confirmed") return { ok: true, alreadyConfirmed: true, queued: 0, held: 0 } as const;
    if (new Date(letter.token_expires_at) <= now) return { ok: false } as const;
    // Like any earlier letter to the same target in the last 30 days, comparing the words a reader
    // sees (see comparableWords)? The trigram index finds candidates.
    const words = letter.comparable_words ?? "";
    const similar = await listSimilarLetterTargets(trx, letter.id, words, new Date(now.getTime() - NEAR_DUPLICATE_DAYS * DAY), NEAR_DUPLICATE_THRESHOLD);
    const held = new Map(similar.filter((r) => r.similarity >= NEAR_DUPLICATE_THRESHOLD).map((r) => [Number(r.target_id), r.similarity]));
    const messages = await listLetterMessages(trx, letter.id);
    for (const m of messages) {
      const similarity = held.get(Number(m.target_id));
      if (similarity !== undefined) await markLetterMessageHeld(trx, m.id, similarity, letter.test_mode);
      else await markLetterMessageQueued(trx, m.id, now, letter.test_mode);
    }
    await markLetterConfirmed(trx, letter.id, now);
    return { ok: true, alreadyConfirmed: false, queued: messages.length - held.size, held: held.size } as const;
  });
}

/** Whether a confirmation link is for a letter that is still waiting (for the link page's first view). */
export async function findLetterLink(db: Database, letterCampaignId: number, token: string) {
  return getLetterLink(db, letterCampaignId, hashToken(token));
}

/**
 * Hands due letters to the mail queue, paced: for each letter campaign in its sending window, each
 * decision maker gets at most the campaign's hourly cap. Each message becomes one email whose
 * idempotency key is the message's own, in the same transaction that marks it sent, so a crash
 * anywhere either sends it once or leaves it queued. A lock per campaign and target keeps two
 * dispatchers from both spending the same hour's allowance. `now` is a parameter so tests control the clock.
 */
export async function dispatchDueLetters(db: Database, now = new Date()) {
  const due = await listQueuedLetterTargets(db);
  if (!due.length) return { sent: 0 };
  // The campaigns with letters due, in one query; those outside their sending window wait.
  const rows = await listLetterCampaignsWithOrganiser(db, [...new Set(due.map((d) => Number(d.letter_campaign_id)))]);
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
    await lockLetterDispatch(trx, lc.id, targetId);
    const n = await countLettersSentSince(trx, lc.id, targetId, new Date(now.getTime() - 3_600_000));
    const allowance = lc.hourly_cap - n;
    if (allowance <= 0) return 0;
    const target = await getTargetAddress(trx, targetId);
    const messages = await claimQueuedLetterMessages(trx, lc.id, targetId, allowance);
    let sent = 0;
    for (const m of messages) {
      const words = m.name && m.email && m.postcode && m.subject && m.opening && m.personal;
      const to = m.test ? lc.organiser_email : target.email;
      if (target.bounced_at || !words || !to) {
        const failure = target.bounced_at ? "The decision maker's address bounced" : !words ? "The letter's words were deleted" : "Test mode, and the organiser who set it up has left";
        await markLetterMessageFailed(trx, m.id, failure);
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
      await markLetterMessageSent(trx, m.id, now, emailId);
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
    const failed = await failSentLetterMessages(trx, emailIds, reason);
    if (!failed.length) return 0;
    await flagBouncedTargets(trx, emailIds, reason);
    for (const f of failed) {
      const row = await getLetterWriterWithCampaign(trx, f.letter_id, f.target_id);
      if (row?.email) await tellWriterNotSent(trx, row, { email: row.email, recipientName: row.name, reason: "bounced" });
    }
    return failed.length;
  });
}

/** An organiser's decision on a held letter: release it to the queue, or reject it (the writer is told). */
export async function decideHeldMessage(db: Database, letterCampaignId: number, messageId: number, decision: "release" | "reject") {
  return db.transaction().execute(async (trx) => {
    const message = await setHeldMessageDecision(trx, letterCampaignId, messageId, decision);
    if (!message) return false;
    if (decision === "reject") {
      const lc = (await getLetterCampaign(trx, letterCampaignId))!;
      const row = await getLetterWriter(trx, message.letter_id, message.target_id);
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
    const due = await claimDueFollowUps(trx, { followUpSentBefore: new Date(now.getTime() - FOLLOW_UP_DAYS * DAY), reminderAskedBefore: new Date(now.getTime() - REMINDER_DAYS * DAY) });
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
      if (reminder) await markReminderSent(trx, m.id, now);
      else await markFollowUpSent(trx, m.id, now);
    }
    // A message answered before its reminder was due needs none: mark it so the sweep skips it.
    await skipRemindersOfAnswered(trx, now);
    return due.length;
  });
}

/** The message a reply link is for, with what the page shows. */
export function getMessageForReply(db: Database, messageId: number) {
  return getLetterMessageForReply(db, messageId);
}

/** The writer's answer: the latest one counts, with an optional summary they may let organisers publish. */
export async function recordReply(db: Database, messageId: number, reply: { outcome: ReplyOutcome; summary: string | null; mayPublish: boolean }) {
  return updateLetterReply(db, messageId, reply);
}

/** Puts a reply summary the writer allowed on the campaign's timeline, once, without saying who wrote. */
export async function publishReplySummary(db: Database, letterCampaignId: number, messageId: number, actorId: number) {
  return db.transaction().execute(async (trx) => {
    const m = await markReplySummaryPublished(trx, letterCampaignId, messageId);
    if (!m) return false;
    const lc = (await getLetterCampaign(trx, letterCampaignId))!;
    const target = await getTargetName(trx, m.target_id);
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
  const wordsDeleted = await deleteLetterWordsBefore(db, cutoff, now);
  const unconfirmedDeleted = await deleteUnconfirmedLetters(db, new Date(now.getTime() - DAY));
  return { wordsDeleted, unconfirmedDeleted };
}

/**
 * Writers' names, addresses and postcodes go on the same schedule as petition signers': the
 * retention period after their letter campaign closed (or its end date passed). The district stays.
 */
export async function anonymiseLetterWriters(db: Database, retentionDays: number, now = new Date()) {
  const cutoff = new Date(now.getTime() - retentionDays * DAY);
  return anonymiseLetterWritersOf(db, { closedBy: cutoff, endedBy: todayInLondon(cutoff), now });
}

export const LETTER_NEWS_BATCH_SIZE = 2_000;

/**
 * Campaign news to the writers of a campaign's letter campaigns who asked for it (a decision maker
 * has responded): one job per letter campaign, each writing 2,000 emails at a time and queueing the
 * next, as petition news does. Written through the caller's transaction, with the change behind it.
 */
export async function queueLetterNews(trx: Database, campaignId: number, news: { subject: string; message: string }) {
  const messageKey = generateToken().slice(0, 12);
  for (const lc of await listNewsLetterCampaigns(trx, campaignId)) {
    await enqueueJob(trx, JOBS.letterNews, { letterCampaignId: lc.id, messageKey, subject: news.subject, message: news.message, afterId: 0 });
  }
}

/** One batch of a letter news send (the letter.news job): emails with a one-click stop link each, then the next batch. */
export async function sendLetterNewsBatch(db: Database, job: { letterCampaignId: number; messageKey: string; subject: string; message: string; afterId: number }, batchSize = LETTER_NEWS_BATCH_SIZE) {
  return db.transaction().execute(async (trx) => {
    const lc = await getLetterCampaignForNews(trx, job.letterCampaignId);
    if (!lc) return { sent: 0, done: true };
    const writers = await listNewsWriters(trx, job.letterCampaignId, job.afterId, batchSize);
    const base = `${getAppUrl()}/letters/${lc.slug}`;
    const sent = await queueEmails(
      trx,
      "LetterNews",
      writers.map((w) => {
        const stopUrl = `${base}/news-off/${signedLinkToken("letter-news-off", w.id)}`;
        return {
          to: w.email,
          idempotencyKey: `letter-news:${job.messageKey}:${w.id}`,
          props: { letterCampaignTitle: lc.title, subject: job.subject, message: job.message, letterCampaignUrl: base, stopUrl },
          // One-click unsubscribe (RFC 8058): the stop link takes a cookie-less POST.
          headers: { "List-Unsubscribe": `<${stopUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        };
      }),
    );
    const done = writers.length < batchSize;
    if (!done) await enqueueJob(trx, JOBS.letterNews, { ...job, afterId: writers[writers.length - 1]!.id });
    return { sent, done };
  });
}

/** A writer's "stop" link: no more campaign news to their address from this letter campaign. */
export async function stopLetterNews(db: Database, letterCampaignId: number, letterId: number) {
  await stopWriterNews(db, letterCampaignId, letterId);
}
