import type { Database } from "../../db";
import { anonymiseClosedPetitionSigners, recountPetitions } from "~/models/petition.server";
import { closeDuePetitions, sendPetitionNewsBatch } from "~/services/petition.server";
import { anonymiseLetterWriters, deleteOldLetterWords, dispatchDueLetters, recordUndeliverableLetters, sendDueFollowUps, sendLetterNewsBatch } from "~/services/letter.server";
import { clearExpiredLookups } from "~/services/representative-lookup.server";
import { foldCountDeltas } from "~/models/petition.server";
import { announceMilestone } from "~/services/campaign.server";
import { askAtThresholds, markUnansweredAsks } from "~/services/accountability.server";
import { getEnv } from "~/utils/env.server";
import { deleteExpiredRateLimitBuckets } from "~/models/rate-limit.server";
import { closeDueVotes, closeVoting, notifyVotingClosing } from "~/services/demand.server";
import { expandNotificationJob, pruneNotifications, sendDigests } from "~/services/notifications.server";
import { deliverEmail, deliverEmailBatch, queueWaitingEmails } from "~/services/email.server";
import type { JobHandlers } from "~/services/jobs.server";
import { logger } from "~/utils/logger.server";
import { deleteExpiredAccessNeeds, sendEventReminders } from "~/services/event.server";

/** What each background job does; the app process and `npm run worker` both run these. */
export function jobHandlers(db: Database): JobHandlers {
  return {
    "email.send": async ({ emailId }) => {
      const result = await deliverEmail(db, emailId);
      if (result) await recordUndeliverableLetters(db, [emailId], result.refused);
    },
    "email.send-batch": ({ emailIds }) => deliverEmailBatch(db, emailIds),
    "demand.close-voting": async ({ demandId }) => {
      await closeVoting(db, demandId);
    },
    "demand.close-due": async () => {
      await closeDueVotes(db);
    },
    // Rate-limit windows older than a day can never matter again.
    "maintenance.prune-rate-limits": async () => {
      await deleteExpiredRateLimitBuckets(db);
    },
    // Nightly: set every petition's count from its confirmed signatures, correcting any drift.
    "petition.recount": async () => {
      await recountPetitions(db);
    },
    // Nightly: signers' personal data goes PETITION_RETENTION_DAYS after their petition closed.
    "petition.anonymise": async () => {
      await anonymiseClosedPetitionSigners(db, getEnv().PETITION_RETENTION_DAYS);
    },
    "petition.news": async (job) => {
      await sendPetitionNewsBatch(db, job);
    },
    "letter.news": async (job) => {
      await sendLetterNewsBatch(db, job);
    },
    "petition.close-due": async () => {
      await closeDuePetitions(db);
    },
    "notification.expand": async ({ eventId }) => {
      await expandNotificationJob(db, eventId);
    },
    "notification.voting-closing": async ({ demandId, votingEndsAt }) => {
      await notifyVotingClosing(db, demandId, votingEndsAt);
    },
    "notification.digest-daily": async () => {
      await sendDigests(db, "daily");
    },
    "notification.digest-weekly": async () => {
      await sendDigests(db, "weekly");
    },
    // Asks still unanswered 30 days on become "no response", a few hundred at a time.
    "accountability.no-response": async () => {
      while ((await markUnansweredAsks(db)) > 0);
    },
    "event.reminders": async () => {
      await sendEventReminders(db);
    },
    // Nightly: access needs go 30 days after their event (health-adjacent data, kept no longer).
    "event.privacy": async () => {
      await deleteExpiredAccessNeeds(db);
    },
    "notification.prune": async () => {
      await pruneNotifications(db);
    },
    // Nightly: letters' words 28 days after sending; writers' details on the petitions' schedule;
    // cached postcode lookups once expired.
    "letter.privacy": async () => {
      await deleteOldLetterWords(db);
      await anonymiseLetterWriters(db, getEnv().PETITION_RETENTION_DAYS);
      await clearExpiredLookups(db);
    },
  };
}

/**
 * The work done every few seconds, more often than a schedule allows: queueing mail written without
 * a job (signature confirmations), the petition count fold,
 * handing due letters to the mail queue (paced per decision maker), and reply follow-ups. Each is
 * one indexed query when there is nothing to do.
 */
export async function frequentWork(db: Database) {
  const tasks = {
    waitingMail: () => queueWaitingEmails(db),
    fold: () => foldCountDeltas(db, undefined, announceMilestone, askAtThresholds),
    letters: () => dispatchDueLetters(db),
    followUps: () => sendDueFollowUps(db),
  };
  // One failing task must not stop the others.
  for (const [name, task] of Object.entries(tasks)) {
    try {
      await task();
    } catch (error) {
      logger.error("periodic task failed", { task: name, error: String(error) });
    }
  }
}
