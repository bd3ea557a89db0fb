import { expect, expectAccessible, signIn, test } from "./fixtures";

test("the home page shows the coalition at work to visitors, held letters to an organiser, and waiting work to an admin", async ({ page }) => {
  // Three people's pages, each scanned with axe, on a machine shared with other runs.
  test.setTimeout(150_000);
  await test.step("signed out, the home page lists open votes, petitions with their counts, campaigns and wins", async () => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deciding together, campaigning together");
    const now = page.getByRole("region", { name: "What the coalition is doing now" });
    for (const heading of ["Open votes", "Petitions to sign", "Campaigns running", "Recent wins"]) await expect(now.getByRole("heading", { name: heading })).toBeVisible();
    await expect(now.getByRole("region", { name: "Campaigns running" })).toContainText("Crisis houses in every region by 2028");
    await expect(now.getByRole("region", { name: "Petitions to sign" })).toContainText(/\d+ signatures? of [\d,]+/);
    await expectAccessible(page);
  });

  await test.step("a visitor opens a petition from the home page", async () => {
    const petitions = page.getByRole("region", { name: "Petitions to sign" });
    const first = petitions.getByRole("listitem").first().getByRole("link");
    const title = (await first.innerText()).trim();
    await first.click();
    await expect(page).toHaveURL(/\/petitions\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expectAccessible(page);
  });

  await test.step("the full list of petitions to sign", async () => {
    await page.goto("/");
    await page.getByRole("link", { name: "All open petitions" }).click();
    await expect(page).toHaveURL(/\/petitions$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Petitions to sign");
    await expectAccessible(page);
  });

  await test.step("the organiser's home page lists her campaign and links to the letters held for her review", async () => {
    await signIn(page, "ruth@chorus.example");
    await page.goto("/");
    const campaigns = page.getByRole("region", { name: "Your campaigns" });
    await expect(campaigns.getByRole("link", { name: "Crisis houses in every region by 2028" })).toBeVisible();
    await expect(campaigns).toContainText(/signatures? of/);
    await expectAccessible(page);
    await campaigns.getByRole("link", { name: /held for your review/ }).first().click();
    await expect(page).toHaveURL(/\/letters\/[^/]+\/manage/);
    await expect(page.locator("#held-heading")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("a coalition admin sees what waits for the team on the admin overview, and follows a count", async () => {
    await page.context().clearCookies();
    await signIn(page, "admin@chorus.example");
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Waiting for the coalition team" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/admin");
    const waiting = page.getByRole("region", { name: "Waiting for you" });
    await expect(waiting.getByRole("link", { name: /organisations? to verify/ })).toBeVisible();
    await expect(waiting.getByRole("link", { name: /reported comments? to review/ })).toBeVisible();
    await expectAccessible(page);
    await waiting.getByRole("link", { name: /organisations? to verify/ }).click();
    await expect(page).toHaveURL(/\/admin\/organisations$/);
    await expectAccessible(page);
  });
});
