/**
 * Benchmark: /events with 10,000 published events (upcoming and past, filters on), and the hosts'
 * registrations page of an event with 2,000 registrations (a third with access needs). Prints the
 * query plan of the list's page query, then the median time over HTTP.
 * Run: `npm run build && node --import tsx tests/bench/events.ts`.
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

const database = await startBenchDatabase("chorus_bench_events");
Object.assign(process.env, { DATABASE_URL: database.url, NODE_ENV: "production", COOKIE_SECRET: "bench-".repeat(8), LOG_LEVEL: "silent" });

const { db, closeDatabase } = await import("../../db");
const { migrateToLatest } = await import("../../db/migrate");
await migrateToLatest(db);

console.log("Seeding 10,000 events (a third past) and 2,000 registrations on one of them…");
const { provisionMember } = await import("../../app/services/provisioning.server");
const host = await provisionMember(db, { email: "host@example.org", displayName: "Host", password: null, roles: ["admin"] });
await sql`insert into event (title, purpose, audience_note, kind, format, address, join_url, region, starts_at, ends_at, registration_closes_at, capacity, host_kind, status, published_at, created_by)
  select 'Event ' || g, 'What event ' || g || ' is for.', 'Everyone', (array['meeting', 'workshop', 'lobby_day', 'assembly', 'social'])[1 + g % 5],
    (array['in_person', 'online', 'hybrid'])[1 + g % 3], case when g % 3 = 1 then null else 'A hall, ' || g || ' High Street' end,
    'https://meet.example.org/' || g, (array['London', 'North West', 'Wales', 'Scotland', null])[1 + g % 5],
    now() + (g - 3300) * interval '1 hour', now() + (g - 3300) * interval '1 hour' + interval '2 hours', now() + (g - 3300) * interval '1 hour',
    case when g % 2 = 0 then 50 else null end, 'coalition', 'published', now(), ${host.id}
  from generate_series(1, 10000) g`.execute(db);
const busy = (await sql<{ id: number }>`select id from event where starts_at > now() + interval '10 days' order by id limit 1`.execute(db)).rows[0]!.id;
await sql`update event set capacity = null where id = ${busy}`.execute(db);
await sql`insert into event_registration (event_id, name, email, email_normalised, status, queued_at, expert_by_experience)
  select ${busy}, 'Person ' || g, 'person' || g || '@example.org', 'person' || g || '@example.org', 'registered', null, g % 4 = 0 from generate_series(1, 2000) g`.execute(db);
await sql`update event set registered_count = 2000 where id = ${busy}`.execute(db);
await sql`insert into event_access_need (registration_id, needs, other)
  select id, array['step_free', 'captions'], case when id % 2 = 0 then 'A seat near the door' end from event_registration where event_id = ${busy} and id % 3 = 0`.execute(db);
await sql`analyze`.execute(db);

const { createBoss, ensureQueues } = await import("../../app/services/jobs.server");
const { createExpressApp } = await import("../../app/http/express-app.server");
const { startSession } = await import("../../app/members/session.server");
await ensureQueues(createBoss(db));
const build = await import(pathToFileURL(buildPath).href);
const server = createExpressApp(build, { publicDir: path.join(root, "public") }).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const cookie = (await startSession(db, host.id, new Request(base))).split(";")[0]!;

const views: Array<[string, string, boolean]> = [
  ["/events, upcoming, first page", "/events", false],
  ["/events, upcoming, page 50", "/events?page=50", false],
  ["/events, past, filtered (workshops in London)", "/events?when=past&kind=workshop&region=London", false],
  ["/events, online only", "/events?format=online", false],
  ["Hosts' registrations page (2,000 registrations), first page", `/events/${busy}/registrations`, true],
  ["Hosts' registrations page, page 20", `/events/${busy}/registrations?page=20`, true],
  ["The busy event's public page", `/events/${busy}`, false],
];

const plan = await sql<{ "QUERY PLAN": Array<{ Plan: { "Actual Rows": number }; "Execution Time": number }> }>`explain (analyze, format json)
  select id from event where status = 'published' and parent_id is null and ends_at > now() order by starts_at, id limit 21`.execute(db);
const top = plan.rows[0]!["QUERY PLAN"][0]!;
console.log(`EXPLAIN upcoming events, first page: ${top.Plan["Actual Rows"]} rows, ${top["Execution Time"].toFixed(2)} ms`);

console.log("\nMedian over 100 requests (after 10 warm-up):");
for (const [name, url, signedIn] of views) {
  const times: number[] = [];
  for (let i = 0; i < 110; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${url}`, { headers: signedIn ? { Cookie: cookie } : {} });
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
