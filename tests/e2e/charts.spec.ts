import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * Every chart keeps a modest, fixed height at a phone's width and a desktop's: a chart used to scale
 * its drawing to the page's width, so a single day of data became one bar thousands of pixels tall.
 */
const WIDTHS = [
  { name: "phone", width: 375, height: 800 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

/** The two demo campaigns Priya organises: a running one with a petition and letters, and a won one. */
const CAMPAIGNS = ["Crisis houses in every region by 2028", "Advocacy as of right"];

async function measureCharts(page: Page) {
  return page.evaluate(() => ({
    charts: [...document.querySelectorAll("svg[role=img]")].map((svg) => {
      const box = svg.getBoundingClientRect();
      return { label: svg.getAttribute("aria-label") ?? "", width: box.width, height: box.height, right: box.right };
    }),
    blocks: [...document.querySelectorAll(".chart")].map((block) => block.getBoundingClientRect().height),
    page: { height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth },
  }));
}

test("every chart on a campaign dashboard has a modest height and a name, on a phone and a desktop", async ({ page }) => {
  test.setTimeout(180_000);
  const dashboards: string[] = [];

  await test.step("an organiser finds the dashboards of a running and a won campaign", async () => {
    await signIn(page, "priya@chorus.example");
    await page.goto("/campaigns");
    await expectAccessible(page);
    for (const title of CAMPAIGNS) {
      const href = await page.getByRole("link", { name: title, exact: true }).getAttribute("href");
      dashboards.push(`${href}/dashboard`);
    }
  });

  for (const size of WIDTHS) {
    await test.step(`at ${size.width} pixels wide every chart is under 400 pixels tall, named, and the page is not stretched`, async () => {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const url of dashboards) {
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 1, name: /^Dashboard: / })).toBeVisible();
        // The weekly timeline chart: the demo's entries fall in three different weeks at least.
        await expect(page.getByRole("img", { name: /^Timeline entries by week, weeks beginning .*: \d+ in all, most in the week beginning / })).toBeVisible();
        const measured = await measureCharts(page);
        expect(measured.charts.length, url).toBeGreaterThan(0);
        for (const chart of measured.charts) {
          expect(chart.height, chart.label).toBeGreaterThan(100);
          expect(chart.height, chart.label).toBeLessThan(400);
          expect(chart.right, `${chart.label} stays within the page`).toBeLessThanOrEqual(measured.page.viewport);
        }
        // A chart with its title, note and the scrolling table of its numbers stays a modest block too.
        for (const block of measured.blocks) expect(block, `a chart block on ${url}`).toBeLessThan(size.width < 600 ? 750 : 450);
        // The page scrolls down, not sideways, and its height is its content's: a dashboard with a
        // few charts, a table by area and recent activity, not thousands of pixels of bar.
        expect(measured.page.width, url).toBeLessThanOrEqual(measured.page.viewport);
        expect(measured.page.height, url).toBeLessThan(size.width < 600 ? 6_000 : 4_000);
        await expectAccessible(page);
      }
    });
  }

  await test.step("a day with all the signatures is said as a number, with the numbers in words and no chart", async () => {
    await page.goto(dashboards[0]!);
    const signatures = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Signatures" }) });
    await expect(signatures.getByRole("heading", { level: 3, name: "Confirmed signatures by day" })).toBeVisible();
    // The demo's signers all confirmed on the day it was loaded; other specs' signers sign on the same day.
    await expect(signatures.getByText(/^\d+ confirmed signatures, all on \d+ \w+ \d{4}\.$/)).toBeVisible();
    await expect(signatures.getByRole("img")).toHaveCount(0);
    await expectAccessible(page);
  });
});
