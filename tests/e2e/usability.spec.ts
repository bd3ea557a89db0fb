import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/** The demo's demands by title, to find their pages from the list. */
const DEMO = {
  housing: "Housing first for people leaving mental health wards",
  sanctions: "End benefit sanctions for people in mental distress",
  crisis: "Fund community crisis houses in every region",
  tribunals: "Replace tribunal hearings with community panels",
};

async function demandPath(page: Page, title: string) {
  await page.goto(`/demands?${new URLSearchParams({ q: title, sort: "newest" })}`);
  await expectAccessible(page);
  const href = await page.getByRole("link", { name: title, exact: true }).first().getAttribute("href");
  if (!href) throw new Error(`no link to ${title}`);
  return href;
}

/** How far the page is wider than the screen, in CSS pixels (0 when nothing scrolls sideways). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("buttons look like what they do: warning is red, secondary stays readable on hover, focus is visible", async ({ page }) => {
  await test.step("the button that deletes an account is red with white text", async () => {
    await signIn(page, "hamza@chorus.example");
    await page.goto("/settings/data");
    await expectAccessible(page);
    const danger = page.getByRole("button", { name: "Delete my account" });
    await expect(danger).toHaveCSS("background-color", "rgb(179, 38, 30)");
    await expect(danger).toHaveCSS("color", "rgb(255, 255, 255)");
  });

  await test.step("a primary button is filled green", async () => {
    await page.goto("/settings/perspectives");
    await expectAccessible(page);
    const primary = page.getByRole("button", { name: "Save my perspective" });
    await expect(primary).toHaveCSS("background-color", "rgb(43, 90, 77)");
  });

  await test.step("a secondary button is white, stays readable when hovered, and shows focus clearly", async () => {
    await page.goto("/demands");
    await expectAccessible(page);
    const secondary = page.getByRole("button", { name: "Show demands" });
    await expect(secondary).toHaveCSS("background-color", "rgb(255, 255, 255)");
    await secondary.hover();
    // Hovered: a light fill with the same dark text (it used to turn white on white).
    await expect(secondary).toHaveCSS("color", "rgb(29, 35, 33)");
    await expect(secondary).toHaveCSS("background-color", "rgb(239, 237, 230)");
    await secondary.focus();
    await expect(secondary).toHaveCSS("background-color", "rgb(255, 191, 71)");
    await expect(secondary).toHaveCSS("box-shadow", /rgb\(11, 12, 12\)/);
  });
});

// One admin session for both (sign-in is rate limited per account, and other specs sign the admin in too).
test("an admin changes a role only after confirming it, and no page scrolls sideways on a 320 or 375 pixel wide phone", async ({ page }, testInfo) => {
  // Some fifty pages, each scanned with axe: minutes on a machine whose both cores are busy.
  test.setTimeout(360_000);
  const name = testInfo.project.name === "no-js" ? "Yusuf" : "Wren";
  let paths: string[];

  await test.step("the admin chooses a new role for a member and is asked to confirm what it allows", async () => {
    await signIn(page, "admin@chorus.example");
    await page.goto(`/admin/members?q=${name}`);
    await expectAccessible(page);
    await expect(page.getByRole("button", { name: /Make|Remove/ })).toHaveCount(0);
    await page.getByLabel(`Role of ${name}`).selectOption("moderator");
    await page.getByRole("button", { name: `Change ${name}'s role` }).click();
    await expect(page.getByRole("heading", { name: `Change ${name}'s role from member to moderator?` })).toBeVisible();
    await expect(page.getByText("Moderators review reported comments")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("once confirmed, the member is listed as a moderator", async () => {
    await page.getByRole("button", { name: `Yes, make ${name} moderator` }).click();
    await expect(page.getByRole("status")).toContainText(`${name} is now: moderator`);
    await page.goto(`/admin/members?role=moderator&q=${name}`);
    await expect(page.getByLabel(`Role of ${name}`)).toHaveValue("moderator");
    await expectAccessible(page);
  });

  await test.step("the admin gathers the addresses of every kind of page", async () => {
    const housing = await demandPath(page, DEMO.housing);
    await page.goto("/campaigns");
    await expectAccessible(page);
    const campaign = await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).getAttribute("href");
    await page.goto(campaign!);
    await expectAccessible(page);
    const petition = await page.getByRole("link", { name: "Sign the petition: A crisis house in every region" }).getAttribute("href");
    const letters = await page.getByRole("link", { name: "Write a letter: Write to your MP about crisis houses", exact: true }).getAttribute("href");
    paths = [
      petition!,
      letters!,
      `${letters}?postcode=LS6+1AN`,
      `${letters}/manage`,
      `${campaign}/letters/new`,
      "/targets",
      "/targets/new",
      "/targets/import",
      `${campaign}/petitions/new`,
      "/campaigns",
      campaign!,
      `${campaign}/manage`,
      `${campaign}/dashboard`,
      "/admin/campaigns",
      "/",
      "/about",
      "/demands",
      housing,
      `${housing}/history?from=1&to=2`,
      `${housing}/amendments/new`,
      await demandPath(page, DEMO.sanctions),
      await demandPath(page, DEMO.crisis),
      await demandPath(page, DEMO.tribunals),
      "/demands/new",
      "/organisations",
      "/organisations/voices-together",
      "/admin",
      "/admin/members",
      "/admin/audit",
      "/admin/moderation",
      "/admin/organisations",
      "/settings",
      "/settings/security",
      "/settings/data",
      "/settings/perspectives",
      "/settings/organisations",
      "/settings/notifications",
      "/notifications",
      "/welcome",
      "/privacy",
      "/terms",
      "/get-help",
      "/dev/outbox",
      "/stories",
      "/stories/new",
      `${housing}/stories`,
      "/settings/stories",
      "/settings/content-notes",
      "/admin/stories",
      "/events",
      "/events?when=past",
      "/events/new",
      "/settings/calendar",
    ];
  });

  await test.step("every page opens and none scrolls sideways at 320 or 375 pixels wide", async () => {
    const wide: string[] = [];
    // Each page is opened once, at 320 pixels, then the window widened to 375: the layout reflows as
    // it would on load, and one visit per page keeps this walk within its time on a busy machine.
    for (const path of paths) {
      await page.setViewportSize({ width: 320, height: 740 });
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      await expectAccessible(page);
      for (const width of [320, 375]) {
        if (width !== 320) await page.setViewportSize({ width, height: 740 });
        const extra = await overflow(page);
        if (extra > 0) wide.push(`${path} at ${width}px: ${extra}px too wide`);
      }
    }
    expect(wide).toEqual([]);
  });
});

test("on a phone the vote comes before the discussion, and results show shares with bars", async ({ page }, testInfo) => {
  await test.step("on a phone, a member who has not voted opens the demand that is open for voting", async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    // A member who has not voted on the demo's open vote, one per project.
    await signIn(page, testInfo.project.name === "no-js" ? "lena@chorus.example" : "isla@chorus.example");
    const sanctions = await demandPath(page, DEMO.sanctions);
    await page.goto(sanctions);
    await expectAccessible(page);
  });

  await test.step("the vote comes before the discussion, and the live totals show each choice's share", async () => {
    await expect(page.getByRole("link", { name: "Go to the vote" })).toBeVisible();
    const vote = await page.locator("#vote").boundingBox();
    const discussion = await page.locator("#comments-heading").boundingBox();
    expect(vote!.y).toBeLessThan(discussion!.y);
    await expect(page.locator("#vote")).toContainText("If it is adopted it becomes a coalition position");
    const totals = page.getByRole("table", { name: /Totals so far/ });
    await expect(totals.getByRole("row", { name: /Support/ })).toContainText("%");
  });

  await test.step("voting without a choice is explained, then the member's support is recorded", async () => {
    await page.getByRole("button", { name: "Cast my vote" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Choose support, oppose or abstain");
    await expectAccessible(page);
    await page.getByLabel("Support", { exact: true }).check();
    await page.getByRole("button", { name: "Cast my vote" }).click();
    await expect(page.getByRole("status")).toContainText("Your vote is recorded: support");
    await expect(page.getByRole("link", { name: "Your vote" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("a closed vote's result shows each choice's share, before the discussion", async () => {
    const crisis = await demandPath(page, DEMO.crisis);
    await page.goto(crisis);
    await expectAccessible(page);
    await page.getByRole("link", { name: "See the result" }).click();
    const result = page.getByRole("table", { name: /Votes cast/ });
    await expect(result.getByRole("row", { name: /Support/ })).toContainText(/\d+%/);
    expect((await page.locator("#result").boundingBox())!.y).toBeLessThan((await page.locator("#comments-heading").boundingBox())!.y);
  });
});

test("deleting a comment asks first, on a page that works without JavaScript", async ({ page }, testInfo) => {
  const words = `A thought I will take back (${testInfo.project.name} ${Date.now().toString(36)}).`;

  await test.step("a member posts a comment on the housing demand", async () => {
    await signIn(page, testInfo.project.name === "no-js" ? "kofi@chorus.example" : "jamal@chorus.example");
    const housing = await demandPath(page, DEMO.housing);
    await page.goto(housing);
    await expectAccessible(page);
    await page.getByLabel("Add to the discussion").fill(words);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByRole("status")).toContainText("Your comment is posted");
  });

  await test.step("deleting it asks first, and cancelling keeps the comment", async () => {
    const comment = page.locator(".comment").filter({ hasText: words });
    await comment.getByRole("link", { name: "Delete your comment" }).click();
    await expect(page.getByRole("heading", { name: "Delete your comment?" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page.getByRole("heading", { name: "Delete your comment?" })).toHaveCount(0);
    await expect(page.getByText(words)).toBeVisible();
  });

  await test.step("confirming the deletion removes the comment", async () => {
    await page.locator(".comment").filter({ hasText: words }).getByRole("link", { name: "Delete your comment" }).click();
    await page.getByRole("button", { name: "Yes, delete my comment" }).click();
    await expect(page.getByRole("status")).toContainText("Your comment is deleted");
    await expect(page.getByText(words)).toHaveCount(0);
    await expectAccessible(page);
  });
});
