/**
 * Benchmark: the public accountability pages against 1,000 adopted demands with campaigns and 10,000
 * asks (each with a dated history, most with a response), one decision maker holding 2,000 of them
 * and 100,000 letters to them. Prints each page's query count at 1,000 asks and again at 10,000 (the
 * same counts say no query runs per row), the plans' row estimates, then the median time over HTTP.
 * Run: `npm run build && node --import tsx tests/bench/accountability.ts`.
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

const database = await startBenchDatabase("chorus_bench_accountability");
Object.assign(process.env, { DATABASE_URL: database.url, NODE_ENV: "production", COOKIE_SECRET: "bench-".repeat(8), LOG_LEVEL: "silent" });

const { db, closeDatabase } = await import("../../db");
const { migrateToLatest } = await import("../../db/migrate");
await migrateToLatest(db);

/** Adds asks (ids after those already there) spread over the 1,000 campaigns; every fifth to the busy minister. */
async function seedAsks(count: number) {
  await sql`insert into ask (campaign_id, target_id, request, channel, asked_on, status, status_on, summary)
    select 1 + (g % 1000), case when g % 5 = 0 then 1 else 2 + (g % 200) end, 'Will you fund a crisis house in every region?', 'meeting',
      date '2026-01-01' + (g % 300)::int, (array['asked', 'responded', 'committed', 'delivered', 'declined', 'no_response', 'broken'])[1 + g % 7],
      date '2026-01-01' + (g % 300)::int + 10, 'Progress summary ' || g
    from generate_series((select coalesce(max(id), 0) + 1 from ask), (select coalesce(max(id), 0) from ask) + ${count}) g`.execute(db);
  await sql`insert into ask_status_change (ask_id, status, summary, happened_on, source)
    select id, 'asked', '', asked_on, 'organiser' from ask where not exists (select 1 from ask_status_change c where c.ask_id = ask.id)
    union all select id, status, summary, status_on, 'organiser' from ask where status <> 'asked' and not exists (select 1 from ask_status_change c where c.ask_id = ask.id)`.execute(db);
  await sql`insert into ask_response (ask_id, body, via, responder, source, received_on)
    select id, 'We will **consider** this carefully and reply in full.', 'organiser', 'The private office', 'Letter by post', status_on from ask
    where status not in ('asked', 'no_response') and not exists (select 1 from ask_response r where r.ask_id = ask.id)`.execute(db);
  await sql`analyze`.execute(db);
}

console.log("Seeding 1,000 adopted demands with campaigns, 201 decision makers and 100,000 letters…");
await sql`insert into member (email, display_name, email_verified_at, confirmed_adult_at) values ('lead@example.org', 'Lead', now(), now())`.execute(db);
await sql`insert into demand (title, summary, body, stage, topics, created_by)
  select 'Demand ' || g, 'A summary of demand ' || g, 'The text of demand ' || g, (array['campaigning', 'won', 'closed'])[1 + g % 3],
    array[(array['housing', 'work', 'services', 'poverty_income'])[1 + g % 4]], (select min(id) from member) from generate_series(1, 1000) g`.execute(db);
await sql`insert into campaign (demand_id, title, pitch, ask, target, status)
  select id, 'Campaign for ' || title, 'A pitch long enough for the campaign page.', 'An ask long enough for the campaign.', 'Decision makers', case stage when 'campaigning' then 'active' else stage end from demand`.execute(db);
await sql`insert into target (name, role, body, email, email_normalised, everywhere)
  select case when g = 1 then 'Minister for Care' else 'Decision maker ' || g end, case when g = 1 then 'minister' else 'mp' end,
    case when g = 1 then 'Department of Health' else 'Body ' || (g % 20) end, 'dm' || g || '@example.org', 'dm' || g || '@example.org', true
  from generate_series(1, 201) g`.execute(db);
await sql`insert into letter_campaign (campaign_id, slug, title, ask, talking_points, suggested_subject, guidance, status)
  select id, 'letters-' || id, 'Write to the minister', 'Back the demand, please.', 'Talking points here', 'Our demand', 'Say it in your own words.', 'open' from campaign where id <= 100`.execute(db);
