import { chmodSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../db/embedded";

/**
 * A throwaway embedded PostgreSQL with one empty database, for a benchmark's own process. Returns
 * its URL and a stop function; the caller points DATABASE_URL at it before importing the app.
 */
export async function startBenchDatabase(name: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `${name.replace(/_/g, "-")}-`));
  // mkdtemp makes a 0700 folder, which PostgreSQL's own user (when run as root) could not enter.
  chmodSync(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir });
  const admin = new pg.Client({ connectionString: embedded.url("postgres") });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  // A benchmark that fails part-way must not leave its PostgreSQL running.
  process.once("uncaughtException", (error) => {
    console.error(error);
    void embedded.stop().finally(() => process.exit(1));
  });
  return { url: embedded.url(name), stop: () => embedded.stop() };
}
