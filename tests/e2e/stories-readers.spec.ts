import type { Page } from "@playwright/test";
import { DEMO_DEMANDS, DEMO_STORIES } from "../../demo/demo-content";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// Each project signs in as its own member, so neither depends on what the other did.
const MEMBERS = { "with-js": "uma@chorus.example", "no-js": "wren@chorus.example" } as const;
const PHONE = { width: 375, height: 812 };

/** The page scrolls sideways if its content is wider than the window. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const card = (page: Page, title: string) => page.locator("article.story-card").filter({ has: page.getByRole("heading", { name: title }) });

test("stories: a reader finds the demo's stories, opens one behind its content note, hides a category, and meets stories on a demand's page; it fits a phone", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const member = MEMBERS[testInfo.project.name as keyof typeof MEMBERS];
  const findHousingDemand = async () => {
    await page.goto(`/demands?q=${encodeURIComponent(DEMO_DEMANDS.housingFirst.title)}`);
    await expectAccessible(page);
    await page.getByRole("link", { name: DEMO_DEMANDS.housingFirst.title }).click();
    await expect(page.getByRole("heading", { level: 1, name: DEMO_DEMANDS.housingFirst.title })).toBeVisible();
    return new URL(page.url()).pathname;
  };
  let demandUrl = "";

  await test.step("signed out, /stories lists the public stories under the names their tellers chose, and nothing members-only, waiting or withdrawn", async () => {
    await page.goto("/");
    await expectAccessible(page);
    await page.locator(".site-nav--wide").getByRole("link", { name: "Stories" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
    await expect(card(page, DEMO_STORIES.leeds.title)).toContainText("Someone in Leeds");
    await expect(card(page, DEMO_STORIES.organisation.title)).toContainText("A member of Voices Together");
    await expect(card(page, DEMO_STORIES.easyRead.title)).toContainText("There is an easy read version of this story.");
    for (const hidden of [DEMO_STORIES.membersOnly, DEMO_STORIES.waiting, DEMO_STORIES.withdrawn]) await expect(page.getByText(hidden.title)).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("a story with a content note stays folded until the reader opens it", async () => {
    const folded = card(page, DEMO_STORIES.contentNote.title);
    const words = folded.getByText(/Four staff held me/);
    await expect(folded).toContainText("Content note: Restraint, seclusion or detention.");
    await expect(words).toBeHidden();
    await folded.getByText("Show the story").click();
    await expect(words).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("a search finds a story by a word in its text", async () => {
    await page.getByLabel("Search stories").fill("sanction");
    await page.getByRole("button", { name: "Show stories" }).click();
    await expect(page).toHaveURL(/q=sanction/);
    await expect(card(page, DEMO_STORIES.leeds.title)).toBeVisible();
    await expect(page.locator("article.story-card")).toHaveCount(1);
    await expectAccessible(page);
  });

  await test.step("the reader hides stories about restraint, and this device remembers it", async () => {
    await page.goto("/stories");
    await page.getByText("Hide stories about…", { exact: true }).first().click();
    await page.getByLabel("Restraint, seclusion or detention").check();
    await page.getByRole("button", { name: "Save what I hide" }).click();
    await expect(page.getByRole("status")).toContainText("Stories about restraint, seclusion or detention are hidden from your lists. This device remembers it.");
    await expect(page.getByText("You hide stories about: restraint, seclusion or detention.")).toBeVisible();
    await expect(card(page, DEMO_STORIES.contentNote.title)).toHaveCount(0);
    await expect(card(page, DEMO_STORIES.leeds.title)).toBeVisible();
    await expectAccessible(page);
    await page.reload();
    await expect(card(page, DEMO_STORIES.contentNote.title)).toHaveCount(0);
  });

  await test.step("a demand's page shows its newest stories beside the evidence, and links to all of them", async () => {
    demandUrl = await findHousingDemand();
    const stories = page.locator("section[aria-labelledby='stories-heading']");
    await expect(stories.getByRole("heading", { level: 2, name: "Stories" })).toBeVisible();
    // The newest three at most (other specs publish stories about this demand too, so not which three).
    await expect(stories.locator("article.story-card").first()).toBeVisible();
    expect(await stories.locator("article.story-card").count()).toBeLessThanOrEqual(3);
    await expect(stories).not.toContainText(DEMO_STORIES.membersOnly.title);
    await expect(stories.getByRole("link", { name: "Tell your story" })).toHaveCount(0);
    await expectAccessible(page);
    await stories.getByRole("link", { name: "All stories about this demand" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Stories about “${DEMO_DEMANDS.housingFirst.title}”` })).toBeVisible();
    await expect(card(page, DEMO_STORIES.easyRead.title)).toBeVisible();
    await expect(card(page, DEMO_STORIES.membersOnly.title)).toHaveCount(0);
    await expectAccessible(page);
  });

  await test.step("signed in, a member also reads members-only stories and is offered to tell their own", async () => {
    await signIn(page, member);
    await page.goto("/stories");
    await expect(card(page, DEMO_STORIES.membersOnly.title)).toBeVisible();
    await expect(page.getByRole("link", { name: "Tell your story" })).toHaveAttribute("href", "/stories/new");
    await expectAccessible(page);
    await findHousingDemand();
    const stories = page.locator("section[aria-labelledby='stories-heading']");
    expect(await stories.locator("article.story-card").count()).toBeLessThanOrEqual(3);
    await expect(stories.getByRole("link", { name: "Tell your story" })).toHaveAttribute("href", /\/stories\/new\?demand=\d+$/);
    await expectAccessible(page);
    await stories.getByRole("link", { name: "All stories about this demand" }).click();
    await expect(card(page, DEMO_STORIES.membersOnly.title)).toBeVisible();
  });

  await test.step("on a phone, the stories list and a demand's stories fit the screen", async () => {
    await page.setViewportSize(PHONE);
    await page.goto("/stories");
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await page.goto(`${demandUrl}/stories`);
    await expect(card(page, DEMO_STORIES.membersOnly.title)).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
  });
});
