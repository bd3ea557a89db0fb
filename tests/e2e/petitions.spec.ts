import { expect, expectAccessible, linkFrom, openLatestEmail, test } from "./fixtures";

test("a visitor signs a petition without an account, confirms from the email, and the count rises", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const email = `signer-${testInfo.project.name}-${Date.now().toString(36)}@example.org`;
  const countNow = async () => Number((await page.locator(".count .figures__number").innerText()).replace(/,/g, ""));
  let petitionUrl: string;
  let before: number;

  await test.step("a visitor finds the crisis house petition from the campaigns list and notes its count", async () => {
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sign the petition: A crisis house in every region" }).click();
    await expectAccessible(page);
    petitionUrl = page.url();
    before = await countNow();
  });

  await test.step("a missing email and a wrong postcode are explained, and the name typed is kept", async () => {
    await page.getByLabel("Your name").fill("River Song");
    await page.getByLabel("Postcode (optional)").fill("not a postcode");
    await page.getByRole("button", { name: "Sign the petition" }).click();
    const problems = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(problems).toContainText("Enter your email address");
    await expect(problems).toContainText("Enter a UK postcode");
    await expect(page.getByLabel("Your name")).toHaveValue("River Song");
    await expectAccessible(page);
  });

  await test.step("the visitor signs without an account and is asked to check their email", async () => {
    await page.getByLabel("Your email address").fill(email);
    await page.getByLabel("Postcode (optional)").fill("ls6 1an");
    await page.getByLabel("Show my first name on this page").check();
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the signer opens the link from the outbox and presses the button to confirm", async () => {
    const mail = await openLatestEmail(page, email, /Confirm your signature/);
    await page.goto(linkFrom(mail, "/confirm/"));
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("status")).toContainText("your signature is confirmed");
    // Back on the petition: no sign form, but "You have signed" with the count including this
    // signature at once (not after the counter's next fold), and ways to share.
    await expect(page.getByRole("heading", { name: "You have signed" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign the petition" })).toHaveCount(0);
    expect(await countNow()).toBe(before + 1);
    await expect(page.locator(".count")).toContainText("including yours");
    await expect(page.getByRole("link", { name: /Share by WhatsApp/ })).toHaveAttribute("href", /wa\.me/);
    await expect(page.getByRole("textbox", { name: "Or copy this address" })).toHaveValue(petitionUrl);
    await expectAccessible(page);
  });

  await test.step("the count rises by one, and the signer's first name and region are among the recent signatures", async () => {
    await expect
      .poll(async () => {
        await page.goto(petitionUrl);
        return countNow();
      }, { timeout: 20_000, intervals: [1000, 2000] })
      .toBe(before + 1);
    await expect(page.getByRole("heading", { name: "Recently signed" }).locator("..")).toContainText("River, Yorkshire and the Humber");
    await expectAccessible(page);
  });

  await test.step("the count is also a cacheable JSON address", async () => {
    const json = await page.request.get(`${petitionUrl}/count.json`);
    expect(json.headers()["cache-control"]).toContain("max-age=5");
    // The public count is the folded one (the fold runs every few seconds; the signer's own page adds
    // what is waiting), so it catches up rather than being there at once.
    await expect
      .poll(async () => (await (await page.request.get(`${petitionUrl}/count.json`)).json()).count, { timeout: 20_000, intervals: [1000, 2000] })
      .toBe(before + 1);
  });
});
