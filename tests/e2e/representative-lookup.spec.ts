import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startParliamentStandIn } from "../support/parliament-stand-in";
import { expect, expectAccessible, test } from "./fixtures";

// The lookup is a start-up setting, so this spec runs a second app process with it on, on the e2e
// server's database (the demo's open letter campaign), asking a local stand-in for postcodes.io and
// UK Parliament's Members API.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const e2ePort = Number(process.env.E2E_PORT ?? 3111);
const RUNS = {
  "with-js": { port: e2ePort + 61, postcode: "ze1 0aa", broken: "ZE1 0AB", member: "Alys Tregarthen", code: "E14009901" },
  "no-js": { port: e2ePort + 62, postcode: "ZE2 9AB", broken: "ZE2 9AD", member: "Bryn Pengelly", code: "E14009902" },
} as const;

let standIn: Awaited<ReturnType<typeof startParliamentStandIn>>;
let app: ChildProcess | undefined;
let dataDir: string;
let slug: string;
let origin: string;

test.beforeAll(async () => {
  const run = RUNS[test.info().project.name as keyof typeof RUNS];
  const databaseUrl = readFileSync(path.join(os.tmpdir(), `chorus-e2e-${e2ePort}`, "database-url"), "utf8");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  slug = (await client.query("select slug from letter_campaign where status = 'open' and 'mp' = any(own_roles) and not test_mode order by id limit 1")).rows[0].slug;
  await client.end();

  standIn = await startParliamentStandIn();
  // Each project its own constituency code: the other's MP is cached by code on the shared database.
  standIn.add({ code: run.code, name: "Shetland and the Far North", id: 9901, member: { id: 99_001 + run.port, name: run.member, party: "Independent", email: `mp-${run.port}@parliament.example` } }, run.postcode, run.broken);

  dataDir = mkdtempSync(path.join(os.tmpdir(), "chorus-e2e-lookup-"));
  origin = `http://localhost:${run.port}`;
  app = spawn(process.execPath, ["--import", "tsx", "app/server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(run.port),
      HOST: "127.0.0.1",
      APP_URL: origin,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      SEED_DEMO_DATA: "false",
      RUN_WORKER: "false",
      LOG_LEVEL: "error",
      REPRESENTATIVE_LOOKUP: "uk-parliament",
      POSTCODES_API_URL: standIn.url,
      MEMBERS_API_URL: standIn.url,
      REPRESENTATIVE_LOOKUP_TIMEOUT_MS: "1000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${origin}/healthz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (tries > 300 || app.exitCode !== null) throw new Error("the app with the lookup on did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app!.once("exit", r));
    app.kill("SIGTERM");
    await exited;
  }
  await standIn?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const PERSONAL =
  "Last winter I waited nine hours in A&E during a crisis because nothing else was open. A crisis house near home would have given me a quiet room and people who understood, and I would have been back at work sooner.";

test("a writer's MP is found from their postcode through UK Parliament, and a failed lookup falls back to the directory with a message", async ({ page }, testInfo) => {
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];

  await test.step("the postcode finds the writer's MP, beside the campaign's chosen minister", async () => {
    await page.goto(`${origin}/letters/${slug}`);
    await expectAccessible(page);
    await page.getByLabel("Your postcode").fill(run.postcode);
    await page.getByRole("button", { name: "Find who to write to" }).click();
    await expect(page.getByText("We found your MP from your postcode, through UK Parliament: you live in Shetland and the Far North.")).toBeVisible();
    const recipients = page.locator("ul.recipients");
    await expect(recipients).toContainText(`${run.member}, MP, Shetland and the Far North`);
    await expect(recipients).toContainText("Minister for Care");
    await expectAccessible(page);
  });

  await test.step("the preview is addressed to the MP", async () => {
    await page.getByLabel("Opening").fill("I am writing as your constituent to ask you to back a crisis house in every region.");
    await page.getByLabel("In your own words: why this matters to you").fill(PERSONAL);
    await page.getByLabel("Your name").fill("Morag Writer");
    await page.getByLabel("Your email address").fill(`lookup-${testInfo.project.name}-${Date.now().toString(36)}@example.org`);
    await page.getByRole("button", { name: "Preview my letter" }).click();
    await expect(page.getByRole("article", { name: `Letter to ${run.member}` })).toContainText(`Dear ${run.member},`);
    await expectAccessible(page);
  });

  await test.step("when UK Parliament cannot be reached, the letter goes to the directory and the page says so", async () => {
    standIn.misbehave("postcodes", 503);
    await page.goto(`${origin}/letters/${slug}?postcode=${encodeURIComponent(run.broken)}`);
    await expect(page.getByText("We could not look up your MP just now, so your letter goes to the decision makers our directory lists for your area.")).toBeVisible();
    await expect(page.locator("ul.recipients")).toContainText("Minister for Care");
    await expect(page.locator("ul.recipients")).not.toContainText(run.member);
    await expectAccessible(page);
    standIn.misbehave("postcodes", null);
  });
});
