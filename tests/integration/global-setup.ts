import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDb } from "../../db";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../db/embedded";
import { migrateToLatest } from "../../db/migrate";
import { createBoss, ensureQueues } from "../../app/services/jobs.server";
import { startSystemPostgres, type SystemPostgres } from "../support/system-postgres";
import { TEMPLATE, withDatabase } from "./database-names";

/**
 * One PostgreSQL for the whole run, with a migrated template database; each test file then copies
 * the template (tests/integration/setup-database.ts). The server is the embedded one (PostgreSQL 18)
 * unless TEST_DATABASE_URL names any other (a role allowed to create databases), or
 * TEST_POSTGRES=system asks for a throwaway cluster of the machine's own PostgreSQL (Debian's 15).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let system: SystemPostgres | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl && process.env.TEST_POSTGRES === "system") {
    system = await startSystemPostgres();
    adminUrl = system.url("postgres");
  }
  if (!adminUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "chorus-test-"));
    embedded = await startEmbeddedPostgres({ dataDir });
    adminUrl = embedded.url("postgres");
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
  await admin.query(`create database ${TEMPLATE}`);

  const templateUrl = withDatabase(adminUrl, TEMPLATE);
  const db = createDb(templateUrl, { max: 2 });
  await migrateToLatest(db);
  await ensureQueues(createBoss(db));
  await db.destroy();
  await admin.end();

  project.provide("adminDatabaseUrl", adminUrl);
  return async () => {
    await embedded?.stop();
    system?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
