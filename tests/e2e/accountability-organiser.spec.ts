import { expect, expectAccessible, linkFrom, openLatestEmail, signIn, test } from "./fixtures";

// Each project asks its own decision maker, added to the directory for the run, as one of the crisis
// campaign's organisers; the decision maker answers through the emailed link without an account.
const RUNS = {
  "with-js": { organiser: "priya@chorus.example" },
  "no-js": { organiser: "ruth@chorus.example" },
} as const;

test("an organiser records an ask, the decision maker answers through the emailed link, and the answer is public on the tracker, the campaign and the decision maker's page, and followers are told", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const name = `Minister Ada Penrose (${testInfo.project.name})`;
  const email = `minister-${stamp}@example.org`;
  const request = `Will you fund a crisis house in every region by 2028? (${stamp})`;
  const problems = page.getByRole("alert").filter({ hasText: "There is a problem" });
  let asksUrl: string;
  let askUrl: string;
  let respondUrl: string;

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

  await test.step("the organiser finds the asks page from the campaign's manage page", async () => {
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Manage the campaign" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Asks to decision makers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Asks to decision makers" })).toBeVisible();
    await expectAccessible(page);
    asksUrl = page.url();
  });

  await test.step("an ask with nobody chosen and no channel is explained, and what was typed is kept", async () => {
    await page.getByLabel("What was asked").fill(request);
    await page.getByRole("button", { name: "Record the ask" }).click();
    await expect(problems).toContainText("Choose who was asked");
    await expect(problems).toContainText("Choose how they were asked");
    await expect(page.getByLabel("What was asked")).toHaveValue(request);
    await expect(page.getByRole("checkbox", { name: "Email them this ask with a link to respond" })).toBeChecked();
    await expectAccessible(page);
  });

  await test.step("the organiser records the ask, to be emailed with a link", async () => {
    await page.getByLabel("Who was asked").selectOption({ label: `${name}, Department of Health and Social Care` });
    await page.getByRole("radio", { name: "Meeting" }).check();
    await page.getByLabel("Link (optional)").fill("https://example.org/minutes");
    await page.getByRole("button", { name: "Record the ask" }).click();
    await expect(page.getByRole("status")).toContainText("The ask is recorded");
    await expect(page.getByRole("heading", { level: 1, name: `Ask to ${name}` })).toBeVisible();
    await expect(page.locator(".ask-record__summary")).toContainText("Asked, waiting for an answer.");
    await expectAccessible(page);
    askUrl = page.url();
  });

  await test.step("the decision maker's email in the outbox carries the link to respond", async () => {
    const text = await openLatestEmail(page, email, /A request for your response/);
    expect(text).toContain(request);
    respondUrl = new URL(linkFrom(text, "/respond/")).pathname;
  });

  await test.step("the link opens the response page; a response without words or a position is explained", async () => {
    await page.context().clearCookies();
    await page.goto(respondUrl);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByText(request)).toBeVisible();
    await expect(page.getByText(/published as soon as you press the button, in your own words, with today/)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Publish my response" }).click();
    await expect(problems).toContainText("Enter your response");
    await expect(problems).toContainText("Choose your position on what was asked");
    await expectAccessible(page);
  });

  await test.step("the decision maker publishes their response", async () => {
    await page.getByRole("textbox", { name: "Your response" }).fill("We will fund **three** crisis houses next year, and review the rest in 2027.");
    await page.getByRole("radio", { name: "We commit to some or all of what is asked" }).check();
    await page.getByRole("button", { name: "Publish my response" }).click();
    await expect(page.getByRole("status")).toContainText("Thank you: your response is published.");
    await expect(page.getByRole("heading", { level: 1, name: "Thank you for responding" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Publish my response" })).toHaveCount(0);
    await expectAccessible(page);
  });

  await test.step("a tampered link gets a plain page, not an error", async () => {
    const tampered = respondUrl.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    const response = await page.goto(tampered);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the organiser sees the response, in the decision maker's words, on the ask's page", async () => {
    await signIn(page, run.organiser);
    await page.goto(askUrl);
    const answer = page.locator(".ask-response");
    await expect(answer).toContainText("We will fund three crisis houses next year");
    await expect(answer.locator("strong")).toHaveText("three");
    await expect(answer).toContainText("in their own words, through Chorus");
    await expect(page.locator(".ask-status").first()).toHaveText("Committed");
    await expectAccessible(page);
  });

  const answerWords = "We will fund three crisis houses next year";

  await test.step("anyone, signed out, reads the response on the campaign page, where the email's anchor lands", async () => {
    await page.context().clearCookies();
    const askId = new URL(askUrl).pathname.split("/").pop()!;
    const campaignPath = new URL(askUrl).pathname.replace(/\/asks\/\d+$/, "");
    await page.goto(`${campaignPath}#ask-${askId}`);
    const ask = page.locator(`#ask-${askId}`);
    await expect(ask).toBeInViewport();
    await expect(ask).toContainText(answerWords);
    await expect(ask.locator(".ask-status")).toHaveText("Committed");
    await expectAccessible(page);
  });

  await test.step("the decision maker's public page lists the ask and the response, and never their address", async () => {
    await page.locator(".ask-record").filter({ hasText: answerWords }).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.locator(".ask-response")).toContainText(answerWords);
    expect(await page.content()).not.toContain(email);
    await expectAccessible(page);
  });

  await test.step("the public tracker, filtered to this decision maker, shows it committed with their words", async () => {
    const decisionMakerId = new URL(page.url()).pathname.split("/").pop()!;
    await page.goto(`/accountability?decision-maker=${decisionMakerId}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const ask = page.locator(".ask-record").filter({ hasText: answerWords });
    await expect(ask).toHaveCount(1);
    await expect(ask.locator(".ask-status")).toHaveText("Committed");
    await expectAccessible(page);
  });

  // Sam follows both demo campaigns; the fan-out is a job, so the notification centre is polled.
  await test.step("a follower of the campaign finds the response in their notifications", async () => {
    await signIn(page, "sam@chorus.example");
    const headline = `${name} has responded`;
    await expect
      .poll(
        async () => {
          await page.goto("/notifications");
          return page.getByRole("button", { name: new RegExp(headline.replace(/[()]/g, "\\$&")) }).count();
        },
        { timeout: 20_000, intervals: [500, 1000] },
      )
      .toBeGreaterThan(0);
    await expectAccessible(page);
  });

  await test.step("on a 375 px wide screen nothing on the asks page runs off the side", async () => {
    await signIn(page, run.organiser);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(asksUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Asks to decision makers" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
