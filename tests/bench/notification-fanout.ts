/**
 * Benchmark: the outcome of a demand with 100,000 followers. Prints the time to expand the one
 * event into 100,000 in-app notifications and queued emails (target < 20 s on this machine), while
 * the worker delivers through a local stand-in for Resend's batch endpoint (100 a call): delivery
 * throughput in messages a second, and duplicate deliveries (must be 0). Run: `npm run bench`.
 */
import { startBenchDatabase } from "./bench-database";
import { startResendStandIn } from "./resend-stand-in";

const FOLLOWERS = 100_000;
const database = await startBenchDatabase("chorus_bench_notify");

// The stand-in answers like Resend and counts each address's deliveries.
const standIn = await startResendStandIn();
const { deliveredAt: delivered } = standIn.stats;

Object.assign(process.env, {
  DATABASE_URL: database.url,
  NODE_ENV: "production",
  COOKIE_SECRET: "bench-".repeat(8),
  LOG_LEVEL: "silent",
  RESEND_API_KEY: "re_bench",
  RESEND_BASE_URL: standIn.url,
  // A paid Resend plan's limit; the stand-in itself sets none.
  RESEND_REQUESTS_PER_SECOND: "50",
});

const { db, closeDatabase } = await import("../../db");
const { sql } = await import("kysely");
const { migrateToLatest } = await import("../../db/migrate");
const { createBoss, ensureQueues, startJobs } = await import("../../app/services/jobs.server");
const { jobHandlers } = await import("../../app/services/job-handlers.server");
const { closeVoting } = await import("../../app/services/demand.server");
const { createDemand, createMember, expireVoting, openDemandForVoting } = await import("../support/builders");

await migrateToLatest(db);
await ensureQueues(createBoss(db));
console.log(`Seeding ${FOLLOWERS.toLocaleString("en-GB")} members who voted on, and so follow, one demand…`);
await sql`insert into member (email, display_name, email_verified_at, confirmed_adult_at)
  select 'follower' || g || '@example.org', 'Follower ' || g, now(), now() from generate_series(1, ${FOLLOWERS}) g`.execute(db);
const author = await createMember(db);
const facilitator = await createMember(db, { roles: ["admin"] });
const demandId = await createDemand(db, { authorId: author.id });
await openDemandForVoting(db, demandId, facilitator.id);
await sql`insert into vote (demand_id, member_id, choice) select ${demandId}, id, 'support' from member where email like 'follower%'`.execute(db);
await sql`insert into follow (subject, member_id) select ${`demand:${demandId}`}, id from member where email like 'follower%'`.execute(db);
await expireVoting(db, demandId);
await sql`vacuum analyze`.execute(db);

const boss = await startJobs(db, jobHandlers(db), { work: true });
const started = performance.now();
await closeVoting(db, demandId);
const closedIn = performance.now() - started;

const expected = FOLLOWERS + 1; // every follower, and the author
let expandedIn = NaN;
while (performance.now() - started < 600_000) {
  const event = await db.selectFrom("notification_event").select("expanded_at").where("kind", "=", "demand_outcome").executeTakeFirst();
  if (event?.expanded_at && Number.isNaN(expandedIn)) expandedIn = performance.now() - started;
  if (delivered.size >= expected) break;
  await new Promise((r) => setTimeout(r, 100));
}
const counts = (await sql<{ notifications: number; emails: number }>`select (select count(*)::int from notification) as notifications, (select count(*)::int from email where template = 'Notification') as emails`.execute(db)).rows[0]!;
const deliverySeconds = (standIn.stats.lastAt - standIn.stats.firstAt) / 1000;

console.log(`Closing the vote (tally, decision log, event and its job): ${Math.round(closedIn)} ms`);
console.log(`Expanded into ${counts.notifications.toLocaleString("en-GB")} notifications and ${counts.emails.toLocaleString("en-GB")} queued emails in ${(expandedIn / 1000).toFixed(1)} s (target < 20 s), while delivery ran`);
console.log(`Delivered ${delivered.size.toLocaleString("en-GB")} of ${expected.toLocaleString("en-GB")} through the stand-in in ${deliverySeconds.toFixed(1)} s: ${Math.round(delivered.size / deliverySeconds)} messages a second, ${standIn.stats.calls} calls of up to 100; duplicates: ${standIn.stats.duplicates}`);

await boss.stop({ graceful: false, close: false, wait: true });
standIn.close();
await closeDatabase();
await database.stop();
process.exit(0);
