import type { Browser, Locator, Page } from "@playwright/test";
import { expect, expectAccessible, fastForwardVoting, openLatestEmail, signIn, test } from "./fixtures";

async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const inTwoDays = () => {
  const d = new Date(Date.now() + 2 * 86_400_000);
  return d.toISOString().slice(0, 11) + "12:00";
};

test("propose, co-author, consult, amend, vote, close: the outcome is shown and emailed", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const title = `Crisis cafés open every night (${testInfo.project.name} ${Date.now().toString(36)})`;
  let demandUrl: string;
  let demandId: number;
  let amendmentUrl: string;

  await test.step("Priya starts a demand, and saving it empty is explained", async () => {
    await signIn(page, "priya@chorus.example");
    await page.goto("/demands/new");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter a title");
    await expectAccessible(page);
  });

  await test.step("Priya writes the demand, previews it and saves it as a draft", async () => {
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Summary", { exact: true }).fill("Every town should have a crisis café open through the night, run with people who have been there.");
    await page.getByLabel("Full text").fill("## What we want\n\nA crisis café open every night in every town.\n\n## Why\n\nNights are when people are most alone and A&E is the only door open.");
    if (testInfo.project.name === "with-js") {
      // With JavaScript the preview follows the typing.
      await expect(page.getByRole("heading", { name: "Preview of the full text" })).toBeVisible();
      await expect(page.locator("#preview-heading + .demand-text h3").first()).toHaveText("What we want");
    }
    await page.getByLabel("Easy-read summary").fill("A safe place to go at night when you feel in crisis.");
    await page.getByLabel("Isolation and community").check();
    await page.getByRole("button", { name: "Preview" }).click();
    // One preview, with or without JavaScript: never the live one and the submitted one together.
    await expect(page.getByRole("heading", { name: "Preview of the full text" })).toHaveCount(1);
    await expect(page.getByRole("heading", { name: "Preview of the full text" })).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue(title);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expectAccessible(page);
    demandUrl = page.url();
    demandId = Number(new URL(demandUrl).pathname.split("/").pop());
  });

  await test.step("Priya finds Ruth by name and invites her to co-author", async () => {
    await page.getByRole("link", { name: "Edit the text" }).click();
    await expectAccessible(page);
    await page.getByLabel("Invite a co-author by name").fill("Ruth");
    await page.getByRole("button", { name: "Find" }).click();
    await page.getByRole("button", { name: /Invite to co-author/ }).first().click();
    await expect(page.getByRole("status")).toContainText("Invitation sent");
    await expectAccessible(page);
  });

  await test.step("Ruth accepts the invitation and edits the text, saved as revision 2", async () => {
    const ruth = await as(browser, "ruth@chorus.example");
    await ruth.goto("/notifications");
    await ruth.getByRole("button", { name: `Priya invited you to co-author “${title}”` }).click();
    await ruth.getByRole("button", { name: "Accept and become a co-author" }).click();
    await expect(ruth.getByRole("status")).toContainText("You are now a co-author");
    await ruth.goto(`${demandUrl}/edit`);
    await ruth.getByLabel("Full text").fill("## What we want\n\nA crisis café open every night in every town, run with peer workers.\n\n## Why\n\nNights are when people are most alone and A&E is the only door open.");
    await ruth.getByLabel("What did you change?").fill("Peer workers named");
    await ruth.getByRole("button", { name: "Save revision" }).click();
    await expect(ruth.getByRole("status")).toContainText("Saved as revision 2");
    await ruth.context().close();
  });

  await test.step("the history compares the revisions word by word", async () => {
    await page.goto(`${demandUrl}/history`);
    await expect(page.locator("ins").filter({ hasText: "peer" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("Priya opens the consultation", async () => {
    await page.goto(`${demandUrl}/process`);
    await expectAccessible(page);
    await page.getByLabel("Consultation ends (UK time)").fill(inTwoDays());
    await page.getByRole("button", { name: "Open consultation" }).click();
    await expect(page.getByRole("status")).toContainText("The consultation is open");
  });

  await test.step("Tom picks a paragraph, is told an empty replacement is not enough, and proposes an amendment", async () => {
    const tom = await as(browser, "tom@chorus.example");
    await tom.goto(`${demandUrl}/amendments/new`);
    await expectAccessible(tom);
    // Paragraphs read as text (the heading is a heading, not "## What we want"); choosing one fills the box with it.
    await expect(tom.locator(".paragraph-picker h2", { hasText: "What we want" })).toBeVisible();
    await expect(tom.getByText("## What we want")).toHaveCount(0);
    await tom.getByRole("link", { name: "Change this (paragraph 2)" }).click();
    await expect(tom.getByLabel("Your replacement text")).toHaveValue("A crisis café open every night in every town, run with peer workers.");
    await tom.getByLabel("Your replacement text").fill("");
    await tom.getByRole("button", { name: "Propose amendment" }).click();
    await expect(tom.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Write the text you propose");
    await expectAccessible(tom);
    await tom.getByLabel("Your replacement text").fill("A crisis café open every night in every town, run with peer workers and social workers.");
    await tom.getByLabel("Why?").fill("Social workers can connect people to housing and benefits help.");
    await tom.getByRole("button", { name: "Propose amendment" }).click();
    await expect(tom.getByRole("status")).toContainText("Your amendment is proposed");
    amendmentUrl = tom.url();
    await tom.context().close();
  });

  await test.step("Priya accepts the amendment, and the demand's text includes it", async () => {
    await page.goto(amendmentUrl);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Accept into the text" }).click();
    await expect(page.getByRole("status")).toContainText("Accepted: the text is now revision 3");
    await page.goto(demandUrl);
    await expect(page.getByRole("main")).toContainText("run with peer workers and social workers");
  });

  await test.step("a facilitator opens voting by simple majority", async () => {
    const admin = await as(browser, "admin@chorus.example");
    await admin.goto(`${demandUrl}/process`);
    await admin.getByLabel("Voting closes (UK time)").fill(inTwoDays());
    await admin.getByLabel("Simple majority").check();
    await admin.getByRole("button", { name: "Open voting" }).click();
    await expect(admin.getByRole("status")).toContainText("Voting is open");
    await admin.context().close();
  });

  await test.step("three members vote: two support, one opposes", async () => {
    for (const [email, choice] of [
      ["sam@chorus.example", "Support"],
      ["aisha@chorus.example", "Support"],
      ["ben@chorus.example", "Oppose"],
    ] as const) {
      const voter = await as(browser, email);
      await voter.goto(demandUrl);
      await voter.getByLabel(choice, { exact: true }).check();
      await voter.getByRole("button", { name: "Cast my vote" }).click();
      await expect(voter.getByRole("status")).toContainText(`Your vote is recorded: ${choice.toLowerCase()}`);
      await voter.context().close();
    }
  });

  await test.step("the totals stay hidden while voting is open", async () => {
    await page.goto(demandUrl);
    await expect(page.getByText("Totals stay hidden until voting closes.")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the deadline passes, the app's own job closes the vote, and the demand shows it adopted", async () => {
    await fastForwardVoting(demandId);
    await expect
      .poll(async () => {
        await page.goto(demandUrl);
        return page.getByRole("heading", { name: /^Result:/ }).count();
      }, { timeout: 30_000, intervals: [500, 1000, 2000] })
      .toBe(1);
    await expect(page.getByRole("heading", { name: "Result: adopted" })).toBeVisible();
    await expect(page.getByText("2 supported and 1 opposed: a majority in support.").first()).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("a voter is emailed the outcome", async () => {
    const mail = await openLatestEmail(page, "sam@chorus.example", new RegExp(`Result: ${title.replace(/[()]/g, ".")}`));
    expect(mail.toLowerCase()).toContain("was adopted");
    expect(mail).toContain("2 supported and 1 opposed");
  });
});

test("a reported comment is hidden by a moderator, with the reason in its place", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const unkind = `Everyone who disagrees with me is an idiot (${testInfo.project.name}).`;
  const reason = `Personal attack on other members (${testInfo.project.name})`;
  // The demo's consultation on housing is open for discussion.
  // Each project comments as its own member, so each finds its own email from the moderator.
  const author = testInfo.project.name === "no-js" ? "ellie@chorus.example" : "chloe@chorus.example";
  let url: string;
  let moderator: Page;
  let mine: Locator;

  await test.step("a member opens the housing demand under consultation", async () => {
    await signIn(page, author);
    await page.goto("/demands?stage=consultation");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Housing first for people leaving mental health wards" }).click();
    await expectAccessible(page);
    url = page.url();
  });

  await test.step("an empty comment is explained, then the member posts an unkind one", async () => {
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Write your comment");
    await page.getByLabel("Add to the discussion").fill(unkind);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByRole("status")).toContainText("Your comment is posted");
    await expectAccessible(page);
  });

  await test.step("another member reports the comment", async () => {
    const reporter = await as(browser, "dev@chorus.example");
    await reporter.goto(url);
    const comment = reporter.locator(".comment").filter({ hasText: unkind }).first();
    await comment.getByRole("link", { name: "Report this comment" }).click();
    await comment.getByLabel("Harassment or abuse").check();
    await comment.getByLabel("Anything else the moderator should know (optional)").fill("Insulting other members");
    await comment.getByRole("button", { name: "Send report" }).click();
    await expect(comment.getByText("You reported this.")).toBeVisible();
    await reporter.context().close();
  });

  await test.step("a moderator is asked for a reason before hiding the comment, then hides it", async () => {
    moderator = await as(browser, "moderator@chorus.example");
    await moderator.goto("/admin/moderation");
    await expectAccessible(moderator);
    // The page says what each choice does before the moderator makes it.
    await expect(moderator.getByText("everyone sees your reason in its place")).toBeVisible();
    const item = moderator.locator(".card").filter({ hasText: unkind }).first();
    await item.getByRole("button", { name: "Hide it" }).click();
    await expect(moderator.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Give a reason");
    await expectAccessible(moderator);
    const again = moderator.locator(".card").filter({ hasText: unkind }).first();
    await again.getByLabel("Your reason, if you hide it").fill(reason);
    await again.getByRole("button", { name: "Hide it" }).click();
    await expect(moderator.getByRole("status")).toContainText("The comment is hidden");
  });

  await test.step("the author is emailed the reason, and sees it in place of the comment", async () => {
    const told = await openLatestEmail(page, author, /A moderator hid your comment/);
    expect(told).toContain(reason);
    await page.goto(url);
    mine = page.locator(".comment").filter({ hasText: `Hidden by a moderator: ${reason}` }).first();
    await expect(mine).toBeVisible();
    await expect(page.getByText(unkind)).toHaveCount(0);
    await expectAccessible(page);
  });

  await test.step("the author asks for a review from the hidden comment itself", async () => {
    await mine.getByRole("link", { name: "ask for a review" }).click();
    await page.getByLabel("Why should a moderator look at it again?").fill("I was angry, but I was talking about the policy.");
    await page.getByRole("button", { name: "Ask for a review" }).click();
    await expect(page.getByRole("status")).toContainText("A moderator will look at your comment again");
    await expectAccessible(page);
  });

  await test.step("the moderator sees that the author asked for a review", async () => {
    await moderator.goto("/admin/moderation");
    await expect(moderator.locator(".card").filter({ hasText: unkind }).first()).toContainText("Review asked for by the author");
    await moderator.context().close();
  });
});
