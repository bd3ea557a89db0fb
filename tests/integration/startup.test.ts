import { spawn, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startAppProcess, stderrLines, until, urlOf } from "../support/app-process";

/**
 * `npm start`'s promises, checked on the real server process: first start creates the embedded
 * cluster, SIGTERM stops it, a second start reuses the data, and bad configuration ends with one line.
 */
const root = path.resolve(__dirname, "../..");

describe("npm start", () => {
  it("creates the embedded database, stops it on SIGTERM, and reuses the data on the next start", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "chorus-start-"));
    // mkdtemp makes a 0700 folder, which PostgreSQL's own user (when we run as root) could not enter.
    chmodSync(dataDir, 0o755);
    const first = startAppProcess({ DATA_DIR: dataDir });
    const url = await urlOf(first);
    expect(first.stdout()).toContain("Creating a new PostgreSQL cluster");
    expect(first.stdout()).toMatch(/Applied migrations: 2026-11-24_01_foundation/);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);

    // A second start in the same folder refuses, and leaves the first one (and its database) alone.
    const intruder = startAppProcess({ DATA_DIR: dataDir });
    expect(await intruder.exited).toBe(1);
    expect(stderrLines(intruder)).toEqual([expect.stringMatching(/^Chorus could not start\. Chorus is already running from this folder \(process \d+/)]);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // `npm start` itself says so before building, leaving the running copy's build alone.
    const buildFile = path.join(root, "build", "index.js");
    const built = statSync(buildFile).mtimeMs;
    const npmStart = spawnSync("npm", ["start", "--silent"], { cwd: root, env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, NODE_ENV: "development" }, encoding: "utf8" });
    expect(npmStart.status).toBe(1);
    expect(npmStart.stderr).toMatch(/Chorus could not start\. Chorus is already running from this folder \(process \d+/);
    expect(npmStart.stdout).not.toMatch(/building/);
    expect(statSync(buildFile).mtimeMs).toBe(built);

    // Every connection the app holds is dropped by the server: the app logs it and keeps serving.
    const port = readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[3];
    const admin = new pg.Client({ connectionString: `postgres://chorus:chorus-local-only@127.0.0.1:${port}/chorus` });
    await admin.connect();
    const terminated = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'chorus' and pid <> pg_backend_pid()");
    await admin.end();
    expect(terminated.rowCount).toBeGreaterThan(0);
    await until(() => first.stderr().includes("database connection lost; the pool will reconnect"));
    expect(first.child.exitCode).toBeNull();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    // Without COOKIE_SECRET, the development secret is made once and kept (owner-only) in the data folder.
    const secretFile = path.join(dataDir, "development-secret");
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const secret = readFileSync(secretFile, "utf8").trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const unsubscribe = `/unsubscribe/1-digest_daily.${createHmac("sha256", secret).update("unsubscribe:1-digest_daily").digest("hex").slice(0, 32)}`;
    expect((await fetch(`${url}${unsubscribe}`)).status).toBe(200);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const pgData = path.join(dataDir, "postgres");
    // PostgreSQL removes its pid file when it has shut down cleanly.
    expect(existsSync(path.join(pgData, "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(pgData, "postmaster.pid"))).toBe(false);

    // A stale pid file naming some other live process (a pid reused after a crash): that process
    // must not be signalled; the file is recognised as stale and start-up goes on.
    const bystander = spawn("sleep", ["60"], { stdio: "ignore" });
    writeFileSync(path.join(pgData, "postmaster.pid"), `${bystander.pid}\n${pgData}\n`);
    const second = startAppProcess({ DATA_DIR: dataDir });
    const secondUrl = await urlOf(second);
    expect(second.stdout()).not.toContain("Creating a new PostgreSQL cluster");
    expect(second.stdout()).not.toContain("Applied migrations");
    expect(second.stdout()).toContain("Removing a stale");
    expect((await fetch(`${secondUrl}/healthz`)).status).toBe(200);
    // Yesterday's links still open after a restart.
    expect(readFileSync(secretFile, "utf8").trim()).toBe(secret);
    expect((await fetch(`${secondUrl}${unsubscribe}`)).status).toBe(200);
    expect((await fetch(`${secondUrl}${unsubscribe.replace(/.$/, (c) => (c === "0" ? "1" : "0"))}`)).status).toBe(404);
    expect(bystander.exitCode).toBeNull();
    expect(bystander.signalCode).toBeNull();
    bystander.kill();
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
    expect(existsSync(path.join(pgData, "postmaster.pid"))).toBe(false);
  }, 60_000);

  it("ends with one line naming an unparseable DATABASE_URL", async () => {
    const run = startAppProcess({ DATABASE_URL: "localhost:5432/chorus" });
    expect(await run.exited).toBe(1);
    const lines = stderrLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Chorus could not start\. Configuration error: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
  }, 30_000);

  it("ends with one line when PostgreSQL cannot be reached", async () => {
    const run = startAppProcess({ DATABASE_URL: "postgres://chorus:secret@127.0.0.1:1/chorus" });
    expect(await run.exited).toBe(1);
    const lines = stderrLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/chorus/);
    expect(lines[0]).not.toContain("secret");
  }, 30_000);

  it("ends with one line when the port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const run = startAppProcess({ DATABASE_URL: process.env.DATABASE_URL, PORT: String(port) });
      expect(await run.exited).toBe(1);
      const lines = stderrLines(run);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toBe(`Chorus could not start. Port ${port} is already in use: stop the program using it, or start Chorus on another port, e.g. PORT=${port + 1} npm start`);
    } finally {
      blocker.close();
    }
  }, 30_000);
});
