import type { Page } from "@playwright/test";
import { expect, expectAccessible, linkFrom, openLatestEmail, signIn, test } from "./fixtures";

// Each project has its own teller, so each finds its own story.
const TELLERS = { "with-js": "kofi@chorus.example", "no-js": "nia@chorus.example" } as const;
const PHONE = { width: 375, height: 812 };

/** The development outbox is a desktop tool (its raw message scrolls sideways on a phone): read mail there at desktop width. */
async function readEmail(page: Page, to: string, subject: RegExp) {
  await page.setViewportSize({ width: 1280, height: 900 });
  const mail = await openLatestEmail(page, to, subject);
  await page.setViewportSize(PHONE);
  return mail;
}

/** The page scrolls sideways if its content is wider than the window. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("a member tells a story, waits for review, changes who may read it and withdraws it, on a phone", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  const run = `${testInfo.project.name} ${Date.now().toString(36)}`;
  const title = `Nowhere to go after hospital (${run})`;

  await test.step("the form says there is no diagnosis field and why, and explains a mistake by its field", async () => {
    await signIn(page, TELLERS[testInfo.project.name as keyof typeof TELLERS]);
    await page.goto("/settings/stories");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Tell a story" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tell your story" })).toBeVisible();
    await expect(page.getByText("There is no box for a diagnosis, on purpose")).toBeVisible();
    await expect(page.getByText("special-category data")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("A first name I give").check();
    await page.getByRole("button", { name: "Send my story for review" }).click();
    const problems = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(problems).toContainText("Tell your story in your own words");
    await expect(page.getByLabel("Title")).toHaveValue(title);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
  });

  await test.step("the member tells the story and sees it waiting for review", async () => {
    await page.getByLabel("Your story", { exact: true }).fill("When I left hospital I had nowhere to live.\n\nThe council said it could not help until I was on the street.");
    await page.getByLabel("Members only").check();
    await page.getByLabel("Anonymous").check();
    await page.getByLabel("It may be quoted in material delivered to decision makers").check();
    await page.getByRole("button", { name: "Send my story for review" }).click();
    await expect(page.getByRole("status")).toContainText("A moderator will read it before anyone else can");
    await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your story: Waiting for review" })).toBeVisible();
    await expect(page.getByText("you allowed quotation to decision makers")).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
  });

  await test.step("the member changes the name it is shown under, at once, and the history says so", async () => {
    await page.getByLabel("A first name I give").check();
    await page.getByLabel("If you chose a first name: the first name to show").fill("Kit");
    await page.getByRole("button", { name: "Save my choices" }).click();
    await expect(page.getByRole("status")).toContainText("Your choices are saved");
    await expect(page.getByText("you chose to show it under the first name “Kit”")).toBeVisible();
    await expect(page.locator(".story-card__meta")).toContainText("Kit");
    await expectAccessible(page);
  });

  await test.step("the member withdraws it after a confirm step, and the page says what withdrawal did", async () => {
    await page.getByRole("link", { name: "Withdraw this story" }).click();
    await expect(page.getByText("Are you sure?")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Yes, withdraw my story" }).click();
    await expect(page.getByRole("heading", { name: "Your story: Withdrawn" })).toBeVisible();
    await expect(page.getByText("Withdrawing hid your story everywhere Chorus shows it")).toBeVisible();
    await expect(page.locator(".story-history")).toContainText("you withdrew it");
    await expectAccessible(page);
    await page.goto("/settings/stories");
    await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("Withdrawn");
    await expectAccessible(page);
  });
});

test("a signer confirms their signature, adds a story without an account, and opens it from the emailed link", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  const email = `story-signer-${testInfo.project.name}-${Date.now().toString(36)}@example.org`;

  await test.step("a visitor signs the crisis house petition and confirms from the email", async () => {
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sign the petition: A crisis house in every region" }).click();
    await expectAccessible(page);
    await page.getByLabel("Your name").fill("River Song");
    await page.getByLabel("Your email address").fill(email);
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expectAccessible(page);
    const mail = await readEmail(page, email, /Confirm your signature/);
    await page.goto(linkFrom(mail, "/confirm/"));
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("status")).toContainText("your signature is confirmed");
    await expectAccessible(page);
  });

  await test.step("the signer follows “Add your story (optional)” and tells it under a place", async () => {
    await page.getByRole("link", { name: "Add your story (optional)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add your story (optional)" })).toBeVisible();
    await expect(page.getByLabel("My display name")).toHaveCount(0);
    await expectAccessible(page);
    await page.getByLabel("Title").fill("The ward was two hours away");
    await page.getByLabel("Your story", { exact: true }).fill("My family could not visit. A crisis house nearby would have kept me close to them.");
    await page.getByLabel("Anyone").check();
    await page.getByLabel("“Someone in” a place I give").check();
    await page.getByLabel("If you chose a place: where").fill("a town in Wales");
    await page.getByRole("button", { name: "Send my story for review" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thank you for your story" })).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
  });

  await test.step("the emailed link, without the story's words, opens the teller's page", async () => {
    const mail = await readEmail(page, email, /Your story: your link/);
    expect(mail).not.toContain("two hours away");
    await page.goto(linkFrom(mail, "/teller/"));
    await expect(page.getByRole("heading", { name: "Your story: Waiting for review" })).toBeVisible();
    await expect(page.locator(".story-card__meta")).toContainText("Someone in a town in Wales");
    await expectAccessible(page);
    await page.getByLabel("Researchers may use it, aggregated and never linked to me").check();
    await page.getByRole("button", { name: "Save my choices" }).click();
    await expect(page.getByRole("status")).toContainText("Your choices are saved");
    await expect(page.getByText("you allowed researchers to use it, aggregated and never linked to you (with your emailed link)")).toBeVisible();
    await expectAccessible(page);
  });
});
