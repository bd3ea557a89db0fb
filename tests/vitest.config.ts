import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const alias = { "~": path.join(root, "app") };
const env = { NODE_ENV: "test", LOG_LEVEL: "silent" } as const;

/**
 * Two projects: `unit` (pure code beside it in app/, and tests/unit: no database, seconds) and
 * `integration` (tests/integration: real PostgreSQL, one fresh database per file).
 * `npm run test:unit` runs the first alone.
 */
/** The integration harness: one PostgreSQL per run, a fresh database per file (the canary reuses it). */
export const integrationTest = {
  name: "integration",
  root,
  include: ["tests/integration/**/*.test.{ts,tsx}"],
  globalSetup: ["tests/integration/global-setup.ts"],
  setupFiles: ["tests/integration/setup-database.ts"],
  pool: "forks" as const,
  // Each test file gets its own database, so files can run side by side.
  maxWorkers: 2,
  testTimeout: 20_000,
  hookTimeout: 60_000,
  env,
  // Unit tests run first, then these (projects with their own worker counts need an order).
  sequence: { groupOrder: 1 },
};

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", root, include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts"], env, testTimeout: 20_000, sequence: { groupOrder: 0 } } },
      { resolve: { alias }, test: integrationTest },
    ],
  },
});
