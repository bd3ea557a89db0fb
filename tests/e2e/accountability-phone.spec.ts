import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, linkFrom, openLatestEmail, signIn, test } from "./fixtures";

// The accountability pages on the narrowest phone we support (320 px), by keyboard: an organiser records
// an ask, the decision maker answers through the emailed link with a long web address in their words
// (as answers pasted from a department's letter often have), and every page that shows the answer
// still fits the screen, with its standalone links and toggles big enough to tap.
const RUNS = {
  "with-js": { organiser: "priya@chorus.example" },
  "no-js": { organiser: "ruth@chorus.example" },
} as const;

const PHONE = { width: 320, height: 812 };
// Underscores and a long file name: no place the browser may break the line.
const LONG_ADDRESS = "https://assets.publishing.service.gov.uk/media/65f1c0d2e1bd3f0011a47e5c/Crisis_house_regional_funding_allocations_2027_to_2028_by_integrated_care_board.pdf";

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `the page at ${page.url()} is wider than the screen`).toBeLessThanOrEqual(0);
}

async function expectTappable(target: Locator) {
  const box = await target.boundingBox();
  expect(box, "the target is on the page").not.toBeNull();
  expect(box!.height, "the target is at least 44 px tall").toBeGreaterThanOrEqual(44);
}

test("on a 320 px phone, by keyboard, an ask is recorded and answered, and a long web address in the answer never widens the page", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const name = `Minister Imogen Tull (${testInfo.project.name})`;
  const email = `minister-tull-${stamp}@example.org`;
  const request = `Will you open a crisis house in every region by 2028? (${stamp})`;
  const answer = () => page.locator(".ask-response__words").filter({ hasText: `reference ${stamp}` });
  let campaignUrl: string;
  let respondUrl: string;

  await page.setViewportSize(PHONE);

  await test.step("the organiser adds the decision maker to the directory", async () => {
    await signIn(page, run.organiser);
    await page.goto("/targets/new");
    await expectAccessible(page);
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Role").selectOption({ label: "Minister" });
    await page.getByLabel("Body", { exact: true }).fill("Department of Health and Social Care");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Areas covered").fill("everywhere");
    await page.getByRole("button", { name: "Add to the directory" }).click();
    await expect(page.getByRole("status")).toContainText(`${name} is in the directory`);
    await expectAccessible(page);
  });

  await test.step("the organiser records the ask on the phone, by keyboard, and the page fits the screen", async () => {
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).click();
    await expectAccessible(page);
    campaignUrl = new URL(page.url()).pathname;
    await page.goto(`${campaignUrl}/asks`);
    await expect(page.getByRole("heading", { level: 1, name: "Asks to decision makers" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.getByLabel("Who was asked").selectOption({ label: `${name}, Department of Health and Social Care` });
    await page.getByLabel("What was asked").fill(request);
    await page.getByRole("radio", { name: "Meeting" }).focus();
    await page.keyboard.press("Space");
    await expect(page.getByRole("radio", { name: "Meeting" })).toBeChecked();
    await page.getByRole("button", { name: "Record the ask" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toContainText("The ask is recorded");
    await expect(page.getByRole("heading", { level: 1, name: `Ask to ${name}` })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });

  await test.step("the list of asks gives each ask a link to update it that is big enough to tap", async () => {
    await page.goto(`${campaignUrl}/asks`);
    await expectTappable(page.getByRole("link", { name: `Update this ask to ${name}` }));
    await expectAccessible(page);
  });

  await test.step("the decision maker answers on the phone by keyboard, pasting a long web address", async () => {
    // The development outbox is a tool, not a page the decision maker sees: it is read at desktop width.
    await page.setViewportSize({ width: 1280, height: 900 });
    const text = await openLatestEmail(page, email, /A request for your response/);
    await page.setViewportSize(PHONE);
    respondUrl = new URL(linkFrom(text, "/respond/")).pathname;
    await page.context().clearCookies();
    await page.goto(respondUrl);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    const words = page.getByRole("textbox", { name: "Your response" });
    await words.focus();
    await page.keyboard.type(`We will open two this year (reference ${stamp}). The allocations are at ${LONG_ADDRESS}`);
    // Tab moves from the words to the positions, then Space chooses the focused one.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("radio", { name: "We commit to some or all of what is asked" })).toBeFocused();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Publish my response" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toContainText("Thank you: your response is published.");
    await expect(page.locator(".ask-response__words")).toContainText(LONG_ADDRESS);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });

  await test.step("the campaign page, its demand and the tracker show the answer without widening the page", async () => {
    await page.goto(campaignUrl);
    await expect(answer()).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.getByRole("link", { name: "See the decision record" }).click();
    await expect(answer()).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.goto("/accountability?status=committed");
    await expect(answer()).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    await expectTappable(page.getByRole("link", { name: "Clear the filters" }));
    await expectTappable(page.getByText("What each column means"));
    await expectAccessible(page);
  });

  await test.step("the decision maker's own page fits the screen too", async () => {
    await answer().locator("xpath=ancestor::article").getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });

  await test.step("a link that does not work says so, with a way on that is big enough to tap", async () => {
    const response = await page.goto(respondUrl.replace(/.$/, (c) => (c === "0" ? "1" : "0")));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
    await expectTappable(page.getByRole("link", { name: "Go to Chorus" }));
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });
});
