import { expect, expectAccessible, recordE2eAsk, test } from "./fixtures";

const PHONE = { width: 375, height: 812 };

test("the public accountability pages: the tracker, its filters and data, a decision maker's record and the campaign's asks", async ({ page }) => {
  const summary = `The minister agreed to fund 3 of 9 regions; 2 have opened (${Math.random().toString(36).slice(2, 7)})`;
  const ask = await recordE2eAsk(summary);

  await test.step("the footer leads to the tracker, which shows the demand, its ask and the totals", async () => {
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("contentinfo").getByRole("link", { name: /Accountability/ }).click();
    await expect(page).toHaveURL(/\/accountability$/);
    await expect(page.getByRole("heading", { level: 1, name: "Accountability" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Asks by status" })).toContainText("committed");
    await expect(page.locator(`#ask-${ask.askId}`)).toContainText(summary);
    await expect(page.locator("body")).not.toContainText(ask.targetEmail);
    await expectAccessible(page);
  });

  await test.step("filtering by status keeps the choice and narrows the list; junk in the address is ignored", async () => {
    await page.getByLabel("Status", { exact: true }).selectOption("committed");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/status=committed/);
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("committed");
    await expect(page.locator(`#ask-${ask.askId}`)).toBeVisible();
    await expect(page.locator(".ask-record:not(.ask-record--committed)")).toHaveCount(0);
    await expectAccessible(page);
    await page.goto("/accountability?status=nonsense&page=-4&decision-maker=abc");
    await expect(page.getByRole("heading", { level: 1, name: "Accountability" })).toBeVisible();
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("");
  });

  await test.step("the CSV link downloads the same data", async () => {
    await page.goto("/accountability?status=committed");
    const link = page.getByRole("link", { name: /spreadsheet \(CSV\)/ });
    await expect(link).toHaveAttribute("href", "/accountability.csv?status=committed");
    const response = await page.request.get("/accountability.csv?status=committed");
    expect(response.headers()["content-type"]).toContain("text/csv");
    const csv = await response.text();
    expect(csv).toContain(summary);
    expect(csv).not.toContain(ask.targetEmail);
    await expectAccessible(page);
  });

  await test.step("the decision maker's page shows what they were asked, and their address nowhere", async () => {
    await page.locator(`#ask-${ask.askId}`).getByRole("link", { name: ask.targetName }).click();
    await expect(page).toHaveURL(new RegExp(`/decision-makers/${ask.targetId}$`));
    await expect(page.getByRole("heading", { level: 1, name: ask.targetName })).toBeVisible();
    await expect(page.locator(`#ask-${ask.askId}`)).toContainText(summary);
    expect(await page.content()).not.toContain(ask.targetEmail);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Decision makers", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Decision makers" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the campaign page lists the ask, and #ask-ID lands on it", async () => {
    await page.goto(`/campaigns/${ask.campaignId}#ask-${ask.askId}`);
    await expect(page.getByRole("heading", { name: "What decision makers were asked" })).toBeVisible();
    await expect(page.locator(`#ask-${ask.askId}`)).toBeInViewport();
    await expect(page.locator(`#ask-${ask.askId} .ask-response`)).toContainText("three");
    await expectAccessible(page);
    await page.getByRole("link", { name: /on the accountability tracker/ }).click();
    await expect(page).toHaveURL(new RegExp(`/accountability\\?demand=${ask.demandId}$`));
    await expect(page.locator(`#ask-${ask.askId}`)).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("on a 375 px phone the tracker does not scroll sideways", async () => {
    await page.setViewportSize(PHONE);
    await page.goto("/accountability");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
  });
});
