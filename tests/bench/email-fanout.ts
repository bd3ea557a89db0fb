/**
 * Benchmark: the outcome of a 20,000-voter demand emailed through a local stand-in for Resend's API,
 * with a sign-in link requested 3 s into the fan-out. Prints the time to deliver all 20,000 (target
 * < 60 s at Resend's default 5 requests a second), the sign-in link's delivery time (target < 5 s),
 * the provider calls made and any duplicate deliveries (must be 0). Run: `npm run bench`.
 */
import { startBenchDatabase } from "./bench-database";
import { startResendStandIn } from "./resend-stand-in";

const VOTERS = 20_000;
const database = await startBenchDatabase("chorus_bench_mail");

// The stand-in counts each address's first delivery and any repeat, and seconds over Resend's 5 calls.
const standIn = await startResendStandIn(5);
const { deliveredAt } = standIn.stats;

Object.assign(process.env, {
  DATABASE_URL: database.url,
  NODE_ENV: "production",
  COOKIE_SECRET: "bench-".repeat(8),
  LOG_LEVEL: "silent",
  RESEND_API_KEY: "re_bench",
  RESEND_BASE_URL: standIn.url,
  RESEND_REQUESTS_PER_SECOND: "5",
});

const { db, closeDatabase } = await import("../../db");
const { sql } = await import("kysely");
const { migrateToLatest } = await import("../../db/migrate");
const { createBoss, ensureQueues, startJobs } = await import("../../app/services/jobs.server");
const { jobHandlers } = await import("../../app/services/job-handlers.server");
const { closeVoting } = await import("../../app/services/demand.server");
const { queueEmail } = await import("../../app/services/email.server");
const { createDemand, createMember, expireVoting, openDemandForVoting } = await import("../support/builders");

await migrateToLatest(db);
await ensureQueues(createBoss(db));
console.log(`Seeding ${VOTERS.toLocaleString("en-GB")} voters…`);
await sql`insert into member (email, display_name, email_verified_at, confirmed_adult_at)
  select 'voter' || g || '@example.org', 'Voter ' || g, now(), now() from generate_series(1, ${VOTERS}) g`.execute(db);
const author = await createMember(db);
const facilitator = await createMember(db, { roles: ["admin"] });
const demandId = await createDemand(db, { authorId: author.id });
await openDemandForVoting(db, demandId, facilitator.id);
await sql`insert into vote (demand_id, member_id, choice) select ${demandId}, id, 'support' from member where email like 'voter%'`.execute(db);
// Voting follows the demand (castVote does it); the outcome goes to its followers.
await sql`insert into follow (subject, member_id) select ${`demand:${demandId}`}, id from member where email like 'voter%'`.execute(db);
await expireVoting(db, demandId);

const boss = await startJobs(db, jobHandlers(db), { work: true });
const started = performance.now();
await closeVoting(db, demandId);

const signInAddress = "needs-to-sign-in@example.org";
let signInQueuedAt = 0;
setTimeout(() => {
  signInQueuedAt = performance.now();
  void queueEmail(db, { template: "SignInLink", to: signInAddress, props: { url: "http://localhost/sign-in/link/x" } });
}, 3000);

const expected = VOTERS + 1; // every voter, and the author (who follows it)
while (deliveredAt.size < expected + 1 && performance.now() - started < 300_000) await new Promise((r) => setTimeout(r, 100));
const outcomeTimes = [...deliveredAt.entries()].filter(([to]) => to !== signInAddress).map(([, t]) => t);
const allDone = Math.max(...outcomeTimes) - started;
const signIn = deliveredAt.has(signInAddress) ? deliveredAt.get(signInAddress)! - signInQueuedAt : NaN;

console.log(`Outcome emails delivered: ${outcomeTimes.length.toLocaleString("en-GB")} of ${expected.toLocaleString("en-GB")} in ${(allDone / 1000).toFixed(1)} s (${Math.round(outcomeTimes.length / (allDone / 1000))} a second; target < 60 s)`);
console.log(`Sign-in link requested 3 s into the fan-out, delivered after ${(signIn / 1000).toFixed(2)} s (target < 5 s)`);
console.log(`Provider calls: ${standIn.stats.calls} (seconds with more than 5 calls: ${standIn.stats.overLimit}); duplicate deliveries: ${standIn.stats.duplicates}`);

await boss.stop({ graceful: false, close: false, wait: true });
standIn.close();
await closeDatabase();
await database.stop();
process.exit(0);
