/**
 * Benchmark: the home page (signed out, for an organiser, for an admin) and the admin overview
 * against a large coalition (100,000 demands, 20,000 campaigns, 100,000 petitions, 20,000
 * organisations, 200,000 comments, 300,000 letter messages, 2,000 of them held in campaigns long
 * closed), with only a handful of each thing the pages show. Prints every query's plan (the scans
 * and the indexes they use), its time and the buffers it touched (all should be index scans that
 * touch a few dozen pages, whatever the size), then each page's median time over HTTP and its
 * requests per second at 10 connections.
 * Run: `npm run build && node --import tsx tests/bench/home-page.ts`.
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { Kysely, PostgresDialect, sql, type CompiledQuery } from "kysely";
import pg from "pg";
import type { DB } from "../../db";
import { startBenchDatabase } from "./bench-database";

const root = path.resolve(import.meta.dirname, "../..");
const buildPath = path.join(root, "build", "index.js");
if (!existsSync(buildPath)) throw new Error("Run `npm run build` first.");

const database = await startBenchDatabase("chorus_bench_home");
Object.assign(process.env, { DATABASE_URL: database.url, NODE_ENV: "production", COOKIE_SECRET: "bench-".repeat(8), LOG_LEVEL: "silent" });

const { db, closeDatabase } = await import("../../db");
const { migrateToLatest } = await import("../../db/migrate");
const activity = await import("../../app/models/coalition-activity.server");
const needs = await import("../../app/models/needs-input.server");

await migrateToLatest(db);

console.log("Seeding a large coalition…");
await sql`insert into member (email, display_name, email_verified_at, confirmed_adult_at) select 'bench' || g || '@example.org', 'Bench member ' || g, now(), now() from generate_series(1, 1000) g`.execute(db);
await sql`insert into organisation (slug, name, kind, status, verified_at)
  select 'org-' || g, 'Organisation ' || g, 'charity', case when g % 5000 = 0 then 'pending' else 'verified' end, now() from generate_series(1, 20000) g`.execute(db);
// Demands at every stage; 20,000 of them adopted long ago (each with a campaign), a few voting now.
await sql`insert into demand (title, summary, body, stage, voting_ends_at, created_by, created_at)
  select 'Demand ' || g, 'A summary of demand ' || g, 'The text of demand ' || g,
    case when g <= 20000 then (array['campaigning', 'won', 'closed', 'adopted'])[1 + g % 4]
         when g % 20000 = 0 then 'voting'
         else (array['draft', 'consultation', 'not_adopted', 'withdrawn'])[1 + g % 4] end,
    case when g <= 20000 then now() - (g || ' hours')::interval when g % 20000 = 0 then now() + (g || ' minutes')::interval end,
    (select min(id) from member), now() - (g || ' minutes')::interval
  from generate_series(1, 100000) g`.execute(db);
await sql`insert into campaign (demand_id, title, pitch, ask, target, status, created_at, ended_at)
  select id, 'Campaign for ' || title, 'A pitch long enough for the campaign page.', 'An ask long enough for the campaign.', 'Decision makers',
    case when id % 1000 = 0 then 'active' when id % 3 = 0 then 'won' else 'closed' end, now() - (id || ' hours')::interval,
    case when id % 1000 = 0 then null else now() - (id || ' minutes')::interval end
  from demand where id <= 20000`.execute(db);
await sql`insert into campaign_organiser (campaign_id, member_id, lead) select id, (select min(id) from member), true from campaign`.execute(db);
// Five petitions a campaign: in running campaigns one open, one closed and ready to deliver; elsewhere all delivered.
await sql`insert into petition (campaign_id, slug, title, ask, why, addressed_to, goal, status, signature_count, closes_at, closed_at)
  select c.id, 'petition-' || c.id || '-' || g, 'Petition ' || g || ' of campaign ' || c.id, 'Fund it, please, now.', 'Because it matters to people in crisis.', 'The Minister',
    1000, case when c.status = 'active' and g = 1 then 'open' when c.status = 'active' and g = 2 then 'closed' when c.status = 'active' then 'draft' else 'delivered' end,
    g * 37, case when g = 1 then now() + (c.id || ' minutes')::interval end, now()
  from campaign c cross join generate_series(1, 5) g`.execute(db);
await sql`insert into target (name, role, body, email, email_normalised) values ('Minister for Care', 'minister', 'Government', 'minister@example.org', 'minister@example.org')`.execute(db);
await sql`insert into letter_campaign (campaign_id, slug, title, ask, talking_points, suggested_subject, guidance, status)
  select id, 'letters-' || id, 'Write to the minister', 'Back the demand, please.', 'Talking points here', 'Our demand', 'Say it in your own words.', 'open' from campaign`.execute(db);
await sql`insert into letter (letter_campaign_id, name, status, token_expires_at) select 1 + (g % 20000), 'Writer ' || g, 'confirmed', now() from generate_series(1, 300000) g`.execute(db);
// Held letters: a few in running campaigns, and 2,000 in campaigns that ended with them still held.
await sql`insert into letter_message (letter_id, letter_campaign_id, target_id, status)
  select l.id, l.letter_campaign_id, (select id from target),
    case when c.status = 'active' and l.id % 50 = 0 then 'held' when c.status <> 'active' and l.id % 100 = 1 then 'held' else 'sent' end
  from letter l join letter_campaign lc on lc.id = l.letter_campaign_id join campaign c on c.id = lc.campaign_id`.execute(db);
await sql`insert into comment (demand_id, author_id, body, open_reports)
  select 1 + (g % 100000), (select min(id) from member), 'A comment ' || g, case when g % 50000 = 0 then 1 else 0 end from generate_series(1, 200000) g`.execute(db);
await sql`analyze`.execute(db);

const sizes = await sql<{ relname: string; n: number }>`select relname, n_live_tup::int as n from pg_stat_user_tables where relname in ('demand', 'campaign', 'petition', 'organisation', 'comment', 'letter_message', 'letter_campaign') order by relname`.execute(db);
console.log(sizes.rows.map((r) => `${r.relname}: ${r.n.toLocaleString("en-GB")}`).join(", "));

// A second Kysely over the same database that records each compiled query, to EXPLAIN it as sent.
const captured: CompiledQuery[] = [];
const recording = new Kysely<DB>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 4 }) }),
  log: (event) => {
    if (event.level === "query") captured.push(event.query);
  },
});
const organiser = (await sql<{ id: number }>`select min(id)::int as id from member`.execute(db)).rows[0]!.id;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}
function scans(node: PlanNode, out: string[] = []) {
  if (node["Relation Name"]) out.push(`${node["Node Type"]} on ${node["Relation Name"]}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""}`);
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

const cases: Array<[string, () => Promise<unknown>]> = [
  ["open votes", () => activity.listOpenVotes(recording, 3)],
  ["live petitions (home)", () => activity.listLivePetitions(recording, { limit: 3 })],
  ["live petitions (page 2 of the list)", () => activity.listLivePetitions(recording, { limit: 20, page: 2 })],
  ["running campaigns", () => activity.listRunningCampaigns(recording, 3)],
  ["recent wins", () => activity.listRecentWins(recording, 4)],
  ["what needs your input (every signed-in member)", () => needs.listNeedsInput(recording, organiser)],
  ["an organiser's campaigns and their tasks", () => needs.listCampaignTasks(recording, organiser)],
  ["waiting work (admin)", () => needs.countWaitingWork(recording, { verify: true, moderate: true, reviewLetters: true })],
];

let worst = 0;
for (const [name, run] of cases) {
  captured.length = 0;
  await run();
  console.log(`\n${name}: ${captured.length} ${captured.length === 1 ? "query" : "queries"}`);
  for (const query of captured) {
    const explained = await sql<{ "QUERY PLAN": Array<{ Plan: PlanNode & { "Shared Hit Blocks": number; "Shared Read Blocks": number }; "Execution Time": number }> }>`explain (analyze, buffers, format json) ${sql.raw(query.sql.replace(/\$(\d+)/g, (_, n) => literal(query.parameters[Number(n) - 1])))}`.execute(db);
    const plan = explained.rows[0]!["QUERY PLAN"][0]!;
    const pages = plan.Plan["Shared Hit Blocks"] + plan.Plan["Shared Read Blocks"];
    worst = Math.max(worst, plan["Execution Time"]);
    console.log(`  ${plan["Execution Time"].toFixed(2)} ms, ${pages} pages: ${scans(plan.Plan).join("; ")}`);
  }
}
console.log(`\nSlowest single query: ${worst.toFixed(2)} ms`);

// The pages themselves, served from the production build as deployed.
const { createBoss, ensureQueues } = await import("../../app/services/jobs.server");
const { createExpressApp } = await import("../../app/http/express-app.server");
const { startSession } = await import("../../app/members/session.server");
await ensureQueues(createBoss(db));
const build = await import(pathToFileURL(buildPath).href);
const server = createExpressApp(build, { publicDir: path.join(root, "public") }).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const { createMember } = await import("../support/builders");
const adminId = (await createMember(db, { roles: ["admin"] })).id;
const cookieOf = async (id: number) => (await startSession(db, id, new Request(base))).split(";")[0]!;
const views: Array<[string, string, Record<string, string>, string]> = [
  ["Home, signed out", "/", {}, "What the coalition is doing now"],
  ["Home, an organiser of 20 running campaigns", "/", { cookie: await cookieOf(organiser) }, "Your campaigns"],
  ["Home, a coalition admin", "/", { cookie: await cookieOf(adminId) }, "Waiting for the coalition team"],
  ["Admin overview", "/admin", { cookie: await cookieOf(adminId) }, "Waiting for you"],
];

console.log("");
for (const [name, url, headers, mustSay] of views) {
  const times: number[] = [];
  for (let i = 0; i < 110; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${url}`, { headers });
    const html = await response.text();
    if (response.status !== 200 || !html.includes(mustSay)) throw new Error(`${name}: ${response.status}, without "${mustSay}"`);
    if (i >= 10) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const load = await autocannon({ url: `${base}${url}`, connections: 10, duration: 5, headers, workers: 1 });
  console.log(
    `${name}: median ${times[50]!.toFixed(1)} ms, p95 ${times[95]!.toFixed(1)} ms per request; ${Math.round(load.requests.average)} requests/s at 10 connections (p99 ${load.latency.p99} ms, ${load.non2xx} errors)`,
  );
}
server.close();

function literal(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return `'${value.toISOString()}'::timestamptz`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

await recording.destroy();
await closeDatabase();
await database.stop();
process.exit(0);
