import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, openLatestEmail, signIn, test } from "./fixtures";

// Each project has its own author and invitee, so each finds its own notification and email.
const PEOPLE = {
  "with-js": { author: "tariq@chorus.example", authorName: "Tariq", invitee: "uma@chorus.example", inviteeName: "Uma" },
  "no-js": { author: "wren@chorus.example", authorName: "Wren", invitee: "yusuf@chorus.example", inviteeName: "Yusuf" },
} as const;

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("invite a co-author: they are told, accept, are named on the demand, and the history reads well on a phone", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const people = PEOPLE[testInfo.project.name as keyof typeof PEOPLE];
  const title = `Peer-run crisis houses (${testInfo.project.name} ${Date.now().toString(36)})`;
  let demandUrl: string;
  let invitee: Page;

  await test.step("the author writes a draft in Markdown", async () => {
    await signIn(page, people.author);
    await page.goto("/demands/new");
    await expectAccessible(page);
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Summary", { exact: true }).fill("Every area should have a crisis house run by people who have been there, as an alternative to a ward.");
    await page.getByLabel("Full text").fill("## What we want\n\nA **peer-run crisis house** in every area.\n\n## Why\n\nA ward is not the only safe place.");
    await page.getByLabel("Isolation and community").check();
    if (testInfo.project.name === "with-js") {
      // The live preview follows the typing (a save while it is in flight is safe: it is a plain fetch, aborted on submit).
      await expect(page.locator("#preview-heading + .demand-text strong")).toHaveText("peer-run crisis house");
    }
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(`Written by ${people.authorName}`)).toBeVisible();
    await expectAccessible(page);
    demandUrl = page.url();
  });

  await test.step("the author finds the invitee by name and invites them", async () => {
    await page.getByRole("link", { name: "Edit the text" }).click();
    await expectAccessible(page);
    await page.getByLabel("Invite a co-author by name").fill(people.inviteeName);
    await page.getByRole("button", { name: "Find" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Invite to co-author (${people.inviteeName})` }).click();
    await expect(page.getByRole("status")).toContainText("Invitation sent");
    // Invited is not yet an author: they are listed as waiting, with a way to withdraw.
    await expect(page.getByRole("list", { name: "Invited" })).toContainText(people.inviteeName);
    await expect(page.getByRole("button", { name: `Withdraw the invitation to ${people.inviteeName}` })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the invitee is emailed about the invitation", async () => {
    const text = await openLatestEmail(page, people.invitee, new RegExp(`${people.authorName} invited you to co-author`));
    expect(text).toContain("Accept or decline");
  });

  await test.step("the invitee signs in, sees the notification and opens the invitation", async () => {
    invitee = await as(browser, people.invitee);
    await invitee.goto("/notifications");
    await expectAccessible(invitee);
    await invitee.getByRole("button", { name: `${people.authorName} invited you to co-author “${title}”` }).click();
    await expect(invitee.getByRole("heading", { level: 1, name: `Co-author “${title}”?` })).toBeVisible();
    await expect(invitee.getByText(`${people.authorName} invited you to write this demand with them`)).toBeVisible();
    await expectAccessible(invitee);
  });

  await test.step("the invitee accepts and is shown as an author on the demand page", async () => {
    await invitee.getByRole("button", { name: "Accept and become a co-author" }).click();
    await expect(invitee.getByRole("status")).toContainText("You are now a co-author");
    await expect(invitee.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(invitee.getByText(`Written by ${people.authorName} and ${people.inviteeName}`)).toBeVisible();
    await expect(invitee.getByText(`${people.inviteeName} joined as a co-author`)).toBeVisible();
    await expectAccessible(invitee);
  });

  await test.step("the new co-author rewords the bold text, saved as revision 2", async () => {
    await invitee.getByRole("link", { name: "Edit the text" }).click();
    await expectAccessible(invitee);
    await invitee.getByLabel("Full text").fill("## What we want\n\nA **peer-run crisis house open all year** in every area.\n\n## Why\n\nA ward is not the only safe place.");
    await invitee.getByLabel("What did you change?").fill("Open all year");
    await invitee.getByRole("button", { name: "Save revision" }).click();
    await expect(invitee.getByRole("status")).toContainText("Saved as revision 2");
    await invitee.context().close();
  });

  await test.step("on a phone, the history compares the words readers see and fits the screen", async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${demandUrl}/history`);
    await expect(page.getByRole("heading", { name: "Changes from revision 1 to revision 2" })).toBeVisible();
    await expect(page.locator(".diff ins")).toHaveText(/open all year/);
    // The Markdown itself (** and #) is never shown as part of the text.
    const diffText = await page.locator(".diff").innerText();
    expect(diffText).not.toMatch(/\*\*|#/);
    await expect(page.getByRole("region", { name: "Revisions" })).toContainText(people.inviteeName);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
  });
});
