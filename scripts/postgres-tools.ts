import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * PostgreSQL's own backup programs (pg_dump, pg_restore) for the backup and restore scripts. They
 * must be at least the server's version: `PG_BIN` names their folder, else PATH, else the newest
 * /usr/lib/postgresql/<version>/bin (Debian's `postgresql-client` package).
 */
export function findTool(name: "pg_dump" | "pg_restore"): { path: string; major: number } {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(path.join(process.env.PG_BIN, name));
  candidates.push(name);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debian, version, "bin", name));
  }
  for (const candidate of candidates) {
    try {
      const version = execFileSync(candidate, ["--version"], { encoding: "utf8" });
      return { path: candidate, major: Number(/(\d+)(\.\d+)?/.exec(version)![1]) };
    } catch {
      /* not here */
    }
  }
  throw new Error(`${name} was not found: install PostgreSQL's client programs (apt-get install -y postgresql-client), or set PG_BIN to their folder`);
}

/** The server's major version (e.g. 15, 18). */
export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("show server_version_num");
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/** A URL without its password (which goes to the programs in PGPASSWORD, never on a command line). */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = "";
  return { url: parsed.toString(), password };
}
