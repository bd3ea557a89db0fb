import type { Client } from "pg";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Fails with a readable list when axe finds any WCAG 2.2 AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  // axe runs as a script in the page, so it cannot run where JavaScript is off. Those runs serve the
  // same server-rendered HTML that the with-js project scans.
  if (scriptsOff) return;
  // Legacy mode runs axe in the page itself instead of opening a helper page per scan (much faster
  // here); Chorus has no cross-origin frames for the newer mode to reach. The outbox's email preview
  // is the email's own HTML in a script-free sandbox, not a Chorus page, so it is left out.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).exclude("iframe.email-frame").analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  scanned.get(page)?.add(pathOf(page.url()));
}

const scanned = new WeakMap<Page, Set<string>>();
// Set per test: contexts the test opens itself inherit the project's javaScriptEnabled too.
let scriptsOff = false;
const pathOf = (url: string) => new URL(url).pathname;

/**
 * `page` that remembers every document it loads; at the end of each test, every page visited must
 * have been scanned with axe at least once, so no page slips through unchecked.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page, javaScriptEnabled }, use) => {
    const visited = new Set<string>();
    scriptsOff = !javaScriptEnabled;
    scanned.set(page, new Set());
    page.on("load", () => {
      const url = page.url();
      if (url.startsWith("http") && !url.includes("/html")) visited.add(pathOf(url));
    });
    await use(page);
    if (!javaScriptEnabled) return;
    const missed = [...visited].filter((p) => !scanned.get(page)!.has(p));
    expect(missed, "pages visited but never scanned with axe").toEqual([]);
  },
});

export { expect };

/** Reads the newest outbox message to `to` whose subject matches, waiting for the worker to deliver it. */
export async function openLatestEmail(page: Page, to: string, subject: RegExp) {
  await expect
    .poll(
      async () => {
        await page.goto(`/dev/outbox?to=${encodeURIComponent(to)}`);
        return page.getByRole("link", { name: subject }).count();
      },
      { timeout: 15_000, intervals: [250, 500, 1000] },
    )
    .toBeGreaterThan(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: subject }).first().click();
  await expectAccessible(page);
  return page.getByTestId("email-text").innerText();
}

/** The first link in an email's plain text that starts with `prefix` (a path such as /verify/). */
export function linkFrom(text: string, prefix: string) {
  const match = text.match(new RegExp(`https?://[^\\s]+${prefix.replace(/[/]/g, "\\/")}[^\\s)]*`));
  if (!match) throw new Error(`No ${prefix} link in:\n${text}`);
  return match[0];
}

/**
 * Runs `work` with a client of the e2e server's database (whose address start-server.ts wrote), for
 * setting up what a spec needs that another part of Chorus makes, or for fast-forwarding time.
 */
export async function withE2eDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const { readFileSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const pg = (await import("pg")).default;
  const url = readFileSync(path.join(os.tmpdir(), `chorus-e2e-${process.env.E2E_PORT ?? "3111"}`, "database-url"), "utf8");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs statements on the e2e server's database, in order. */
async function onE2eDatabase(statements: Array<[string, unknown[]]>) {
  await withE2eDatabase(async (client) => {
    for (const [text, params] of statements) await client.query(text, params);
  });
}

/** Moves a vote's deadline (and its close job) to now, as if the week had passed; the app's own job worker then closes it. */
export async function fastForwardVoting(demandId: number) {
  await onE2eDatabase([
    ["update demand set voting_ends_at = now() - interval '1 second' where id = $1", [demandId]],
    ["update pgboss.job set start_after = now() where name = 'demand.close-voting' and data->>'demandId' = $1 and state = 'created'", [String(demandId)]],
  ]);
}

/** As if two weeks had passed since letters to this decision maker were sent: the app's follow-up sweep then asks their writers. */
export async function fastForwardLetters(targetEmail: string) {
  await onE2eDatabase([
    ["update letter_message set sent_at = now() - interval '15 days' where status = 'sent' and target_id = (select id from target where email_normalised = lower($1))", [targetEmail]],
  ]);
}

/** The demo accounts' shared password (README); sign-in is rate limited per email, so specs spread across accounts. */
export const DEMO_PASSWORD = "chorus-demo-2026";

/**
 * Sessions already made in this run, by project and account. Sign-in is rate limited per account and
 * network (8 in 15 minutes), as it must be; the suite signs some accounts in more often than that, so
 * the first sign-in per account and project goes through the form and later ones reuse its cookies
 * (Playwright's storage-state pattern), unless the session has ended since.
 */
const sessions = new Map<string, Awaited<ReturnType<BrowserContext["cookies"]>>>();

/** Signs a demo member in with their password, scanning the sign-in page on the way. */
export async function signIn(page: Page, email: string) {
  const key = `${scriptsOff ? "no-js" : "with-js"} ${email}`;
  const saved = sessions.get(key);
  if (saved) {
    await page.context().clearCookies();
    await page.context().addCookies(saved);
    const settings = await page.request.get("/settings", { maxRedirects: 0 });
    if (settings.status() === 200) return;
    sessions.delete(key);
  }
  await signInWithForm(page, email);
  sessions.set(key, await page.context().cookies());
}

/** The sign-in form itself, every time (for tests of signing in). */
export async function signInWithForm(page: Page, email: string) {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.locator("#field-email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("You are signed in");
}

/**
 * Records an ask of the running demo campaign's (the newest active one) to a directory decision maker,
 * moved to "committed" today with their response (today, so it is among the asks the tracker shows
 * first for its demand, whatever other specs have asked), the way the organisers' pages would; returns what the
 * pages should show. Written straight to the e2e database so public-page specs need no organiser flow.
 */
export async function recordE2eAsk(summary: string) {
  const { readFileSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const pg = (await import("pg")).default;
  const url = readFileSync(path.join(os.tmpdir(), `chorus-e2e-${process.env.E2E_PORT ?? "3111"}`, "database-url"), "utf8");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const campaign = (await client.query("select c.id, c.title, c.demand_id from campaign c where c.status = 'active' order by c.id desc limit 1")).rows[0];
    const target = (await client.query("select id, name, email from target where source = 'directory' order by id limit 1")).rows[0];
    const ask = (
      await client.query(
        "insert into ask (campaign_id, target_id, request, channel, asked_on, status, status_on, summary) values ($1, $2, 'Will you fund a crisis house in every region?', 'meeting', current_date - 20, 'committed', current_date, $3) returning id",
        [campaign.id, target.id, summary],
      )
    ).rows[0];
    await client.query("insert into ask_status_change (ask_id, status, summary, happened_on, source) values ($1, 'asked', '', current_date - 20, 'organiser'), ($1, 'committed', $2, current_date, 'organiser')", [ask.id, summary]);
    await client.query("insert into ask_response (ask_id, body, via, responder, source, received_on) values ($1, 'We will fund **three** regions this year.', 'organiser', $2, 'Letter by post', current_date)", [ask.id, target.name]);
    return { askId: Number(ask.id), campaignId: Number(campaign.id), campaignTitle: String(campaign.title), demandId: Number(campaign.demand_id), targetId: Number(target.id), targetName: String(target.name), targetEmail: String(target.email) };
  } finally {
    await client.end();
  }
}
