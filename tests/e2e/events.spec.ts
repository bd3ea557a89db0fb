import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// Each project has its own two members, so each finds its own registrations.
const PEOPLE = {
  "with-js": { first: "wren@chorus.example", second: "yusuf@chorus.example" },
  "no-js": { first: "uma@chorus.example", second: "tariq@chorus.example" },
} as const;
const HOST = "admin@chorus.example";
const PHONE = { width: 375, height: 812 };

/** A date some days ahead, typed as the form's hint asks ("27 3 2027"). */
function daysAhead(days: number) {
  const at = new Date(Date.now() + days * 86_400_000);
  return `${at.getUTCDate()} ${at.getUTCMonth() + 1} ${at.getUTCFullYear()}`;
}

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("events: a host creates and publishes an event, a member registers with an access need the host sees, and a cancellation moves the waiting list up", async ({ page, browser }, testInfo) => {
  // Three people in three browsers, every page scanned with axe: slow on a busy machine.
  test.setTimeout(360_000);
  const people = PEOPLE[testInfo.project.name as keyof typeof PEOPLE];
  const run = `${testInfo.project.name} ${Date.now().toString(36)}`;
  const title = `Drafting workshop on crisis cafés (${run})`;
  let eventUrl = "";
  let first: Page;
  let second: Page;

  await test.step("the host opens the events page and the new-event form; sending it empty is explained", async () => {
    await signIn(page, HOST);
    await page.goto("/events");
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Create an event" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create an event" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save draft" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Enter the event's title");
    await expect(summary).toContainText("Enter the date the event starts");
    await expect(page.locator("#field-purpose-error")).toContainText("Say what the event is for");
    await expectAccessible(page);
  });

  await test.step("the host fills in the event with one place and saves it as a draft, then publishes it", async () => {
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("What it is for").fill("To draft the crisis café demand together.\n\nBring your experience.");
    await page.getByLabel("Who it is for").fill("Anyone with experience of crisis services");
    await page.getByLabel("Workshop").check();
    await page.getByLabel("Online", { exact: true }).check();
    await page.getByLabel("Joining link (online, optional)").fill("https://meet.example.org/e2e-secret-room");
    await page.getByLabel("Date", { exact: true }).fill(daysAhead(3));
    await page.getByLabel("Starts at").fill("10:30");
    await page.getByLabel("Ends at").fill("12:30");
    await page.getByLabel("Number of places (optional)").fill("1");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();
    eventUrl = new URL(page.url()).pathname;
    await expectAccessible(page);
    await page.getByRole("button", { name: "Publish the event" }).click();
    await expect(page.getByRole("status")).toContainText("The event is published");
    await expectAccessible(page);
  });

  await test.step("a member registers in one step, telling the hosts about an access need, and sees the joining link", async () => {
    first = await as(browser, people.first);
    await first.goto(eventUrl);
    await expect(first.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(first.getByText("e2e-secret-room")).toHaveCount(0);
    await expectAccessible(first);
    await first.getByLabel("A quiet room").check();
    await first.getByLabel("Anything else that would help (optional)").fill("A seat near the door, please");
    await first.getByRole("button", { name: "Register", exact: true }).click();
    await expect(first.getByRole("status")).toContainText("You have a place");
    await expect(first.getByRole("heading", { name: "You have a place" })).toBeVisible();
    await expect(first.getByRole("link", { name: "https://meet.example.org/e2e-secret-room" })).toBeVisible();
    await expect(first.getByText("You told the hosts about access needs")).toBeVisible();
    await expectAccessible(first);
  });

  await test.step("a second member finds it full and joins the waiting list", async () => {
    second = await as(browser, people.second);
    await second.goto(eventUrl);
    await expect(second.getByText("Full: join the waiting list")).toBeVisible();
    await expectAccessible(second);
    await second.getByRole("button", { name: "Join the waiting list" }).click();
    await expect(second.getByRole("status")).toContainText("waiting list");
    await expect(second.getByText("You are number 1 on the waiting list")).toBeVisible();
    await expect(second.getByText("e2e-secret-room")).toHaveCount(0);
    await expectAccessible(second);
  });

  await test.step("the host sees the access need on the registrations page; other members do not", async () => {
    await page.getByRole("link", { name: "Registrations, access needs and attendance" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Registrations for “${title}”` })).toBeVisible();
    await expect(page.getByRole("cell", { name: "A quiet room; A seat near the door, please" })).toBeVisible();
    await expectAccessible(page);
    await expect(second.getByText("A seat near the door")).toHaveCount(0);
    const refused = await second.request.get(`${eventUrl}/registrations`, { maxRedirects: 0 });
    expect(refused.status()).toBe(403);
  });

  await test.step("the first member gives up their place with one button, and the waiting member moves up", async () => {
    await first.getByRole("button", { name: "Give up my place" }).click();
    await expect(first.getByRole("status")).toContainText("You have given up your place");
    await expectAccessible(first);
    await second.reload();
    await expect(second.getByRole("heading", { name: "You have a place" })).toBeVisible();
    await expect(second.getByRole("link", { name: "https://meet.example.org/e2e-secret-room" })).toBeVisible();
    await expectAccessible(second);
  });

  await test.step("the event page fits a phone, and the member's calendar address is in their settings", async () => {
    await second.setViewportSize(PHONE);
    await second.reload();
    await expect(second.getByRole("heading", { level: 1, name: title })).toBeVisible();
    expect(await pageWidth(second)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(second);
    await second.goto("/settings/calendar");
    await expect(second.getByLabel("Your private calendar address")).toHaveValue(/\/events\/feed\/.+\.ics$/);
    expect(await pageWidth(second)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(second);
  });
});
