/**
 * Benchmark: the outcome of a 20,000-voter demand emailed through a local stand-in for Resend's API,
 * with a sign-in link requested 3 s into the fan-out. Prints the time to deliver all 20,000 (target
 * < 60 s at Resend's default 5 requests a second), the sign-in link's delivery time (target < 5 s),
 * the provider calls made and any duplicate deliveries (must be 0). Run: `npm run bench`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startBenchDatabase } from "./bench-database";

const VOTERS = 20_000;
const database = await startBenchDatabase("chorus_bench_mail");

// The stand-in: answers like Resend, records when each address was first delivered, counts repeats.
const deliveredAt = new Map<string, number>();
let duplicates = 0;
let calls = 0;
let callsThisSecond = 0;
let overLimit = 0;
setInterval(() => (callsThisSecond = 0), 1000).unref();
const standIn = createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    calls++;
    if (++callsThisSecond > 5) overLimit++;
    const body = JSON.parse(raw || "{}");
    const messages: Array<{ to: string[] }> = req.url === "/emails/batch" ? body : [body];
    for (const m of messages) {
      const to = m.to[0]!;
      if (deliveredAt.has(to)) duplicates++;
      else deliveredAt.set(to, performance.now());
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(req.url === "/emails/batch" ? { data: messages.map((_, i) => ({ id: `re-${calls}-${i}` })) } : { id: `re-${calls}` }));
  });
});
await new Promise<void>((r) => standIn.listen(0, "127.0.0.1", r));

Object.assign(process.env, {
  DATABASE_URL: database.url,
  NODE_ENV: "production",
  COOKIE_SECRET: "bench-".repeat(8),
  LOG_LEVEL: "silent",
  RESEND_API_KEY: "re_bench",
  RESEND_BASE_URL: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`,
  RESEND_REQUESTS_PER_SECOND: "5",
});

const { db, closeDatabase } = await import("../../db");
const { sql } = await import("kysely");
const { migrateToLatest } = await import("../../db/migrate");
const { createBoss, ensureQueues, startJobs } = await import("../../app/utils/jobs.server");
const { jobHandlers } = await import("../../app/services/job-handlers.server");
const { closeVoting } = await import("../../app/services/demand.server");
const { queueEmail } = await import("../../app/utils/email.server");
const { createDemand, createMember, expireVoting, openDemandForVoting } = await import("../../db/builders");

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
console.log(`Provider calls: ${calls} (seconds with more than 5 calls: ${overLimit}); duplicate deliveries: ${duplicates}`);

await boss.stop({ graceful: false, close: false, wait: true });
standIn.close();
await closeDatabase();
await database.stop();
process.exit(0);
