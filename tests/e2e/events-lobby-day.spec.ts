import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// The demo's running campaign (crisis houses) is led by Ruth, who also runs an organisation.
const ORGANISER = "ruth@chorus.example";
const PHONE = { width: 375, height: 812 };

function daysAhead(days: number) {
  const at = new Date(Date.now() + days * 86_400_000);
  return `${at.getUTCDate()} ${at.getUTCMonth() + 1} ${at.getUTCFullYear()}`;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Picks the first host whose name contains `text` (the campaign, not Ruth's organisation). */
async function chooseHost(page: Page, text: string) {
  const value = await page.locator("#field-host option", { hasText: text }).first().getAttribute("value");
  await page.getByLabel("Who is hosting it").selectOption(value!);
}

test("lobby days: an organiser creates a lobby day and a local event, the lobby day lists it by region with totals, and a demand shows where it was proposed", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const run = `${testInfo.project.name} ${Date.now().toString(36)}`;
  const lobbyTitle = `Lobby day for crisis houses (${run})`;
  const localTitle = `Newcastle: meet your MP (${run})`;
  let lobbyUrl = "";

  await test.step("the organiser creates a lobby day hosted by the campaign and publishes it", async () => {
    await signIn(page, ORGANISER);
    await page.goto("/events/new");
    await expectAccessible(page);
    await chooseHost(page, "The campaign");
    await page.getByLabel("Title", { exact: true }).fill(lobbyTitle);
    await page.getByLabel("What it is for").fill("Meeting MPs across the country on one day.");
    await page.getByLabel("Who it is for").fill("Everyone who wants crisis houses");
    await page.getByLabel("Lobby day").check();
    await page.getByLabel("Online", { exact: true }).check();
    await page.getByLabel("Date", { exact: true }).fill(daysAhead(20));
    await page.getByLabel("Starts at").fill("09:00");
    await page.getByLabel("Ends at").fill("17:00");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: lobbyTitle })).toBeVisible();
    lobbyUrl = new URL(page.url()).pathname;
    await page.getByRole("button", { name: "Publish the event" }).click();
    await expect(page.getByRole("status")).toContainText("The event is published");
    await expect(page.getByRole("heading", { level: 2, name: "Local events" })).toBeVisible();
    await expect(page.getByText("No local events are published yet.")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the organiser adds a local event from the lobby day's page; leaving out the region is explained", async () => {
    await page.getByRole("link", { name: "Add a local event to this lobby day" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add a local event to this lobby day" })).toBeVisible();
    await expect(page.getByText(`Part of the lobby day “${lobbyTitle}”`)).toBeVisible();
    await expectAccessible(page);
    await chooseHost(page, "The campaign");
    await page.getByLabel("Title", { exact: true }).fill(localTitle);
    await page.getByLabel("What it is for").fill("We prepare together, then go to the surgery.");
    await page.getByLabel("Who it is for").fill("Anyone in the North East");
    await page.getByLabel("Address (in person)").fill("Newcastle Civic Centre");
    await page.getByLabel("Date", { exact: true }).fill(daysAhead(20));
    await page.getByLabel("Starts at").fill("10:00");
    await page.getByLabel("Ends at").fill("12:00");
    await page.getByLabel("Number of places (optional)").fill("10");
    await page.getByRole("button", { name: "Save draft" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Choose the region of this local event");
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(localTitle);
    await expectAccessible(page);
    await page.getByLabel("Region (optional)").selectOption("North East");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: localTitle })).toBeVisible();
    await expect(page.getByText("Part of the lobby day")).toBeVisible();
    await page.getByRole("button", { name: "Publish the event" }).click();
    await expect(page.getByRole("status")).toContainText("The event is published");
    await expectAccessible(page);
  });

  await test.step("the organiser records a meeting booked with a decision maker", async () => {
    await page.getByRole("button", { name: "Record the meeting" }).click();
    await expect(page.locator("#field-target-error")).toContainText("Choose the decision maker");
    await expectAccessible(page);
    await page.getByLabel("Decision maker you have a meeting booked with").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Record the meeting" }).click();
    await expect(page.getByRole("status")).toContainText("The meeting is recorded");
    await expectAccessible(page);
  });

  await test.step("the lobby day's page lists the local event under its region with totals, also on a phone", async () => {
    await page.goto(lobbyUrl);
    const region = page.getByRole("region", { name: "Totals by region" });
    const row = region.getByRole("row", { name: /North East/ });
    await expect(row).toContainText("1");
    await expect(page.getByRole("heading", { level: 3, name: "North East" })).toBeVisible();
    await expect(page.getByRole("link", { name: localTitle })).toBeVisible();
    await expect(page.getByText("1 meeting booked")).toBeVisible();
    await expectAccessible(page);
    await page.setViewportSize(PHONE);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
  });

  await test.step("the events list names the local event's lobby day", async () => {
    await page.goto("/events?region=North%20East");
    const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: localTitle }) });
    await expect(item).toContainText(`Part of the lobby day ${lobbyTitle}`);
    await expectAccessible(page);
  });

  await test.step("the demo workshop's demand shows where it was proposed", async () => {
    await page.goto("/events?when=past");
    await page.getByRole("link", { name: "Drafting workshop: support after leaving hospital" }).click();
    await page.getByRole("region", { name: "What came out of it" }).getByRole("link").first().click();
    const proposed = page.getByRole("region", { name: "Where it came from" });
    await expect(proposed).toContainText("Proposed at Drafting workshop: support after leaving hospital");
    await expect(proposed.getByRole("link", { name: "Drafting workshop: support after leaving hospital" })).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
  });
});