await sql`insert into letter (letter_campaign_id, name, status, token_expires_at) select 1 + (g % 100), 'Writer ' || g, 'confirmed', now() from generate_series(1, 100000) g`.execute(db);
await sql`insert into letter_message (letter_id, letter_campaign_id, target_id, status, reply_outcome)
  select id, letter_campaign_id, 1, 'sent', (array['yes', 'no', 'not_yet', 'unsatisfactory', null])[1 + id % 5] from letter`.execute(db);
await seedAsks(1000);

const { createBoss, ensureQueues } = await import("../../app/services/jobs.server");
const { createExpressApp } = await import("../../app/http/express-app.server");
await ensureQueues(createBoss(db));
const build = await import(pathToFileURL(buildPath).href);
const server = createExpressApp(build, { publicDir: path.join(root, "public") }).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const views: Array<[string, string]> = [
  ["Tracker, first page", "/accountability"],
  ["Tracker, filtered (committed, housing)", "/accountability?status=committed&topic=housing"],
  ["Tracker, a late page (page 45)", "/accountability?page=45"],
  ["Tracker JSON, first page", "/accountability.json"],
  ["The busiest decision maker's page", "/decision-makers/1"],
  ["Decision makers list", "/decision-makers"],
];

// Statements sent for one request, counted at the driver (every pool client is a pg.Client).
const { default: pg } = await import("pg");
let statements = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  statements++;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof originalQuery;

async function queryCounts() {
  const counts: Record<string, number> = {};
  for (const [name, url] of views) {
    statements = 0;
    const response = await fetch(`${base}${url}`);
    await response.text();
    if (response.status !== 200) throw new Error(`${name}: ${response.status}`);
    counts[name] = statements;
  }
  return counts;
}

const small = await queryCounts();
console.log("Adding 9,000 more asks (10,000 in all)…");
await seedAsks(9000);
const large = await queryCounts();
const sizes = await sql<{ relname: string; n: number }>`select relname, n_live_tup::int as n from pg_stat_user_tables where relname in ('demand', 'campaign', 'ask', 'ask_status_change', 'ask_response', 'letter_message', 'target') order by relname`.execute(db);
console.log(sizes.rows.map((r) => `${r.relname}: ${r.n.toLocaleString("en-GB")}`).join(", "));
console.log(`Busy minister's asks: ${(await sql<{ n: number }>`select count(*)::int as n from ask where target_id = 1`.execute(db)).rows[0]!.n.toLocaleString("en-GB")}`);

console.log("\nQueries per request at 1,000 asks → at 10,000 asks:");
for (const [name] of views) console.log(`  ${name}: ${small[name]} → ${large[name]}`);

// The plan of the tally read and of the tracker's page query: row estimates stay at a page's worth.
for (const [label, query] of [
  ["tallies of the busy minister", sql`select measure, n from decision_maker_tally where target_id = 1`],
  ["tracker page of demands", sql`select c.id from campaign c join demand d on d.id = c.demand_id where d.stage in ('campaigning', 'won', 'closed') order by c.id desc limit 21 offset 880`],
  ["busy minister's asks, page 1", sql`select id from ask where target_id = 1 order by asked_on desc, id desc limit 21`],
] as const) {
  const plan = await sql<{ "QUERY PLAN": Array<{ Plan: { "Actual Rows": number; "Plan Rows": number }; "Execution Time": number }> }>`explain (analyze, format json) ${query}`.execute(db);
  const top = plan.rows[0]!["QUERY PLAN"][0]!;
  console.log(`  EXPLAIN ${label}: ${top.Plan["Actual Rows"]} rows returned (estimate ${top.Plan["Plan Rows"]}), ${top["Execution Time"].toFixed(2)} ms`);
}

console.log("\nMedian over 100 requests (after 10 warm-up), 10,000 asks:");
for (const [name, url] of views) {
  const times: number[] = [];
  for (let i = 0; i < 110; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${url}`);
    await response.text();
    if (response.status !== 200) throw new Error(`${name}: ${response.status}`);
    if (i >= 10) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${name}: median ${times[50]!.toFixed(1)} ms, p95 ${times[95]!.toFixed(1)} ms`);
}

server.close();
await closeDatabase();
await database.stop();
process.exit(0);
