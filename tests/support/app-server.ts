import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createExpressApp } from "../../app/http/express-app.server";

const root = path.resolve(__dirname, "../..");

/**
 * The real HTTP stack (guard, CSRF, headers, the fast paths, the Remix build) on a free port, over
 * this test file's database. Needs the Remix build: `npm test` builds before Vitest runs.
 */
export async function startAppServer(): Promise<{ base: string; close: () => Promise<void> }> {
  const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
  const app = createExpressApp(build, { publicDir: path.join(root, "public") });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
