import PgBoss from "pg-boss";
import { sqlExecutor, type Database } from "../../db";
import { logger } from "../utils/logger.server";

/** Every job queue, with the data its jobs carry. */
export const JOBS = {
  sendEmail: "email.send",
  sendEmailBatch: "email.send-batch",
  closeVoting: "demand.close-voting",
  closeDueVotes: "demand.close-due",
  pruneRateLimits: "maintenance.prune-rate-limits",
  recountPetitions: "petition.recount",
  anonymiseSigners: "petition.anonymise",
  petitionNews: "petition.news",
  letterNews: "letter.news",
  closeDuePetitions: "petition.close-due",
  letterPrivacy: "letter.privacy",
  expandNotification: "notification.expand",
  votingClosing: "notification.voting-closing",
  dailyDigest: "notification.digest-daily",
  weeklyDigest: "notification.digest-weekly",
  pruneNotifications: "notification.prune",
  markUnansweredAsks: "accountability.no-response",
  eventReminders: "event.reminders",
  eventPrivacy: "event.privacy",
} as const;
type JobData = {
  [JOBS.sendEmail]: { emailId: number };
  [JOBS.sendEmailBatch]: { emailIds: number[] };
  [JOBS.closeVoting]: { demandId: number };
  [JOBS.closeDueVotes]: Record<string, never>;
  [JOBS.pruneRateLimits]: Record<string, never>;
  [JOBS.recountPetitions]: Record<string, never>;
  [JOBS.anonymiseSigners]: Record<string, never>;
  [JOBS.petitionNews]: { petitionId: number; messageKey: string; subject: string; message: string; afterId: number };
  [JOBS.letterNews]: { letterCampaignId: number; messageKey: string; subject: string; message: string; afterId: number };
  [JOBS.closeDuePetitions]: Record<string, never>;
  [JOBS.letterPrivacy]: Record<string, never>;
  [JOBS.expandNotification]: { eventId: number };
  [JOBS.votingClosing]: { demandId: number; votingEndsAt: string };
  [JOBS.dailyDigest]: Record<string, never>;
  [JOBS.weeklyDigest]: Record<string, never>;
  [JOBS.pruneNotifications]: Record<string, never>;
  [JOBS.markUnansweredAsks]: Record<string, never>;
  [JOBS.eventReminders]: Record<string, never>;
  [JOBS.eventPrivacy]: Record<string, never>;
};
type JobName = keyof JobData;

