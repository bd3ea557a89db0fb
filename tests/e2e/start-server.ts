import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// The e2e server: the production build on a fresh embedded database, demo data seeded, mail kept
// in the development outbox where the tests read it.
// One data folder per port, so e2e runs in several checkouts at once (E2E_PORT) do not collide.
const port = process.env.E2E_PORT ?? "3111";
const dataDir = path.join(os.tmpdir(), `chorus-e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
chmodSync(dataDir, 0o755);

Object.assign(process.env, {
  NODE_ENV: "test",
  PORT: port,
  HOST: "127.0.0.1",
  APP_URL: `http://localhost:${port}`,
  DATA_DIR: dataDir,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
  SEED_DEMO_DATA: "true",
  RUN_WORKER: "true",
});
delete process.env.DATABASE_URL;
delete process.env.RESEND_API_KEY;

// Start the database first and tell the specs where it is, so a spec can move a deadline into the
// past (as time would) instead of waiting for it.
const { startDatabase } = await import("../../db/start");
writeFileSync(path.join(dataDir, "database-url"), await startDatabase());
await import("../../app/server");
