import path from "node:path";
import { defineConfig } from "vitest/config";
import { integrationTest } from "../vitest.config";

// The real harness (one PostgreSQL, a database per file) around one failing test.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "../../app") } },
  test: { ...integrationTest, include: ["tests/canary/failing.canary.ts"] },
});
