/**
 * Benchmark: signing a petition through the real HTTP server, each signature with its confirmation
 * email queued in the same transaction. Prints sustained signatures per second with p50/p99 at 10
 * and 50 connections (target >= 1,000/s, p99 < 250 ms), beside raw single-row insert throughput of
 * the same PostgreSQL; then checks nothing was lost and that, once confirmed and folded, the count is
 * exact; and prints count.json throughput (target >= 5,000 req/s). Run: `npm run build && npm run bench`.
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { startBenchDatabase } from "./bench-database";
import { signLoad } from "./sign-load";

const root = path.resolve(import.meta.dirname, "../..");
const buildPath = path.join(root, "build", "index.js");
if (!existsSync(buildPath)) throw new Error("Run `npm run build` first.");

const database = await startBenchDatabase("chorus_petition_bench");
Object.assign(process.env, { DATABASE_URL: database.url, NODE_ENV: "production", COOKIE_SECRET: "bench-".repeat(8), LOG_LEVEL: "silent", TRUST_PROXY: "true" });

const { db, closeDatabase } = await import("../../db");
const { sql } = await import("kysely");
const { migrateToLatest } = await import("../../db/migrate");
const { createBoss, ensureQueues } = await import("../../app/services/jobs.server");
const { createExpressApp } = await import("../../app/http/express-app.server");
const { openBenchPetition } = await import("./bench-data");
const { foldCountDeltas } = await import("../../app/models/petition.server");

await migrateToLatest(db);
await ensureQueues(createBoss(db));

// Raw PostgreSQL: single-row inserts, each its own transaction, from 10 clients for 5 seconds.
async function rawInsertsPerSecond(clients: number, seconds: number) {
  await sql`create table bench_insert (id bigint generated always as identity primary key, email text not null, created_at timestamptz not null default now())`.execute(db);
  const stopAt = Date.now() + seconds * 1000;
  let inserted = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      for (let i = 0; Date.now() < stopAt; i++) {
        await client.query("insert into bench_insert (email) values ($1)", [`raw-${c}-${i}@example.org`]);
        inserted++;
      }
      await client.end();
    }),
  );
  return Math.round(inserted / seconds);
}
console.log(`Raw PostgreSQL, single-row inserts from 10 clients: ${await rawInsertsPerSecond(10, 5)} rows/s`);

const made = await openBenchPetition(db);

const build = await import(pathToFileURL(buildPath).href);
const app = createExpressApp(build, { publicDir: path.join(root, "public") });
const server = app.listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const signing = (connections: number, seconds: number) => signLoad(`${base}/petitions/${made.slug}`, connections, seconds, `c${connections}`);

// One request by hand first, so a misconfiguration fails with its reason rather than a zero.
const probe = await fetch(`${base}/petitions/${made.slug}`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "intent=sign&name=Probe&email=probe%40example.org" });
if (probe.status !== 302) throw new Error(`signing failed: ${probe.status} ${await probe.text()}`);

// The app's sweep runs as it does in production (every 3 s) while signatures arrive, putting the
// confirmation emails on the batch queue; it shares the machine with everything else.
const { queueWaitingEmails } = await import("../../app/services/email.server");
let sweeping = false;
const sweep = setInterval(() => {
  if (sweeping) return;
  sweeping = true;
  void queueWaitingEmails(db).finally(() => (sweeping = false));
}, 3_000);

let accepted = 1;
for (const connections of [10, 50]) {
  const run = await signing(connections, 10);
  accepted += run.accepted;
  console.log(`Signing through HTTP, ${connections} connections: ${run.line}`);
  if (run.other) throw new Error(`${run.other} requests were not accepted`);
}

clearInterval(sweep);
while (sweeping) await new Promise((r) => setTimeout(r, 50));
await queueWaitingEmails(db);
const stored = Number((await sql<{ n: number }>`select count(*)::int as n from petition_signature where petition_id = ${made.id}`.execute(db)).rows[0]!.n);
const emails = Number((await sql<{ n: number }>`select count(*)::int as n from email where template = 'ConfirmSignature' and not waiting`.execute(db)).rows[0]!.n);
const jobs = Number((await sql<{ n: number }>`select coalesce(sum(jsonb_array_length(data->'emailIds')), 0)::int as n from pgboss.job where name = 'email.send-batch'`.execute(db)).rows[0]!.n);
console.log(`Accepted ${accepted}, stored ${stored} signatures, ${emails} confirmation emails queued in ${jobs === emails ? "batch jobs covering each once" : `MISMATCHED jobs (${jobs})`}: ${accepted === stored && stored === emails && jobs === emails ? "nothing lost" : "MISMATCH"}`);

// Everyone confirms (as confirmSignature does: the signature and its +1 delta together), then the fold runs.
await sql`with confirmed as (update petition_signature set status = 'confirmed', confirmed_at = now() where petition_id = ${made.id} and status = 'pending' returning petition_id)
  insert into petition_count_delta (petition_id, delta) select petition_id, 1 from confirmed`.execute(db);
const foldStarted = performance.now();
let folded = 0;
for (let n = await foldCountDeltas(db); n > 0; n = await foldCountDeltas(db)) folded += n;
const count = (await db.selectFrom("petition").select("signature_count").where("id", "=", made.id).executeTakeFirstOrThrow()).signature_count;
console.log(`Folded ${folded} confirmations in ${Math.round(performance.now() - foldStarted)} ms; count ${count} for ${stored} signatures: ${count === stored ? "exact" : "WRONG"}`);

const countLoad = await autocannon({ url: `${base}/petitions/${made.slug}/count.json`, connections: 50, duration: 10, workers: 1 });
console.log(`count.json, 50 connections: ${Math.round(countLoad.requests.average)} req/s, p50 ${countLoad.latency.p50} ms, p99 ${countLoad.latency.p99} ms (${countLoad.non2xx} non-2xx)`);

server.close();
await closeDatabase();
await database.stop();
process.exit(0);
