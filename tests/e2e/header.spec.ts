import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };
// One row of 44 px targets plus padding; the old header took 180-220 px of an 812 px phone screen.
const PHONE_HEADER_MAX = 120;

const header = (page: Page) => page.getByRole("banner");
const menuButton = (page: Page) => header(page).locator("summary", { hasText: "Menu" });
const heightOf = async (locator: Locator) => (await locator.boundingBox())!.height;

/** Tabs forward until `target` has focus, as a keyboard user would (at most `limit` presses). */
async function tabTo(page: Page, target: Locator, limit = 10) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tabbed ${limit} times without reaching the element`);
}

test("on a phone the header is one short row: logo, Get help now and a Menu that works without JavaScript", async ({ page }) => {
  await page.setViewportSize(PHONE);

  await test.step("signed out, the header is under 120 px and Get help now shows without opening the menu", async () => {
    await page.goto("/");
    expect(await heightOf(header(page))).toBeLessThan(PHONE_HEADER_MAX);
    await expect(header(page).getByRole("link", { name: "Get help now" })).toBeVisible();
    await expect(menuButton(page)).toBeVisible();
    await expect(header(page).getByRole("link", { name: "Demands" })).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
  });

  await test.step("the skip link moves focus to the main content", async () => {
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  await test.step("the Menu opens by pointer below the header, and its links work", async () => {
    await page.goto("/");
    await menuButton(page).click();
    const demands = header(page).getByRole("link", { name: "Demands" });
    await expect(demands).toBeVisible();
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(header(page).getByRole("link", { name: "Join" })).toBeVisible();
    const buttonBox = (await menuButton(page).boundingBox())!;
    expect((await demands.boundingBox())!.y).toBeGreaterThan(buttonBox.y + buttonBox.height);
    await expectAccessible(page);
    await demands.click();
    await expect(page).toHaveURL(/\/demands$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demands");
    await expect(page).toHaveTitle("Demands – Chorus");
    await expectAccessible(page);
  });

  await test.step("the Menu opens by keyboard, shows where focus is, and its links work", async () => {
    await page.goto("/");
    await tabTo(page, menuButton(page));
    // A visible focus indicator: the yellow focus colour fills the button.
    expect(await menuButton(page).evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(255, 191, 71)");
    await page.keyboard.press("Enter");
    const campaigns = header(page).getByRole("link", { name: "Campaigns" });
    await expect(campaigns).toBeVisible();
    await tabTo(page, campaigns);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/campaigns$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campaigns");
    await expectAccessible(page);
  });
});

test("signed in as an admin, the header keeps to one row on a desktop and stays short on a phone", async ({ page }) => {
  await test.step("at 1280 px, the logo, the main navigation and Get help now share one row, the account links one slim bar", async () => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, "admin@chorus.example");
    await page.goto("/demands");
    await expectAccessible(page);
    const main = header(page).getByRole("navigation", { name: "Main" });
    const account = header(page).getByRole("navigation", { name: "Your account" });
    const row = [
      header(page).getByRole("link", { name: "Chorus", exact: true }),
      main.getByRole("link", { name: "Demands" }),
      main.getByRole("link", { name: "Campaigns" }),
      main.getByRole("link", { name: "Organisations" }),
      header(page).getByRole("link", { name: "Get help now" }),
    ];
    const bar = [account.getByRole("link", { name: /Notifications/ }), account.getByRole("link", { name: /your settings/ }), account.getByRole("link", { name: "Admin", exact: true }), account.getByRole("button", { name: "Sign out" })];
    for (const items of [row, bar]) {
      const middles = await Promise.all(items.map(async (item) => {
        await expect(item).toBeVisible();
        const box = (await item.boundingBox())!;
        return box.y + box.height / 2;
      }));
      for (const middle of middles) expect(Math.abs(middle - middles[0]!)).toBeLessThan(4);
    }
    // Two rows in all: the slim bar and the main row (the old header took three for an admin).
    expect(await heightOf(header(page))).toBeLessThan(130);
  });

  await test.step("at 375 px, the header is under 120 px and the Menu holds the account links", async () => {
    await page.setViewportSize(PHONE);
    await page.goto("/");
    expect(await heightOf(header(page))).toBeLessThan(PHONE_HEADER_MAX);
    await expect(header(page).getByRole("link", { name: "Get help now" })).toBeVisible();
    await expectAccessible(page);
    await menuButton(page).click();
    await expect(header(page).getByRole("link", { name: /your settings/ })).toBeVisible();
    await expect(header(page).getByRole("button", { name: "Sign out" })).toBeVisible();
    await expectAccessible(page);
    await header(page).getByRole("link", { name: "Admin", exact: true }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page).toHaveTitle("Admin – Chorus");
    await expectAccessible(page);
  });
});

test("a page's title names it, and begins 'Error:' after a refused submit", async ({ page }) => {
  await test.step("the join page has its own title", async () => {
    await page.goto("/join");
    await expect(page).toHaveTitle("Join – Chorus");
    await expectAccessible(page);
  });

  await test.step("sending the form empty shows the errors and the title begins 'Error: '", async () => {
    await page.getByRole("main").getByRole("button", { name: "Join", exact: true }).click();
    await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
    await expect(page).toHaveTitle("Error: Join – Chorus");
    await expectAccessible(page);
  });

  await test.step("another page's title no longer says Error", async () => {
    await header(page).getByRole("link", { name: "Get help now" }).click();
    await expect(page).toHaveTitle("Get help now – Chorus");
    await expectAccessible(page);
  });
});
