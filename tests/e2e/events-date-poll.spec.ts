import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// Each project has its own member answering, so each sees only its own poll's answers.
const MEMBER = { "with-js": "wren@chorus.example", "no-js": "uma@chorus.example" } as const;
const HOST = "admin@chorus.example";
const PHONE = { width: 375, height: 812 };

function daysAhead(days: number) {
  const at = new Date(Date.now() + days * 86_400_000);
  return `${at.getUTCDate()} ${at.getUTCMonth() + 1} ${at.getUTCFullYear()}`;
}

async function as(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await signIn(page, email);
  return page;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("choosing a date: a host offers dates, a member answers, the host picks one and the event takes it", async ({ page, browser }, testInfo) => {
  // Two browsers, every page scanned with axe: slow on a busy machine.
  test.setTimeout(360_000);
  const run = `${testInfo.project.name} ${Date.now().toString(36)}`;
  const title = `Planning day (${run})`;
  let pollUrl = "";

  await test.step("the host saves a draft and opens the date poll; offering nothing is explained", async () => {
    await signIn(page, HOST);
    await page.goto("/events/new");
    await expectAccessible(page);
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("What it is for").fill("To plan next year's work together.");
    await page.getByLabel("Who it is for").fill("All members");
    await page.getByLabel("Meeting", { exact: true }).check();
    await page.getByLabel("Online", { exact: true }).check();
    await page.getByLabel("Date", { exact: true }).fill(daysAhead(40));
    await page.getByLabel("Starts at").fill("10:00");
    await page.getByLabel("Ends at").fill("12:00");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await page.getByRole("link", { name: "Choose a date with the people invited" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Choose a date: “${title}”` })).toBeVisible();
    pollUrl = new URL(page.url()).pathname;
    await expectAccessible(page);
    await page.getByRole("button", { name: "Offer these dates" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Offer at least two dates and times");
    await expectAccessible(page);
  });

  await test.step("the host offers two dates; a mistake in one keeps what was typed", async () => {
    const first = page.getByRole("group", { name: "Date 1" });
    const second = page.getByRole("group", { name: "Date 2" });
    await first.getByLabel("Date", { exact: true }).fill(daysAhead(40));
    await first.getByLabel("Starts at").fill("10:00");
    await first.getByLabel("Ends at").fill("12:00");
    await second.getByLabel("Date", { exact: true }).fill(daysAhead(42));
    await second.getByLabel("Starts at").fill("18:00");
    await second.getByLabel("Ends at").fill("17:00");
    await page.getByRole("button", { name: "Offer these dates" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Date 2: the end time must be after the start time");
    await expect(page.getByRole("group", { name: "Date 1" }).getByLabel("Starts at")).toHaveValue("10:00");
    await expectAccessible(page);
    await page.getByRole("group", { name: "Date 2" }).getByLabel("Ends at").fill("20:00");
    await page.getByRole("button", { name: "Offer these dates" }).click();
    await expect(page.getByRole("status")).toContainText("The dates are offered");
    await expect(page.getByRole("heading", { name: "Choose the date" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("a member answers on a phone-sized screen, then changes an answer", async () => {
    const member = await as(browser, MEMBER[testInfo.project.name as keyof typeof MEMBER], PHONE);
    await member.goto(pollUrl);
    await expect(member.getByRole("heading", { name: "Which times suit you?" })).toBeVisible();
    await expectAccessible(member);
    // Each offered time is a fieldset named by its date and time (other groups on the page, such as the header's, come first).
    const groups = member.getByRole("group", { name: / at \d{2}:\d{2} / });
    await groups.nth(0).getByLabel("If need be").check();
    await member.getByRole("button", { name: "Save my answers" }).click();
    await expect(member.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Choose yes, if need be or no");
    await expectAccessible(member);
    await groups.nth(0).getByLabel("Yes", { exact: true }).check();
    await groups.nth(1).getByLabel("No", { exact: true }).check();
    await member.getByRole("button", { name: "Save my answers" }).click();
    await expect(member.getByRole("status")).toContainText("Your answers are saved");
    await expect(groups.nth(0).getByLabel("Yes", { exact: true })).toBeChecked();
    expect(await pageWidth(member)).toBeLessThanOrEqual(PHONE.width);
    await expect(member.getByText("Who said what")).toHaveCount(0);
    await expectAccessible(member);
    await member.context().close();
  });

  await test.step("the host sees the totals and who said what, picks the first date and publishes", async () => {
    await page.goto(pollUrl);
    await expect(page.getByRole("heading", { name: "Who said what (hosts only)" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("group", { name: "The date and time for the event" }).getByRole("radio").first().check();
    await page.getByLabel("Publish the event now").check();
    await page.getByRole("button", { name: "Choose this date" }).click();
    await expect(page.getByRole("status")).toContainText("The date is chosen and the event is published");
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expectAccessible(page);
    await page.goto(pollUrl);
    await expect(page.getByText("The date is chosen:")).toBeVisible();
    await expectAccessible(page);
  });
});
