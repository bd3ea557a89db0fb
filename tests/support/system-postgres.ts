import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../db/embedded";

/**
 * A throwaway cluster of the machine's own PostgreSQL (Debian's `postgresql` package: 15 on these
 * machines), for checking Chorus against a server it did not start itself and for pg_dump/pg_restore,
 * whose version must be at least the server's (the embedded server is 18; Debian's tools are 15).
 * Install with `apt-get install -y postgresql`; `.ci/run` does. SYSTEM_POSTGRES_BIN names another folder.
 */
export interface SystemPostgres {
  binDir: string;
  major: number;
  url: (database: string) => string;
  stop: () => void;
}

export function systemPostgresBinDir(): string {
  const configured = process.env.SYSTEM_POSTGRES_BIN;
  if (configured) return configured;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, "bin")).find((dir) => ["initdb", "pg_ctl", "pg_dump", "pg_restore"].every((tool) => existsSync(path.join(dir, tool))));
  if (!found) throw new Error("PostgreSQL's own programs were not found (looked in /usr/lib/postgresql/*/bin): install them with `apt-get install -y postgresql`, or set SYSTEM_POSTGRES_BIN");
  return found;
}

export async function startSystemPostgres(): Promise<SystemPostgres> {
  const binDir = systemPostgresBinDir();
  const major = Number(/(\d+)/.exec(execFileSync(path.join(binDir, "pg_ctl"), ["--version"], { encoding: "utf8" }))![1]);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chorus-system-pg-"));
  chmodSync(dataDir, 0o700);
  // PostgreSQL will not run as root: as root (CI), the cluster belongs to the postgres user.
  const asRoot = os.userInfo().uid === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    chownSync(dataDir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(binDir, tool);
    const argv = asRoot ? ["-u", "postgres", "--", path.join(binDir, tool), ...args] : args;
    const result = spawnSync(command, argv, { encoding: "utf8", cwd: os.tmpdir() });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  run("initdb", ["-D", dataDir, "-U", "chorus", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  run("pg_ctl", ["-D", dataDir, "-w", "-l", path.join(dataDir, "server.log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c fsync=off`, "start"]);
  return {
    binDir,
    major,
    url: (database) => `postgres://chorus@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        run("pg_ctl", ["-D", dataDir, "-w", "-m", "fast", "stop"]);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
