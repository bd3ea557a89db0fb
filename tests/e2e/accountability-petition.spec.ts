import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * Petitions that ask decision makers for a response at a count: an organiser chooses whom and when,
 * the petition page says so, and the demo's petition, past its threshold, waits for the minister.
 * Letter writers can ask to hear when decision makers respond.
 */

test("an organiser chooses whom a new petition asks and at what count, and the petition page says who will be asked", async ({ page }, testInfo) => {
  const title = `Crisis beds near home (${testInfo.project.name})`;
  let campaignPath = "";

  await test.step("the campaign's organiser opens the new petition form from managing the campaign", async () => {
    await signIn(page, "ruth@chorus.example");
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    await expectAccessible(page);
    campaignPath = new URL(page.url()).pathname;
    await page.goto(`${campaignPath}/manage`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Start a petition" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("New petition");
    await expectAccessible(page);
  });

  await test.step("a threshold with nobody to ask, and a meeting threshold below it, are explained by the fields, keeping what was typed", async () => {
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("The ask, in one sentence").fill("Fund crisis beds close to home in every region.");
    await page.getByLabel("Why it matters").fill("People in crisis should not be sent hundreds of miles from the people who love them.");
    await page.getByLabel("Signature goal").fill("20,000");
    await page.getByLabel("Response threshold (optional)").fill("10,000");
    await page.getByLabel("Meeting threshold (optional)").fill("5,000");
    await page.getByRole("button", { name: "Save the draft" }).click();
    const problems = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(problems).toContainText("Choose at least one decision maker to ask");
    await expect(page.getByLabel("Response threshold (optional)")).toHaveValue("10,000");
    await expect(page.getByLabel("Title")).toHaveValue(title);
    await expectAccessible(page);
    await page.getByLabel(/^Minister for Care/).check();
    await page.getByRole("button", { name: "Save the draft" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("The meeting threshold must be higher than the response threshold (10,000)");
    await expect(page.getByLabel(/^Minister for Care/)).toBeChecked();
    await expect(page.getByLabel("Meeting threshold (optional)")).toHaveValue("5,000");
    await expectAccessible(page);
  });

  await test.step("with the minister chosen and a higher meeting threshold, the draft is saved and its page says who will be asked, and when", async () => {
    await page.getByLabel("Meeting threshold (optional)").fill("50,000");
    await page.getByRole("button", { name: "Save the draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const asks = page.getByRole("region", { name: "What the signatures ask for" });
    await expect(asks).toContainText("At 10,000 signatures, Minister for Care will be asked for a response.");
    await expect(asks).toContainText("At 50,000 signatures, they will be asked to meet the campaign.");
    await expectAccessible(page);
  });

  await test.step("once open, the wording is fixed but the thresholds can still change until they have asked", async () => {
    await page.getByRole("button", { name: "Open for signatures" }).click();
    await expect(page.getByText("Open for signatures", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Choose whom it asks, and at what counts" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Who the petition asks" })).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveCount(0);
    await expectAccessible(page);
    await page.getByLabel("Response threshold (optional)").fill("15,000");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("region", { name: "What the signatures ask for" })).toContainText("At 15,000 signatures, Minister for Care will be asked for a response.");
    await expectAccessible(page);
  });
});

test("the demo petition has passed its response threshold and is waiting for the minister", async ({ page }) => {
  await test.step("a visitor opens the crisis house petition and reads who it is waiting for, and since when", async () => {
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sign the petition: A crisis house in every region" }).click();
    const asks = page.getByRole("region", { name: "What the signatures ask for" });
    await expect(asks).toContainText(/Waiting for a response from Minister for Care since \d{1,2} \w+ \d{4}\./);
    await expect(asks).toContainText("At 10,000 signatures, Minister for Care will be asked to meet the campaign.");
    await expect(page.getByText("minister.care@example.org")).toHaveCount(0);
    await expectAccessible(page);
  });
});

test("a letter writer can ask to hear when decision makers respond; the box starts unticked and is kept through the preview", async ({ page }, testInfo) => {
  const email = `news-writer-${testInfo.project.name}-${Date.now().toString(36)}@example.org`;
  const optIn = () => page.getByLabel("Email me when decision makers respond to this campaign");

  await test.step("a supporter finds who to write to and writes their letter; the news box is unticked", async () => {
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Write a letter: Write to your MP about crisis houses", exact: true }).click();
    await expectAccessible(page);
    await page.getByLabel("Your postcode").fill("LS6 1AN");
    await page.getByRole("button", { name: "Find who to write to" }).click();
    await expect(optIn()).not.toBeChecked();
    await expectAccessible(page);
    await page.getByLabel("Opening").fill("I am writing as your constituent about crisis houses.");
    await page
      .getByLabel("In your own words: why this matters to you")
      .fill("When I was in crisis the only bed was two hundred miles away. A crisis house near home would have let my family visit and my friends stay in touch, and I would have been home sooner.");
    await page.getByLabel("Your name").fill("Robin Writer");
    await page.getByLabel("Your email address").fill(email);
    await optIn().check();
    await page.getByRole("button", { name: "Preview my letter" }).click();
    await expect(page.getByRole("heading", { name: "3. Check your letter" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("changing the letter keeps the box ticked, and sending asks them to confirm by email", async () => {
    await page.getByRole("button", { name: "Change my letter" }).click();
    await expect(optIn()).toBeChecked();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Preview my letter" }).click();
    await page.getByRole("button", { name: "Send through Chorus" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expectAccessible(page);
  });
});
