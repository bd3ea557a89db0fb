import { sql } from "kysely";
import type { Database } from "../../db";

/**
 * Counts one hit against `key` in a fixed window, atomically (one upsert, safe under concurrency),
 * and returns the count so far and when the window ends.
 */
export async function hitRateLimitBucket(db: Database, key: string, windowSeconds: number) {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const row = await db
    .insertInto("rate_limit_bucket")
    .values({ key, window_started_at: sql`now()`, hits: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        hits: sql`case when rate_limit_bucket.window_started_at <= now() - ${window} then 1 else rate_limit_bucket.hits + 1 end`,
        window_started_at: sql`case when rate_limit_bucket.window_started_at <= now() - ${window} then now() else rate_limit_bucket.window_started_at end`,
      }),
    )
    .returning(["hits", sql<Date>`window_started_at + ${window}`.as("resets_at")])
    .executeTakeFirstOrThrow();
  return { hits: row.hits, resetsAt: row.resets_at };
}

export async function clearRateLimitBucket(db: Database, key: string) {
  await db.deleteFrom("rate_limit_bucket").where("key", "=", key).execute();
}

/** Old windows are dead weight: a daily job removes them. */
export async function deleteExpiredRateLimitBuckets(db: Database, olderThanSeconds = 86_400) {
  const result = await db
    .deleteFrom("rate_limit_bucket")
    .where("window_started_at", "<", sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
