/**
 * Benchmark: a demand with 5,000 comments and 20,000 votes.
 * Prints the median time to serve its page over HTTP (target < 50 ms), the number of SQL queries
 * per page view for that demand and for a small one (must be equal), throughput under load with
 * 10 and 50 connections, anonymous and signed in (targets >= 150 and >= 100 req/s at 10 connections,
 * p99 < 250 ms), /demands with 6 and with 5,000 demands (within 1.5x), and the median time of the
 * close job (target < 200 ms). Run: `npm run build && npm run bench`.
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { startBenchDatabase } from "./bench-database";

const root = path.resolve(import.meta.dirname, "../..");
const buildPath = path.join(root, "build", "index.js");
if (!existsSync(buildPath)) throw new Error("Run `npm run build` first.");

const database = await startBenchDatabase("chorus_bench");
// Production mode, as deployed: React's production server renderer is several times faster than its development one.
Object.assign(process.env, { DATABASE_URL: database.url, NODE_ENV: "production", COOKIE_SECRET: "bench-".repeat(8), LOG_LEVEL: "silent" });

// Count every SQL statement the app sends, to show the page's query count does not grow with the data.
let queries = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queries++;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const { db, closeDatabase } = await import("../../db");
const { sql } = await import("kysely");
const { migrateToLatest } = await import("../../db/migrate");
const { createBoss, ensureQueues } = await import("../../app/services/jobs.server");
const { createExpressApp } = await import("../../app/http/express-app.server");
const { closeVoting } = await import("../../app/services/demand.server");
const { createDemand, createMember, expireVoting } = await import("../support/builders");
const { seedBenchMembers, seedVotingDemand } = await import("./bench-data");

await migrateToLatest(db);
await ensureQueues(createBoss(db));

console.log("Seeding 20,000 members with perspectives…");
await seedBenchMembers(db, 20_000);

const author = await createMember(db);
const facilitator = await createMember(db, { roles: ["admin"] });
const demandWith = (votes: number, roots: number, repliesPerRoot: number) => seedVotingDemand(db, { authorId: author.id, facilitatorId: facilitator.id }, votes, roots, repliesPerRoot);

console.log("Seeding a demand with 20,000 votes and 5,000 comments (1,000 threads of 5), and a small one…");
const big = await demandWith(20_000, 1000, 4);
const small = await demandWith(100, 10, 4);
const counts = await sql<{ votes: number; comments: number }>`select (select count(*)::int from vote where demand_id = ${big}) as votes, (select count(*)::int from comment where demand_id = ${big}) as comments`.execute(db);
console.log(`Big demand ${big}: ${counts.rows[0]!.votes} votes, ${counts.rows[0]!.comments} comments`);

const build = await import(pathToFileURL(buildPath).href);
const app = createExpressApp(build, { publicDir: path.join(root, "public") });
const server = app.listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function measure(id: number, runs: number) {
  const times: number[] = [];
  let perView = 0;
  for (let i = 0; i < runs + 10; i++) {
    queries = 0;
    const started = performance.now();
    const response = await fetch(`${base}/demands/${id}`);
    const html = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200 || !html.includes("Discussion")) throw new Error(`page failed: ${response.status}`);
    if (i >= 10) times.push(elapsed);
    perView = queries;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]!, queries: perView };
}

// The loader alone (data, no HTML), to show where the page's time goes.
async function measureLoader(id: number, runs: number) {
  const loader = build.routes["routes/demands.$id"].module.loader;
  const times: number[] = [];
  for (let i = 0; i < runs + 10; i++) {
    const started = performance.now();
    await loader({ request: new Request(`${base}/demands/${id}`), params: { id: String(id) }, context: { cspNonce: "", clientIp: "127.0.0.1" } });
    if (i >= 10) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
console.log(`Loader alone (big demand): median ${(await measureLoader(big, 50)).toFixed(1)} ms`);

const bigPage = await measure(big, 100);
const smallPage = await measure(small, 100);
console.log(`Demand page, 20,000 votes + 5,000 comments: median ${bigPage.median.toFixed(1)} ms, p95 ${bigPage.p95.toFixed(1)} ms, ${bigPage.queries} SQL queries per view`);
console.log(`Demand page, 100 votes + 50 comments:       median ${smallPage.median.toFixed(1)} ms, p95 ${smallPage.p95.toFixed(1)} ms, ${smallPage.queries} SQL queries per view`);
console.log(`Query count independent of size: ${bigPage.queries === smallPage.queries ? "yes" : "NO"}`);

// The load generator runs in its own worker thread, as a real client would run in its own process: in the server's
// thread it would spend the server's CPU parsing the very responses it is measuring.
async function load(url: string, connections: number, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections, duration: 8, headers, workers: 1 });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`;
}
const { startSession } = await import("../../app/members/session.server");
const reader = await createMember(db);
const cookie = (await startSession(db, reader.id, new Request(base))).split(";")[0]!;
for (const connections of [10, 50]) {
  console.log(`Big demand page, ${connections} connections, anonymous: ${await load(`${base}/demands/${big}`, connections)}`);
  console.log(`Big demand page, ${connections} connections, signed in: ${await load(`${base}/demands/${big}`, connections, { cookie })}`);
}
const bigHtml = await (await fetch(`${base}/demands/${big}`, { headers: { cookie } })).text();
console.log(`Signed-in page size: ${Math.round(bigHtml.length / 1024)} KB, ${(bigHtml.match(/<form/g) ?? []).length} forms`);

// /demands: the public list with a handful of demands, then with 5,000 (served from the partial index).
const listAt = async (label: string) => console.log(`/demands with ${label}, 10 connections: ${await load(`${base}/demands`, 10)}`);
await sql`delete from demand where id not in (${big}, ${small})`.execute(db);
for (let i = 0; i < 4; i++) await createDemand(db, { authorId: author.id });
await sql`update demand set stage = 'consultation' where stage = 'draft'`.execute(db);
await listAt("6 demands");
await sql`insert into demand (title, summary, body, easy_read, topics, stage, created_by, created_at)
  select 'Bench demand ' || g, 'A summary of bench demand ' || g || ' about housing and support.', 'The body of the demand.', 'Easy read.', array['housing'], 'consultation', ${author.id}, now() - (g || ' minutes')::interval
  from generate_series(1, 4994) g`.execute(db);
await sql`analyze demand`.execute(db);
await listAt("5,000 demands");

console.log("Closing five demands of 20,000 votes each…");
const closeTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const id = await demandWith(20_000, 0, 0);
  await expireVoting(db, id);
  const started = performance.now();
  const outcome = await closeVoting(db, id);
  closeTimes.push(performance.now() - started);
  if (!outcome || outcome.turnout !== 20_000) throw new Error("close failed");
}
closeTimes.sort((a, b) => a - b);
console.log(`Close job (tally, rule, breakdown, log, announcement job) over 20,000 votes: median ${closeTimes[2]!.toFixed(1)} ms (runs: ${closeTimes.map((t) => t.toFixed(0)).join(", ")} ms)`);

server.close();
await closeDatabase();
await database.stop();
process.exit(0);
