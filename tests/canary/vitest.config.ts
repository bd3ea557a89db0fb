import { defineConfig } from "vitest/config";
import base from "../vitest.config";

// The real harness (global embedded PostgreSQL, a database per file) around one failing test.
export default defineConfig({ ...base, test: { ...base.test, include: ["tests/canary/failing.canary.ts"] } });
