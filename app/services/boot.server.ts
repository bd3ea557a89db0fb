import { db, onConnectionLost } from "../../db";
import { startDatabase } from "../../db/start";
import { migrateToLatest } from "../../db/migrate";
import { pingDatabase } from "../models/health.server";
import { createBoss, ensureQueues } from "./jobs.server";
import { getEnv } from "../utils/env.server";
import { logger } from "../utils/logger.server";

/**
 * Gets the database ready: starts the embedded server if needed, checks the connection, and runs
 * migrations. Each failure becomes one line that says what to fix.
 */
/** Lost database connections go to the log (each process that holds a pool calls this). */
export function logLostConnections() {
  onConnectionLost((error) => logger.warn("database connection lost; the pool will reconnect", { error: error.message }));
}

export async function prepareDatabase() {
  const env = getEnv();
  logLostConnections();
  const url = await startDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, log: (line) => logger.info(line) });
  try {
    await pingDatabase(db);
  } catch (error) {
    const where = safeLocation(url);
    throw new StartupError(`Cannot connect to PostgreSQL at ${where}: ${error instanceof Error ? error.message : error}. Check DATABASE_URL and that the server is running.`);
  }
  const applied = await migrateToLatest(db);
  if (applied.length) logger.info(`Applied migrations: ${applied.join(", ")}`);
  // Queues must exist before anything (the demo seed included) writes a job.
  await ensureQueues(createBoss(db));
}

export class StartupError extends Error {
  name = "StartupError";
}

/** host:port/database without the password, for messages. */
export function safeLocation(url: string) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
