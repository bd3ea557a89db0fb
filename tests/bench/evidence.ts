/**
 * Benchmark: a demand with 200 accepted sources (and 40 suggestions waiting), its text citing sources
 * across the whole list, among 1,000 other demands with 20 sources each. Prints each page's query
 * count with 20 sources and again with 200 (the same counts say no query runs per source), then the
 * median time over HTTP of the demand page (beside the same page of a demand with no sources) and the evidence page (first and last pages, and as an
 * author, with the suggestions). Run: `npm run build && node --import tsx tests/bench/evidence.ts`.
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { startBenchDatabase } from "./bench-database";

const root = path.resolve(import.meta.dirname, "../..");
const buildPath = path.join(root, "build", "index.js");
if (!existsSync(buildPath)) throw new Error("Run `npm run build` first.");

const database = await startBenchDatabase("chorus_bench_evidence");
Object.assign(process.env, { DATABASE_URL: database.url, NODE_ENV: "production", COOKIE_SECRET: "bench-".repeat(8), LOG_LEVEL: "silent" });

const { db, closeDatabase } = await import("../../db");
const { migrateToLatest } = await import("../../db/migrate");
await migrateToLatest(db);

// A demand's text as authors write it: a few paragraphs, citing sources near the start, middle and end of the list.
const BODY = Array.from({ length: 12 }, (_, i) => `## Part ${i + 1}\n\nPeople leaving hospital need a settled home [${1 + i * 17}], planned with them from the day they arrive [${(i * 31) % 200 + 1}]. In code, \`[${i + 1}]\` stays as it is.`).join("\n\n");

console.log("Seeding 1,000 demands with 20 sources each, and the demand under test…");
await sql`insert into member (email, display_name, email_verified_at, confirmed_adult_at) select 'm' || g || '@example.org', 'Member ' || g, now(), now() from generate_series(1, 50) g`.execute(db);
await sql`insert into demand (title, summary, body, stage, topics, created_by)
  select 'Demand ' || g, 'A summary of demand ' || g, ${BODY}, 'consultation', array['housing'], 1 from generate_series(1, 1002) g`.execute(db);
await sql`insert into demand_author (demand_id, member_id, lead) select id, 1, true from demand`.execute(db);

/** Accepted sources numbered from the demand's highest, `count` per demand (in `demandIds`). */
async function addSources(demandIds: number[], count: number) {
  await sql`insert into demand_source (demand_id, title, author, year, url, finding, kind, suggested_by, status, decided_by, decided_at, number)
    select d, 'A study of discharge and housing, number ' || n, 'Research body ' || (n % 40), 2000 + n % 25,
      case when n % 3 = 0 then null else 'https://example.org/research/' || d || '/' || n end,
      'People discharged without a settled home were more often readmitted within a year.',
      (array['research', 'official_statistics', 'inquiry', 'lived_experience_survey'])[1 + n % 4], 1 + n % 50, 'accepted', 1, now(),
      n
    from unnest(${demandIds}::bigint[]) d cross join lateral generate_series(coalesce((select max(number) from demand_source s where s.demand_id = d), 0) + 1, coalesce((select max(number) from demand_source s where s.demand_id = d), 0) + ${count}) n`.execute(db);
  await sql`analyze demand_source`.execute(db);
}
// Demand 1002 has no sources: the same page without evidence, for comparison.
const others = Array.from({ length: 1000 }, (_, i) => i + 2);
await addSources(others, 20);
await addSources([1], 20);
await sql`insert into demand_source (demand_id, title, author, finding, kind, suggested_by)
  select 1, 'A suggested source ' || g, 'A body', 'A finding that is long enough to be one.', 'research', 2 + g % 40 from generate_series(1, 40) g`.execute(db);

const { createBoss, ensureQueues } = await import("../../app/services/jobs.server");
const { createExpressApp } = await import("../../app/http/express-app.server");
const { startSession } = await import("../../app/members/session.server");
await ensureQueues(createBoss(db));
const authorCookie = (await startSession(db, 1, new Request("http://localhost/"))).split(";")[0]!;
const build = await import(pathToFileURL(buildPath).href);
const server = createExpressApp(build, { publicDir: path.join(root, "public") }).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const views: Array<[string, string, string?]> = [
  ["Demand page, same text with no sources (baseline)", "/demands/1002"],
  ["Demand page", "/demands/1"],
  ["Demand page, as an author", "/demands/1", authorCookie],
  ["Evidence page, first page", "/demands/1/evidence"],
  ["Evidence page, last page", "/demands/1/evidence?page=8"],
  ["Evidence page, as an author (suggestions)", "/demands/1/evidence", authorCookie],
];

// Statements sent for one request, counted at the driver (every pool client is a pg.Client).
const { default: pg } = await import("pg");
let statements = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  statements++;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof originalQuery;

async function get(url: string, cookie?: string) {
  const response = await fetch(`${base}${url}`, { headers: cookie ? { Cookie: cookie } : {} });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return text;
}

async function queryCounts() {
  const counts: Record<string, number> = {};
  for (const [name, url, cookie] of views) {
    statements = 0;
    await get(url, cookie);
    counts[name] = statements;
  }
  return counts;
}

const small = await queryCounts();
console.log("Adding 180 more sources to the demand under test (200 in all)…");
await addSources([1], 180);
const large = await queryCounts();
const page = await get("/demands/1");
console.log(`Demand page: ${(page.match(/id="source-\d+"/g) ?? []).length} sources listed, ${(page.match(/href="#source-\d+"/g) ?? []).length} citation links, ${(page.length / 1024).toFixed(0)} KiB of HTML`);
console.log(`demand_source rows: ${(await sql<{ n: number }>`select count(*)::int as n from demand_source`.execute(db)).rows[0]!.n.toLocaleString("en-GB")}`);

console.log("\nQueries per request with 20 sources → with 200:");
for (const [name] of views) console.log(`  ${name}: ${small[name]} → ${large[name]}`);

for (const [label, query] of [
  ["the demand page's evidence (cited + first 20)", sql`select number from demand_source where demand_id = 1 and number is not null and (number <= 20 or number in (1, 18, 35, 52, 69, 86, 103, 120, 137, 154, 171, 188)) order by number limit 32`],
  ["evidence page 8", sql`select number from demand_source where demand_id = 1 and number is not null order by number limit 25 offset 175`],
  ["suggestions waiting", sql`select id from demand_source where demand_id = 1 and status = 'suggested' order by id limit 50`],
] as const) {
  const plan = await sql<{ "QUERY PLAN": Array<{ Plan: { "Actual Rows": number; "Plan Rows": number }; "Execution Time": number }> }>`explain (analyze, format json) ${query}`.execute(db);
  const top = plan.rows[0]!["QUERY PLAN"][0]!;
  console.log(`  EXPLAIN ${label}: ${top.Plan["Actual Rows"]} rows returned (estimate ${top.Plan["Plan Rows"]}), ${top["Execution Time"].toFixed(2)} ms`);
}

console.log("\nMedian over 200 requests (after 20 warm-up), 200 sources:");
for (const [name, url, cookie] of views) {
  const times: number[] = [];
  for (let i = 0; i < 220; i++) {
    const started = performance.now();
    await get(url, cookie);
    if (i >= 20) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${name}: median ${times[100]!.toFixed(1)} ms, p95 ${times[190]!.toFixed(1)} ms`);
}

server.close();
await closeDatabase();
await database.stop();
process.exit(0);
