import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// Each project has its own author and member, so each finds its own demand, suggestion and notification.
const PEOPLE = {
  "with-js": { author: "chloe@chorus.example", member: "dev@chorus.example" },
  "no-js": { author: "ellie@chorus.example", member: "farid@chorus.example" },
} as const;

const PHONE = { width: 375, height: 812 };

const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 11) + "12:00";

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** The page scrolls sideways if its content is wider than the window. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("evidence: a member suggests a source, an author accepts it, and the text's [1] jumps to it; the list fits a phone", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const people = PEOPLE[testInfo.project.name as keyof typeof PEOPLE];
  const run = `${testInfo.project.name} ${Date.now().toString(36)}`;
  const title = `Crisis cafés open at night (${run})`;
  // Long on purpose: a title and an address with no spaces must wrap on a phone, not widen the page.
  const source = {
    title: `Night-time crisis support: what 300 people told us (${run})`,
    author: "Demo Centre for Community Mental Health",
    url: `https://example.org/research/night-time-crisis-support-what-people-told-us-${"a".repeat(80)}`,
    finding: "Most people who used a night-time crisis café said it kept them out of A&E.",
  };
  let demandUrl = "";
  let member: Page;

  await test.step("the author writes a demand whose text cites [1] and opens its consultation", async () => {
    await signIn(page, people.author);
    await page.goto("/demands/new");
    await expectAccessible(page);
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Summary", { exact: true }).fill("Every town should have a crisis café open through the night, run with people who have been there.");
    await page.getByLabel("Full text").fill("## What we want\n\nA crisis café open every night in every town.\n\n## Why\n\nNights are when people are most alone, and most would rather go to a café than to A&E [1]. In code, `[1]` stays as it is.");
    await page.getByLabel("Isolation and community").check();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    demandUrl = new URL(page.url()).pathname;
    await expectAccessible(page);
    await page.goto(`${demandUrl}/process`);
    await expectAccessible(page);
    await page.getByLabel("Consultation ends (UK time)").fill(inTwoDays());
    await page.getByRole("button", { name: "Open consultation" }).click();
    await expect(page.getByRole("status")).toContainText("The consultation is open");
    // No source yet: the [1] is plain text.
    await expect(page.locator(".demand-text a[href='#source-1']")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Evidence", exact: true })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("a member opens the evidence page and sending the form empty is explained", async () => {
    member = await as(browser, people.member);
    await member.goto(demandUrl);
    await member.getByRole("link", { name: "Suggest a source" }).click();
    await expect(member.getByRole("heading", { level: 1, name: `Evidence behind “${title}”` })).toBeVisible();
    await expectAccessible(member);
    await member.getByRole("button", { name: "Suggest source" }).click();
    const summary = member.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Enter the title of the source");
    await expect(summary).toContainText("Choose what kind of source it is");
    await expect(member.locator("#field-finding-error")).toContainText("Say in one line what it found");
    await expectAccessible(member);
  });

  await test.step("a year in the future is refused by the field, and what was typed is kept", async () => {
    await member.getByLabel("Title", { exact: true }).fill(source.title);
    await member.getByLabel("Author or body").fill(source.author);
    await member.getByLabel("Year (optional)").fill(String(new Date().getUTCFullYear() + 3));
    await member.getByLabel("Link (optional)").fill(source.url);
    await member.getByLabel("What it found, in one line").fill(source.finding);
    await member.getByLabel("Lived-experience survey").check();
    await member.getByRole("button", { name: "Suggest source" }).click();
    await expect(member.locator("#field-year-error")).toContainText("The year cannot be in the future");
    await expect(member.getByLabel("Title", { exact: true })).toHaveValue(source.title);
    await expect(member.getByLabel("Link (optional)")).toHaveValue(source.url);
    await expect(member.getByLabel("Lived-experience survey")).toBeChecked();
    await expectAccessible(member);
  });

  await test.step("the member corrects the year and suggests the source, which waits for the authors", async () => {
    await member.getByLabel("Year (optional)").fill("2024");
    await member.getByRole("button", { name: "Suggest source" }).click();
    await expect(member.getByRole("status")).toContainText("Your source is waiting for the demand's authors");
    await expect(member.getByRole("region", { name: "Your suggestions" }).or(member.locator("section[aria-labelledby='my-suggestions-heading']"))).toContainText("Waiting for the authors.");
    await expectAccessible(member);
  });

  await test.step("the author sees the suggestion waiting and accepts it as source 1", async () => {
    await page.goto(demandUrl);
    await page.getByRole("link", { name: /1 suggested source waits for you/ }).click();
    await expect(page.getByRole("heading", { name: "Suggestions waiting for the authors" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Accept “${source.title}”` }).click();
    await expect(page.getByRole("status")).toContainText("Accepted as source 1");
    await expect(page.locator("#source-1")).toContainText(source.title);
    await expectAccessible(page);
  });

  await test.step("the demand page lists the source numbered, and the [1] in the text jumps to it", async () => {
    await member.goto(demandUrl);
    const item = member.locator("#source-1");
    await expect(item).toContainText("[1]");
    await expect(item.getByRole("link", { name: source.title })).toHaveAttribute("href", source.url);
    await expect(item).toContainText("Demo Centre for Community Mental Health, 2024 · Lived-experience survey");
    const citation = member.getByRole("link", { name: `Source 1: ${source.title}` });
    await expect(citation).toHaveCount(1); // the [1] in code stays text
    await citation.click();
    await expect(member).toHaveURL(new RegExp(`${demandUrl}#source-1$`));
    await expect(item).toBeInViewport();
    await expectAccessible(member);
  });

  await test.step("on a 375 px phone the evidence lists do not scroll sideways", async () => {
    await member.setViewportSize(PHONE);
    await member.goto(`${demandUrl}#evidence-heading`);
    expect(await pageWidth(member)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(member);
    await member.goto(`${demandUrl}/evidence`);
    expect(await pageWidth(member)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(member);
    await member.context().close();
  });
});