const QUEUE_OPTIONS: Record<JobName, PgBoss.Queue> = {
  // Roughly 1 s, 2 s, 4 s ... up to about 9 hours in all before an email job gives up.
  [JOBS.sendEmail]: { name: JOBS.sendEmail, retryLimit: 15, retryDelay: 1, retryBackoff: true, expireInSeconds: 120 },
  [JOBS.sendEmailBatch]: { name: JOBS.sendEmailBatch, retryLimit: 15, retryDelay: 2, retryBackoff: true, expireInSeconds: 300 },
  [JOBS.closeVoting]: { name: JOBS.closeVoting, retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  // A sweep every minute closes any vote whose own job was lost (say, a deadline moved by hand).
  [JOBS.closeDueVotes]: { name: JOBS.closeDueVotes, retryLimit: 0, expireInSeconds: 120 },
  [JOBS.pruneRateLimits]: { name: JOBS.pruneRateLimits, retryLimit: 2, expireInSeconds: 300 },
  [JOBS.recountPetitions]: { name: JOBS.recountPetitions, retryLimit: 2, expireInSeconds: 900 },
  [JOBS.anonymiseSigners]: { name: JOBS.anonymiseSigners, retryLimit: 5, expireInSeconds: 900 },
  [JOBS.petitionNews]: { name: JOBS.petitionNews, retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  [JOBS.letterNews]: { name: JOBS.letterNews, retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  [JOBS.closeDuePetitions]: { name: JOBS.closeDuePetitions, retryLimit: 0, expireInSeconds: 120 },
  [JOBS.letterPrivacy]: { name: JOBS.letterPrivacy, retryLimit: 5, expireInSeconds: 900 },
  [JOBS.markUnansweredAsks]: { name: JOBS.markUnansweredAsks, retryLimit: 2, expireInSeconds: 600 },
  [JOBS.expandNotification]: { name: JOBS.expandNotification, retryLimit: 20, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  [JOBS.votingClosing]: { name: JOBS.votingClosing, retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  [JOBS.dailyDigest]: { name: JOBS.dailyDigest, retryLimit: 5, retryDelay: 60, expireInSeconds: 1800 },
  [JOBS.weeklyDigest]: { name: JOBS.weeklyDigest, retryLimit: 5, retryDelay: 60, expireInSeconds: 1800 },
  [JOBS.pruneNotifications]: { name: JOBS.pruneNotifications, retryLimit: 2, expireInSeconds: 900 },
  [JOBS.eventReminders]: { name: JOBS.eventReminders, retryLimit: 2, expireInSeconds: 600 },
  [JOBS.eventPrivacy]: { name: JOBS.eventPrivacy, retryLimit: 5, expireInSeconds: 900 },
};

export const JOB_SCHEMA = "pgboss";

/** A pg-boss over the app's own pool, so jobs can be written inside the app's transactions. */
export function createBoss(db: Database) {
  const boss = new PgBoss({ db: sqlExecutor(db), schema: JOB_SCHEMA, supervise: true, schedule: true });
  boss.on("error", (error) => logger.error("job queue error", { error: String(error) }));
  return boss;
}

// Sending needs no running boss, only its SQL; this one has no connection of its own, so every job
// must be written through the caller's transaction.
let sender: PgBoss | undefined;
function getSender() {
  sender ??= new PgBoss({
    schema: JOB_SCHEMA,
    db: {
      executeSql: () => {
        throw new Error("Jobs are written through the caller's transaction: pass { db }");
      },
    },
  });
  return sender;
}

/** Writes a job through `trx`, so it commits or rolls back with the change that caused it. */
export async function enqueueJob<N extends JobName>(trx: Database, name: N, data: JobData[N], options: { startAfter?: Date; singletonKey?: string } = {}) {
  const id = await getSender().send(name, data, { db: sqlExecutor(trx), ...options });
  if (!id) throw new Error(`The job queue refused a ${name} job`);
  return id;
}

export async function ensureQueues(boss: PgBoss) {
  for (const options of Object.values(QUEUE_OPTIONS)) {
    if (!(await boss.getQueue(options.name))) await boss.createQueue(options.name, options);
  }
}

export type JobHandlers = { [N in JobName]: (data: JobData[N]) => Promise<void> };

/**
 * Starts pg-boss and, when `work` is set, polls every queue with its handler and runs `every3s`
 * (see frequentWork) every 3 seconds: more often than pg-boss's minute schedules allow.
 */
export async function startJobs(db: Database, handlers: JobHandlers, options: { work: boolean; every3s?: () => Promise<unknown> }) {
  const boss = createBoss(db);
  await boss.start();
  await ensureQueues(boss);
  if (options.work) {
    await boss.schedule(JOBS.closeDueVotes, "* * * * *", {});
    await boss.schedule(JOBS.closeDuePetitions, "* * * * *", {});
    await boss.schedule(JOBS.pruneRateLimits, "17 3 * * *", {});
    await boss.schedule(JOBS.recountPetitions, "23 3 * * *", {});
    await boss.schedule(JOBS.anonymiseSigners, "41 3 * * *", {});
    await boss.schedule(JOBS.letterPrivacy, "53 3 * * *", {});
    // Hourly, so an ask passes 30 days unanswered within the hour it does.
    await boss.schedule(JOBS.markUnansweredAsks, "29 * * * *", {});
    await boss.schedule(JOBS.pruneNotifications, "7 4 * * *", {});
    // Every quarter hour, so a reminder goes 24 hours (give or take 15 minutes) before an event.
    await boss.schedule(JOBS.eventReminders, "*/15 * * * *", {});
    await boss.schedule(JOBS.eventPrivacy, "37 3 * * *", {});
    // Digests at 07:00 UK time, whatever the clocks are doing.
    await boss.schedule(JOBS.dailyDigest, "0 7 * * *", {}, { tz: "Europe/London" });
    await boss.schedule(JOBS.weeklyDigest, "0 7 * * 1", {}, { tz: "Europe/London" });
    if (options.every3s) {
      const tick = options.every3s;
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        tick()
          .catch((error) => logger.error("periodic task failed", { error: String(error) }))
          .finally(() => (running = false));
      }, 3_000);
      timer.unref();
      boss.once("stopped", () => clearInterval(timer));
    }
    for (const name of Object.keys(handlers) as JobName[]) {
      // One job per fetch, so a failure retries only the job that failed. Single emails (sign-in
      // links, confirmations) get two workers of their own, so one slow send never holds the next;
      // bulk mail is on its own queue, 100 messages a job, and fetches 20 jobs a poll (a poll every
      // 0.5 s would otherwise cap it at 2 provider calls a second; 20 allows 40, about 4,000 messages
      // a second, and the transport paces calls to the account's limit); a failure there retries
      // the whole fetch, which is harmless because sent emails are skipped.
      const workers = name === JOBS.sendEmail ? 2 : 1;
      const batchSize = name === JOBS.sendEmailBatch ? 20 : 1;
      for (let i = 0; i < workers; i++) {
        await boss.work<JobData[typeof name]>(name, { batchSize, pollingIntervalSeconds: 0.5 }, async (jobs) => {
          for (const job of jobs) await (handlers[name] as (data: unknown) => Promise<void>)(job.data);
        });
      }
    }
  }
  return boss;
}

/** Writes many jobs of one kind in one statement, through `trx` like enqueueJob. */
export async function enqueueJobs<N extends JobName>(trx: Database, name: N, items: Array<JobData[N]>) {
  if (!items.length) return;
  await getSender().insert(
    items.map((data) => ({ name, data })),
    { db: sqlExecutor(trx) },
  );
}

/**
 * Stops the queue before the database closes: running jobs get `timeoutMs` to finish (any cut short
 * expire into a retry). A query pg-boss still had in flight fails as the pool closes; that is
 * expected once stopping, so from here on its errors are logged at debug level only.
 */
export async function stopJobs(boss: PgBoss | undefined, timeoutMs: number) {
  if (!boss) return;
  await boss.stop({ graceful: true, timeout: timeoutMs, close: false, wait: true }).catch(() => {});
  boss.removeAllListeners("error");
  boss.on("error", (error) => logger.debug("job queue error while stopping", { error: String(error) }));
}
