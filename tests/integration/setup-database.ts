import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { TEMPLATE, withDatabase } from "./database-names";

// Runs before each test file's own imports: give the file a fresh copy of the migrated template
// and point DATABASE_URL (read by db/index.ts and the app's routes) at it.
const adminUrl = inject("adminDatabaseUrl");
const name = `chorus_test_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name} template ${TEMPLATE}`);
await admin.end();
process.env.DATABASE_URL = withDatabase(adminUrl, name);

afterAll(async () => {
  const { closeDatabase } = await import("../../db");
  await closeDatabase();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
});
