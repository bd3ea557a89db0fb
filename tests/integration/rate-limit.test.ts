import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { deleteExpiredRateLimitBuckets } from "../../app/models/rate-limit.server";
import { checkRateLimit, checkRateLimits, tryAgainMessage } from "../../app/services/rate-limit.server";

const rule = { name: "test-sign-in", limit: 3, windowSeconds: 600 };

describe("checkRateLimit", () => {
  it("allows up to the limit, then refuses with the time left", async () => {
    for (let i = 0; i < 3; i++) expect((await checkRateLimit(db, rule, "ip-1")).ok).toBe(true);
    const refused = await checkRateLimit(db, rule, "ip-1");
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(590);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
      expect(refused.message).toBe("Too many attempts. Try again in 10 minutes.");
    }
    // Another subject has its own bucket.
    expect((await checkRateLimit(db, rule, "ip-2")).ok).toBe(true);
  });

  it("starts a new window once the old one has passed", async () => {
    for (let i = 0; i < 4; i++) await checkRateLimit(db, rule, "ip-3");
    await db.updateTable("rate_limit_bucket").set({ window_started_at: sql`now() - interval '11 minutes'` }).where("key", "=", "test-sign-in:ip-3").execute();
    expect((await checkRateLimit(db, rule, "ip-3")).ok).toBe(true);
  });

  it("counts every concurrent hit exactly once", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => checkRateLimit(db, rule, "ip-burst")));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const bucket = await db.selectFrom("rate_limit_bucket").select("hits").where("key", "=", "test-sign-in:ip-burst").executeTakeFirstOrThrow();
    expect(bucket.hits).toBe(10);
  });

  it("checks several rules and counts each, reporting the longest wait", async () => {
    const perAccount = { name: "test-account", limit: 1, windowSeconds: 3600 };
    expect((await checkRateLimits(db, [[rule, "ip-4"], [perAccount, "acct-1"]])).ok).toBe(true);
    const second = await checkRateLimits(db, [[rule, "ip-4"], [perAccount, "acct-1"]]);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.retryAfterSeconds).toBeGreaterThan(3000);
    const ipBucket = await db.selectFrom("rate_limit_bucket").select("hits").where("key", "=", "test-sign-in:ip-4").executeTakeFirstOrThrow();
    expect(ipBucket.hits).toBe(2);
  });

  it("prunes old buckets", async () => {
    await checkRateLimit(db, rule, "ip-old");
    await db.updateTable("rate_limit_bucket").set({ window_started_at: sql`now() - interval '2 days'` }).where("key", "=", "test-sign-in:ip-old").execute();
    expect(await deleteExpiredRateLimitBuckets(db)).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom("rate_limit_bucket").select("key").where("key", "=", "test-sign-in:ip-old").execute()).toHaveLength(0);
  });

  it("words the wait in minutes", () => {
    expect(tryAgainMessage(30)).toBe("Too many attempts. Try again in 1 minute.");
    expect(tryAgainMessage(61)).toBe("Too many attempts. Try again in 2 minutes.");
  });
});
