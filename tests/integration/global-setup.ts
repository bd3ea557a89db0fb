import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDb } from "../../db";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../db/embedded";
import { migrateToLatest } from "../../db/migrate";
import { createBoss, ensureQueues } from "../../app/utils/jobs.server";
import { TEMPLATE, withDatabase } from "./database-names";

/**
 * One PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL's server), with a migrated
 * template database; each test file then copies the template (tests/integration/setup-database.ts).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
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
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
