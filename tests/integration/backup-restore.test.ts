import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startAppProcess, urlOf, type AppProcess } from "../support/app-process";
import { startSystemPostgres, type SystemPostgres } from "../support/system-postgres";
import { cookieFrom } from "./http";

/**
 * `npm run db:backup` and `npm run db:restore` with PostgreSQL's own pg_dump and pg_restore, against
 * a server Chorus did not start (the machine's PostgreSQL): the demo coalition is backed up while
 * the app runs, restored into an empty database, and the app starts and serves on the copy.
 */
const root = path.resolve(__dirname, "../..");
let server: SystemPostgres | undefined;
const apps: AppProcess[] = [];
afterAll(async () => {
  for (const app of apps) app.child.kill("SIGTERM");
  await Promise.all(apps.map((a) => a.exited));
  server?.stop();
});

async function sql<T extends pg.QueryResultRow>(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const script = (name: string, url: string, args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });

const TABLES = ["member", "organisation", "demand", "vote", "comment", "campaign", "petition_signature", "letter", "email"];
const counts = async (url: string) => {
  const rows = await sql<{ t: string; n: string }>(url, TABLES.map((t) => `select '${t}' as t, count(*) as n from ${t}`).join(" union all "));
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
};

describe("backup and restore", () => {
  it("backs up the demo while the app runs, restores it into an empty server database, and the app starts on it", async () => {
    server = await startSystemPostgres();
    await sql(server.url("postgres"), "create database chorus_source");
    await sql(server.url("postgres"), "create database chorus_copy");
    const source = server.url("chorus_source");
    const copy = server.url("chorus_copy");

    const original = startAppProcess({ DATABASE_URL: source, SEED_DEMO_DATA: "true", RUN_WORKER: "true" });
    apps.push(original);
    await urlOf(original, 120_000);
    const before = await counts(source);
    expect(before.member).toBeGreaterThan(20);
    expect(before.petition_signature).toBeGreaterThan(0);

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "chorus-backup-")), "demo.dump");
    const backup = script("backup", source, [file]);
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`Backed up to .*demo\\.dump \\(\\d+ KB, PostgreSQL ${server.major}, pg_dump ${server.major}\\)`));
    original.child.kill("SIGTERM");
    expect(await original.exited).toBe(0);

    const restore = script("restore", copy, [file]);
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);
    expect(await counts(copy)).toEqual(await counts(source));
    // Restoring over data is refused, and changes nothing.
    const again = script("restore", copy, [file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("The database is not empty");

    // The app starts on the copy (no new demo data: it is not empty) and a demo member signs in.
    const restored = startAppProcess({ DATABASE_URL: copy, SEED_DEMO_DATA: "true", RUN_WORKER: "false" });
    apps.push(restored);
    const base = await urlOf(restored, 60_000);
    expect(restored.stdout()).not.toContain("Demo data created");
    expect((await fetch(`${base}/demands`)).status).toBe(200);
    const signIn = await fetch(`${base}/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
      body: new URLSearchParams({ intent: "password", email: "priya@chorus.example", password: "chorus-demo-2026", redirectTo: "/settings" }),
      redirect: "manual",
    });
    expect(signIn.status).toBe(302);
    const settings = await fetch(`${base}/settings`, { headers: { Cookie: cookieFrom(signIn.headers.getSetCookie()) } });
    expect(await settings.text()).toContain("Priya");
  }, 240_000);

  it("refuses to run without DATABASE_URL or with too old a pg_dump, saying what to do", async () => {
    const missing = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: "" }, encoding: "utf8" });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("copying its data folder");
    // A pg_dump older than the server (as Debian's 15 is for the embedded 18) is refused before it runs.
    const bin = mkdtempSync(path.join(os.tmpdir(), "chorus-old-pg-"));
    writeFileSync(path.join(bin, "pg_dump"), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', { mode: 0o755 });
    const old = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", path.join(bin, "never.dump")], { cwd: root, env: { ...process.env, PG_BIN: bin }, encoding: "utf8" });
    expect(old.status).toBe(1);
    expect(old.stderr).toMatch(/The database is PostgreSQL 1\d but .*pg_dump is version 9: pg_dump must be 1\d or newer/);
    expect(existsSync(path.join(bin, "never.dump"))).toBe(false);
  });
});
