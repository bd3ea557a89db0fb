import { closeDatabase, db } from "../db";
import { frequentWork, jobHandlers } from "./services/job-handlers.server";
import { prepareDatabase } from "./services/boot.server";
import { loadDevelopmentSecret } from "./utils/development-secret.server";
import { getEnv } from "./utils/env.server";
import { startJobs, stopJobs } from "./services/jobs.server";
import { logger } from "./utils/logger.server";

/**
 * `npm run worker`: runs background jobs in their own process (start the app with RUN_WORKER=false).
 * It needs DATABASE_URL: the embedded PostgreSQL belongs to the app process.
 */
async function main() {
  if (!getEnv().DATABASE_URL) {
    throw new Error("npm run worker needs DATABASE_URL pointing at the app's database (the embedded one is owned by `npm start`).");
  }
  // Links in mail the worker writes (follow-ups, "stop news") are signed; the app must share the secret:
  // COOKIE_SECRET, or in development the one kept in the shared data folder.
  if (loadDevelopmentSecret(getEnv()) !== "configured") logger.warn("COOKIE_SECRET is not set: links in emails written by this worker open in the app only if it shares this DATA_DIR. Set the same COOKIE_SECRET for both.");
  await prepareDatabase();
  const boss = await startJobs(db, jobHandlers(db), { work: true, every3s: () => frequentWork(db) });
  logger.info("Chorus worker is running");
  const stop = async () => {
    await stopJobs(boss, 10_000);
    await closeDatabase();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  // As in the web process: a stray rejected promise fails one operation, never the worker.
  process.on("unhandledRejection", (reason) => logger.error("unhandled promise rejection", { error: reason instanceof Error ? reason.stack : String(reason) }));
}

main().catch(async (error: unknown) => {
  console.error(`Chorus worker could not start. ${error instanceof Error ? error.message : error}`);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
