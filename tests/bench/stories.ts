/**
 * Benchmark: a demand with 5,000 published stories (and 200 sources), among other demands' stories,
 * with stories waiting, withdrawn and for members only mixed in. Prints each page's query count with
 * 500 stories on the demand and again with 5,000 (the same counts say no query runs per story), the
 * plans of the list and search queries, then the median time over HTTP of the demand page, the
 * demand's stories (page 1 and a late page), /stories with a search, and the JSON feed.
 * Run: `npm run build && node --import tsx tests/bench/stories.ts` (with BENCH_EXPLAIN=1 it prints the
 * plan of every story query the pages send instead of the timings).
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

const database = await startBenchDatabase("chorus_bench_stories");
Object.assign(process.env, { DATABASE_URL: database.url, NODE_ENV: "production", COOKIE_SECRET: "bench-".repeat(8), LOG_LEVEL: "silent" });

const { db, closeDatabase } = await import("../../db");
const { migrateToLatest } = await import("../../db/migrate");
await migrateToLatest(db);

// A story as people write them: several paragraphs, a little Markdown, about 1,500 characters.
const BODY = Array.from({ length: 6 }, (_, i) => `When I left hospital the ${i % 2 ? "council" : "ward"} had made **no plan** for where I would live. I moved between a friend's sofa, a hostel and a bed and breakfast, and each move meant explaining everything again to a new GP and a new support worker.`).join("\n\n");
const WORDS = ["kestrel", "heron", "sparrow", "wren", "finch", "robin", "owl", "swift", "lark", "thrush"];

console.log("Seeding members, 51 demands, 200 sources on the demand under test…");
await sql`insert into member (email, display_name, email_verified_at, confirmed_adult_at) select 'm' || g || '@example.org', 'Member ' || g, now(), now() from generate_series(1, 200) g`.execute(db);
await sql`insert into demand (title, summary, body, stage, topics, created_by) select 'Demand ' || g, 'A summary of demand ' || g, 'The text of demand ' || g || ' [1].', 'consultation', array['housing'], 1 from generate_series(1, 51) g`.execute(db);
await sql`insert into demand_author (demand_id, member_id, lead) select id, 1, true from demand`.execute(db);
await sql`insert into demand_source (demand_id, title, author, year, finding, kind, suggested_by, status, decided_by, decided_at, number)
  select 1, 'A study number ' || n, 'Research body', 2020, 'People discharged without a home were more often readmitted.', 'research', 1, 'accepted', 1, now(), n from generate_series(1, 200) n`.execute(db);

/**
 * `count` stories on `demandId`, published over the last year and a bit, interleaved with other
 * demands' as they would be (or all `old`er than everything else); one in ten members-only, one in
 * fifty with a content note, one in a hundred waiting and one in a hundred withdrawn.
 */
async function addStories(demandId: number, count: number, old = false) {
  await sql`with made as (
      insert into story (teller_id, title, body, content_notes, topics, status, audience, name_choice, place, published_at, withdrawn_at, created_at)
      select 1 + n % 200, 'A story about the ' || (${WORDS}::text[])[1 + n % 10] || ' number ' || n, ${BODY} || E'\n\nI watched a ' || (${WORDS}::text[])[1 + n % 10] || ' from the window.',
        case when n % 50 = 0 then array['self_harm'] else '{}' end, array['housing'],
        case when n % 100 = 1 then 'waiting' when n % 100 = 2 then 'withdrawn' else 'published' end,
        case when n % 10 = 0 then 'members' else 'public' end,
        case when n % 3 = 0 then 'place' else 'display_name' end, case when n % 3 = 0 then 'Leeds' end,
        case when n % 100 = 1 then null else now() - ((n * 7919) % 10007 + ${old ? 20_000 : 0}) * interval '1 hour' end,
        case when n % 100 = 2 then now() end, now() - ((n * 7919) % 10007 + ${old ? 20_000 : 0}) * interval '1 hour'
      from generate_series((select coalesce(max(id), 0) from story) + 1, (select coalesce(max(id), 0) from story) + ${count}) n
      returning id)
    insert into story_demand (story_id, demand_id) select id, ${demandId} from made`.execute(db);
  await sql`analyze story`.execute(db);
  await sql`analyze story_demand`.execute(db);
}
// Other demands' stories, so the demand under test is not the whole table.
for (let d = 2; d <= 49; d++) await addStories(d, 100);
// The worst case for "newest first": a demand whose stories are all older than every other story.
await addStories(50, 100, true);
await addStories(1, 500);

