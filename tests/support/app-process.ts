import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * The app as `npm run serve` runs it (one node process, so signals reach the app itself), for tests
 * of what only a real process shows: start-up, signals, connection loss, several instances.
 * Needs the Remix build (npm test builds before Vitest runs).
 */
const root = path.resolve(__dirname, "../..");

export interface AppProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

export function startAppProcess(env: Record<string, string | undefined>, entry = "app/server.ts"): AppProcess {
  const baseEnv = { ...process.env };
  delete baseEnv.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: root,
    env: { ...baseEnv, NODE_ENV: "development", LOG_LEVEL: "info", PORT: "0", RUN_WORKER: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits for a condition (a log line, say) without asserting how long it took; gives up after `limitMs`. */
export async function until(condition: () => boolean | Promise<boolean>, limitMs = 20_000) {
  for (let waited = 0; !(await condition()); waited += 50) {
    if (waited > limitMs) throw new Error("gave up waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The URL the app printed once it was ready. */
export async function urlOf(run: AppProcess, limitMs = 30_000): Promise<string> {
  let url: string | undefined;
  await until(() => {
    if (run.child.exitCode !== null) throw new Error(`the app exited: ${run.stderr()}`);
    url = run.stdout().match(/Chorus is running at (http:\/\/\S+)/)?.[1];
    return Boolean(url);
  }, limitMs).catch((error: Error) => {
    throw new Error(`${error.message}: the app did not start: ${run.stdout()} ${run.stderr()}`);
  });
  return url!;
}

export function stderrLines(run: AppProcess) {
  return run.stderr().split("\n").filter((line) => line.trim() && !line.includes("nodedir"));
}
