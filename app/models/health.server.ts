import { sql } from "kysely";
import type { Database } from "../../db";

/** Round-trips a trivial query; returns the time it took in milliseconds. */
export async function pingDatabase(db: Database) {
  const started = performance.now();
  await sql`select 1`.execute(db);
  return Math.round((performance.now() - started) * 10) / 10;
}
