import { defineConfig } from "@playwright/test";

export default defineConfig({ testDir: ".", testMatch: "failing.e2e.canary.ts", reporter: [["line"]] });