const { createBoss, ensureQueues } = await import("../../app/services/jobs.server");
const { createExpressApp } = await import("../../app/http/express-app.server");
const { startSession } = await import("../../app/members/session.server");
await ensureQueues(createBoss(db));
const memberCookie = (await startSession(db, 7, new Request("http://localhost/"))).split(";")[0]!;
await sql`insert into member_hidden_content_note (member_id, category) values (7, 'self_harm')`.execute(db);
const build = await import(pathToFileURL(buildPath).href);
const server = createExpressApp(build, { publicDir: path.join(root, "public") }).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const views: Array<[string, string, string?]> = [
  ["Demand page with no stories or sources (baseline)", "/demands/51"],
  ["Demand page (3 newest stories, 200 sources)", "/demands/1"],
  ["Demand page, a member hiding a content note", "/demands/1", memberCookie],
  ["The demand's stories, page 1", "/demands/1/stories"],
  ["The demand's stories, page 20", "/demands/1/stories?page=20"],
  ["A demand whose 100 stories are older than all the others, its stories", "/demands/50/stories"],
  ["/stories with a search", "/stories?q=sparrow"],
  ["/stories with a search, as a member", "/stories?q=heron+window", memberCookie],
  ["/stories.json with a search", "/stories.json?q=wren"],
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

const captured: Array<[string, unknown[]]> = [];
if (process.env.BENCH_EXPLAIN) {
  const inner = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    if (typeof args[0] === "string" && /from "story"/.test(args[0])) captured.push([args[0], (args[1] as unknown[]) ?? []]);
    return (inner as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof originalQuery;
}
const small = await queryCounts();
console.log("Adding 4,500 more stories to the demand under test (5,000 in all)…");
await addStories(1, 4_500);
const large = await queryCounts();
console.log(`A story's title: ${(await sql<{ title: string }>`select title from story limit 1`.execute(db)).rows[0]!.title}`);
const total = (await sql<{ n: number }>`select count(*)::int as n from story`.execute(db)).rows[0]!.n;
const onDemand = (await sql<{ n: number }>`select count(*)::int as n from story_demand where demand_id = 1`.execute(db)).rows[0]!.n;
console.log(`story rows: ${total.toLocaleString("en-GB")}, on the demand under test: ${onDemand.toLocaleString("en-GB")}`);

console.log("\nQueries per request with 500 stories → with 5,000:");
for (const [name] of views) console.log(`  ${name}: ${small[name]} → ${large[name]}`);

const published = sql`story.status = 'published' and story.audience = 'public'`;
for (const [label, query] of [
  ["the demand's newest stories", sql`select id from story where ${published} and exists (select 1 from story_demand where story_id = story.id and demand_id = 1) order by published_at desc, id desc limit 21`],
  ["the demand's stories, page 20", sql`select id from story where ${published} and exists (select 1 from story_demand where story_id = story.id and demand_id = 1) order by published_at desc, id desc limit 21 offset 380`],
  ["a search", sql`select id from story where ${published} and (setweight(to_tsvector('english', story.title), 'A') || setweight(to_tsvector('english', story.body), 'B')) @@ websearch_to_tsquery('english', 'sparrow') and story.status = 'published' order by published_at desc, id desc limit 21`],
] as const) {
  const plan = await sql<{ "QUERY PLAN": Array<{ Plan: { "Node Type": string; "Actual Rows": number }; "Execution Time": number }> }>`explain (analyze, format json) ${query}`.execute(db);
  const top = plan.rows[0]!["QUERY PLAN"][0]!;
  const text = JSON.stringify(plan.rows[0]!["QUERY PLAN"]);
  console.log(`  EXPLAIN ${label}: ${top.Plan["Actual Rows"]} rows, ${top["Execution Time"].toFixed(2)} ms${text.includes("story_search_idx") ? " (story_search_idx)" : ""}`);
}

if (process.env.BENCH_EXPLAIN) {
  captured.length = 0;
  await queryCounts();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  for (const [text, values] of captured) {
    const plan = await client.query(`explain (analyze, costs off) ${text}`, values);
    console.log(`\n${text.slice(0, 300)}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
  await client.end();
  process.exit(0);
}
console.log("\nMedian over 200 requests (after 20 warm-up), 5,000 stories on the demand:");
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
