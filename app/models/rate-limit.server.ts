import { sql } from "kysely";
import type { Database } from "../../db";

/**
 * The statement that counts one hit against `key` in a fixed window, atomically (one upsert, safe
 * under concurrency), returning the count so far and when the window ends. A null key counts
 * nothing. Also used inside a larger statement (signing a petition), so the rule lives once.
 */
export function rateLimitHit(key: string | null, windowSeconds: number) {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  return sql<{ hits: number; resets_at: Date }>`
    insert into rate_limit_bucket (key, window_started_at, hits)
    select ${key}::text, now(), 1 where ${key}::text is not null
    on conflict (key) do update set
      hits = case when rate_limit_bucket.window_started_at <= now() - ${window} then 1 else rate_limit_bucket.hits + 1 end,
      window_started_at = case when rate_limit_bucket.window_started_at <= now() - ${window} then now() else rate_limit_bucket.window_started_at end
    returning hits, window_started_at + ${window} as resets_at`;
}

export async function hitRateLimitBucket(db: Database, key: string, windowSeconds: number) {
  const row = (await rateLimitHit(key, windowSeconds).execute(db)).rows[0]!;
  return { hits: row.hits, resetsAt: new Date(row.resets_at) };
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
