/**
 * Benchmark: the big demand page and petition signing served by 1 and by 2 web processes
 * (WEB_CONCURRENCY) in the same run, with the ratio, and where the machine's CPU went in each run:
 * the web processes, Chorus's main process (it hands each connection to a web process), PostgreSQL,
 * and the load generator (this process). Run: `npm run build && npx tsx tests/bench/web-processes.ts`.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { freePort } from "../../db/embedded";
import { startBenchDatabase } from "./bench-database";
import { signLoad } from "./sign-load";

const root = path.resolve(import.meta.dirname, "../..");
if (!existsSync(path.join(root, "build", "index.js"))) throw new Error("Run `npm run build` first.");
const SECONDS = 10;

const database = await startBenchDatabase("chorus_processes_bench");
Object.assign(process.env, { DATABASE_URL: database.url, NODE_ENV: "production", COOKIE_SECRET: "bench-".repeat(8), LOG_LEVEL: "silent" });
const { db, closeDatabase } = await import("../../db");
const { migrateToLatest } = await import("../../db/migrate");
const { createBoss, ensureQueues } = await import("../../app/services/jobs.server");
const { createMember } = await import("../support/builders");
const { openBenchPetition, seedBenchMembers, seedVotingDemand } = await import("./bench-data");

await migrateToLatest(db);
await ensureQueues(createBoss(db));
console.log("Seeding a demand with 20,000 votes and 5,000 comments, and an open petition…");
await seedBenchMembers(db, 20_000);
const author = await createMember(db);
const facilitator = await createMember(db, { roles: ["admin"] });
const demandId = await seedVotingDemand(db, { authorId: author.id, facilitatorId: facilitator.id }, 20_000, 1000, 4);
const petition = await openBenchPetition(db);
await closeDatabase();

const TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));
/** CPU seconds used so far by each process in the list (user + system). */
function cpuSeconds(pids: number[]) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return ticks / TICKS;
}
const postgresPids = () => readdirSync("/proc").filter((p) => /^\d+$/.test(p)).map(Number).filter((pid) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
  } catch {
    return false;
  }
});
const childrenOf = (pid: number) => execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).trim().split(/\s+/).filter(Boolean).map(Number);

/** Runs `work` against Chorus started with WEB_CONCURRENCY=n; returns its result and the CPU each part used. */
async function withChorus<T>(n: number, work: (base: string) => Promise<T>) {
  // Logging each request would be part of what is measured: warnings only, and readiness by /healthz.
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "app/server.ts"], {
    cwd: root,
    env: { ...process.env, WEB_CONCURRENCY: String(n), PORT: String(port), RUN_WORKER: "false", SEED_DEMO_DATA: "false", LOG_LEVEL: "warn", TRUST_PROXY: "true", COALITION_NAME: "Bench", CONTACT_EMAIL: "bench@example.org" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  while ((await fetch(`${base}/healthz`).catch(() => null))?.status !== 200) {
    if (child.exitCode !== null) throw new Error("Chorus did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  // The first web process answers before the others listen: give them a moment.
  await new Promise((r) => setTimeout(r, 2_000));
  // Warm up each web process (its first pages compile and fill caches).
  for (let i = 0; i < 20 * n; i++) await (await fetch(`${base}/demands/${demandId}`)).arrayBuffer();
  const web = n === 1 ? [child.pid!] : childrenOf(child.pid!);
  const parts = { web: () => cpuSeconds(web), main: () => (n === 1 ? 0 : cpuSeconds([child.pid!])), postgres: () => cpuSeconds(postgresPids()), load: () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; } };
  const before = Object.fromEntries(Object.entries(parts).map(([k, f]) => [k, f()]));
  const started = performance.now();
  const result = await work(base);
  const wall = (performance.now() - started) / 1000;
  const used = Object.fromEntries(Object.entries(parts).map(([k, f]) => [k, f() - before[k]!])) as Record<keyof typeof parts, number>;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  const cores = os.availableParallelism();
  const share = (k: keyof typeof parts) => `${k} ${Math.round((100 * used[k]) / (wall * cores))}%`;
  const idle = Math.max(0, 100 - Math.round((100 * Object.values(used).reduce((a, b) => a + b, 0)) / (wall * cores)));
  return { result, cpu: `${(["web", "main", "postgres", "load"] as const).map(share).join(", ")}, idle ${idle}% of ${cores} cores` };
}

async function pageLoad(base: string) {
  const run = await autocannon({ url: `${base}/demands/${demandId}`, connections: 10, duration: SECONDS, workers: 1 });
  if (run.non2xx || run.errors) throw new Error(`${run.non2xx} non-2xx, ${run.errors} errors`);
  return { perSecond: Math.round(run.requests.average), line: `${Math.round(run.requests.average)} req/s, p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms` };
}

const results: Record<string, Record<number, number>> = { page: {}, signing: {} };
for (const n of [1, 2]) {
  const page = await withChorus(n, pageLoad);
  results.page![n] = page.result.perSecond;
  console.log(`Big demand page, 10 connections, ${n} web process${n > 1 ? "es" : ""}: ${page.result.line}  [CPU: ${page.cpu}]`);
  const signing = await withChorus(n, (base) => signLoad(`${base}/petitions/${petition.slug}`, 50, SECONDS, `p${n}`));
  if (signing.result.other) throw new Error(`${signing.result.other} signatures were not accepted`);
  results.signing![n] = signing.result.perSecond;
  console.log(`Petition signing, 50 connections, ${n} web process${n > 1 ? "es" : ""}: ${signing.result.line}  [CPU: ${signing.cpu}]`);
}
console.log(`Two web processes against one: demand page ${(results.page![2]! / results.page![1]!).toFixed(2)}x, signing ${(results.signing![2]! / results.signing![1]!).toFixed(2)}x`);
await database.stop();
process.exit(0);
