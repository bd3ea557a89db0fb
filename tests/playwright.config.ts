import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests drive Debian's Chromium (Playwright cannot download its own browser here)
 * against the production build, served with a fresh embedded database of its own.
 */
const port = Number(process.env.E2E_PORT ?? 3111);
const baseURL = `http://localhost:${port}`;
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  throw new Error(`Chromium not found at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
}

const launchOptions = {
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "../test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: { baseURL, launchOptions, trace: "retain-on-failure" },
  projects: [
    { name: "with-js", use: { javaScriptEnabled: true } },
    // Every flow must work without JavaScript: the same specs run with it switched off.
    { name: "no-js", use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: "node --import tsx e2e/start-server.ts",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
