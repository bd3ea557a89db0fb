import type { Page } from "@playwright/test";
import { expect, expectAccessible, fastForwardLetters, linkFrom, openLatestEmail, signIn, test } from "./fixtures";

// Each project sets up its own letter campaign, to its own decision maker in its own postcode
// district, as one of the crisis campaign's organisers.
const RUNS = {
  "with-js": { organiser: "priya@chorus.example", district: "TR1", postcode: "tr1 1aa" },
  "no-js": { organiser: "ruth@chorus.example", district: "TR2", postcode: "TR2 4AB" },
} as const;

const PERSONAL =
  "Three years ago I was in crisis and the only place open was A&E. I waited eleven hours under bright lights. A crisis house in Cornwall would have given me a calm room and people who understood, and I would have gone home sooner.";

test("a supporter writes to their own MP: preview, confirm from the outbox, the letter goes with their Reply-To, and they answer the follow-up", async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const mpName = `Morwenna Trelawny MP (${testInfo.project.name})`;
  const mpEmail = `mp-${stamp}@example.org`;
  const title = `Write to your MP (${testInfo.project.name})`;
  const writerEmail = `writer-${stamp}@example.org`;
  const problems = page.getByRole("alert").filter({ hasText: "There is a problem" });
  let manageUrl: string;
  let letterUrl: string;
  let writer: Page;

  await test.step("the organiser's incomplete decision maker is explained, and what was typed is kept", async () => {
    await signIn(page, run.organiser);
    await page.goto("/targets/new");
    await expectAccessible(page);
    await page.getByLabel("Name").fill(mpName);
    await page.getByLabel("Areas covered").fill("QQ9");
    await page.getByRole("button", { name: "Add to the directory" }).click();
    await expect(problems).toContainText("Enter the body they belong to");
    await expect(problems).toContainText("Not a UK postcode area or district: QQ9");
    await expect(page.getByLabel("Name")).toHaveValue(mpName);
    await expectAccessible(page);
  });

  await test.step("the organiser adds the MP to the directory", async () => {
    await page.getByLabel("Body", { exact: true }).fill("House of Commons");
    await page.getByLabel("Email address").fill(mpEmail);
    await page.getByLabel("Areas covered").fill(run.district);
    await page.getByRole("button", { name: "Add to the directory" }).click();
    await expect(page.getByRole("status")).toContainText(`${mpName} is in the directory`);
    await expectAccessible(page);
  });

  await test.step("the organiser starts a letter campaign in the crisis campaign, and an untitled draft is explained", async () => {
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Manage the campaign" }).click();
    await page.getByRole("link", { name: "Start a letter campaign" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save the draft" }).click();
    await expect(problems).toContainText("Enter a title");
    await expectAccessible(page);
  });

  await test.step("the organiser saves the draft and opens it to supporters", async () => {
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("The ask, in one sentence").fill("Back a crisis house in every region.");
    await page.getByLabel("Talking points").fill("Crisis houses cost less than wards\nPeople recover near home");
    await page.getByLabel("Suggested subject line").fill("A crisis house for Cornwall");
    await page.getByLabel("Guidance for the personal part").fill("What would a calm place to go have meant to you?");
    // Sending at any hour of any day, so the test never waits for Monday.
    await page.getByLabel("Saturday").check();
    await page.getByLabel("Sunday").check();
    await page.getByLabel("Sending starts at (UK time)").selectOption("0");
    await page.getByLabel("Sending stops at (UK time)").selectOption("24");
    await page.getByLabel(/Test mode/).uncheck();
    await page.getByRole("button", { name: "Save the draft" }).click();
    await expect(page.getByRole("status")).toContainText("saved as a draft");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Open to supporters" }).click();
    await expect(page.getByRole("status")).toContainText("Supporters can now write");
    manageUrl = page.url();
    letterUrl = manageUrl.replace(/\/manage$/, "");
  });

  await test.step("a signed-out supporter finds who they are writing to by postcode", async () => {
    writer = await (await browser.newContext()).newPage();
    await writer.goto(letterUrl);
    await expectAccessible(writer);
    await writer.getByLabel("Your postcode").fill("nowhere");
    await writer.getByRole("button", { name: "Find who to write to" }).click();
    await expect(writer.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter your full postcode");
    await expectAccessible(writer);
    await writer.getByLabel("Your postcode").fill(run.postcode);
    await writer.getByRole("button", { name: "Find who to write to" }).click();
    await expect(writer.locator(".recipients")).toContainText(mpName);
    await expect(writer.getByRole("complementary")).toContainText("Crisis houses cost less than wards");
    await expectAccessible(writer);
  });

  await test.step("too short a personal paragraph is explained, and nothing typed is lost", async () => {
    await writer.getByLabel("Opening").fill("I am your constituent and I am asking you to back crisis houses.");
    await writer.getByLabel(/In your own words/).fill("It matters.");
    await writer.getByLabel("Your name").fill("Kerensa Pengelly");
    await writer.getByLabel("Your email address").fill(writerEmail);
    await writer.getByRole("button", { name: "Preview my letter" }).click();
    await expect(writer.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("150 characters or more");
    await expect(writer.getByLabel("Your name")).toHaveValue("Kerensa Pengelly");
    await expectAccessible(writer);
    await writer.getByLabel(/In your own words/).fill(PERSONAL);
    await writer.getByRole("button", { name: "Preview my letter" }).click();
  });

  await test.step("the preview is the letter as sent, and going back to change it keeps everything", async () => {
    const letter = writer.getByRole("article", { name: `Letter to ${mpName}` });
    await expect(letter).toContainText(`Dear ${mpName},`);
    await expect(letter).toContainText("Kerensa Pengelly");
    await expect(letter).toContainText(run.postcode.toUpperCase());
    await expect(writer.getByRole("link", { name: `Email it to ${mpName} yourself` })).toHaveAttribute("href", new RegExp(`^mailto:${encodeURIComponent(mpEmail)}`));
    await expectAccessible(writer);
    await writer.getByRole("button", { name: "Change my letter" }).click();
    await expect(writer.getByLabel(/In your own words/)).toHaveValue(PERSONAL);
    await expect(writer.getByLabel("Subject")).toHaveValue("A crisis house for Cornwall");
  });

  await test.step("the supporter sends the letter through Chorus and is asked to check their email", async () => {
    await writer.getByRole("button", { name: "Preview my letter" }).click();
    await writer.getByRole("button", { name: "Send through Chorus" }).click();
    await expect(writer.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expect(writer.getByText(writerEmail)).toBeVisible();
    await expectAccessible(writer);
  });

  await test.step("the supporter opens the link from the outbox and presses the button to confirm", async () => {
    const mail = await openLatestEmail(writer, writerEmail, /Confirm your letter/);
    await writer.goto(linkFrom(mail, "/confirm/"));
    await expectAccessible(writer);
    await writer.getByRole("button", { name: "Confirm and send my letter" }).click();
    await expect(writer.getByRole("heading", { level: 1, name: "Thank you: your letter is confirmed" })).toBeVisible();
    await expect(writer.getByText(/Letters go out .*a few at a time/)).toBeVisible();
    await expect(writer.getByRole("link", { name: /Share by WhatsApp/ })).toHaveAttribute("href", /wa\.me/);
    await expectAccessible(writer);
  });

  await test.step("the dispatcher sends the letter to the MP, from the coalition with the writer as Reply-To", async () => {
    const sent = await openLatestEmail(writer, mpEmail, /A crisis house for Cornwall/);
    expect(sent).toContain(`Dear ${mpName},`);
    expect(sent).toContain(PERSONAL);
    await expect(writer.locator("dd", { hasText: writerEmail })).toBeVisible();
  });

  await test.step("two weeks on, the writer is asked whether a reply came, and answers in one click", async () => {
    await fastForwardLetters(mpEmail);
    const followUp = await openLatestEmail(writer, writerEmail, /reply to your letter/);
    await writer.goto(linkFrom(followUp, "/letters/reply/"));
    await expect(writer.getByRole("heading", { name: `Did ${mpName} reply?` })).toBeVisible();
    await expectAccessible(writer);
    await writer.getByLabel("What did they say? (optional)").fill("They promised to raise it with the health minister.");
    await writer.getByLabel(/may publish this summary/).check();
    await writer.getByRole("button", { name: "Yes, I got a reply" }).click();
    await expect(writer.getByRole("status")).toContainText("the campaign now knows");
    await expect(writer.locator(".notice")).toContainText("Yes, I got a reply");
    await expectAccessible(writer);
    await writer.context().close();
  });

  await test.step("the organiser sees the figures and the reply, never the letter itself", async () => {
    await page.goto(manageUrl);
    await expect(page.getByRole("list", { name: "Letters by state" })).toContainText("1 Sent");
    await expect(page.getByRole("region", { name: "Letters and replies by decision maker" })).toContainText(mpName);
    await expect(page.locator("main")).not.toContainText(PERSONAL);
    await expectAccessible(page);
  });

  await test.step("the organiser publishes the reply's summary, and the campaign's timeline shows it", async () => {
    await page.getByRole("button", { name: `Publish the summary about ${mpName}` }).click();
    await expect(page.getByRole("status")).toContainText("on the campaign's timeline");
    await page.getByRole("link", { name: "Back to the campaign dashboard" }).click();
    await expect(page.getByRole("list", { name: "Figures" })).toContainText("letters sent");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Back to the campaign page" }).click();
    await expect(page.getByRole("heading", { level: 3, name: `${mpName} replied to a supporter's letter` })).toBeVisible();
    await expectAccessible(page);
  });
});
