import { expect, expectAccessible, test } from "./fixtures";

test("the home page explains Chorus, and every page offers help", async ({ page }) => {
  await test.step("the home page says what Chorus is for", async () => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deciding together, campaigning together");
    await expect(page.getByText("Nothing about us without us.").first()).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the header's Get help now link lists crisis lines", async () => {
    await page.getByRole("banner").getByRole("link", { name: "Get help now" }).click();
    await expect(page).toHaveURL(/\/get-help$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get help now");
    for (const line of ["999", "NHS 111", "116 123", "85258"]) await expect(page.getByRole("main")).toContainText(line);
    await expectAccessible(page);
  });

  await test.step("another page offers help in its footer", async () => {
    await page.goto("/privacy");
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Get help now" })).toBeVisible();
    await expectAccessible(page);
  });
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("an unknown address shows the site's own 404 page with a 404 status", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("banner").getByRole("link", { name: "Get help now" })).toBeVisible();
  await expectAccessible(page);
});

test("responses carry strict security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("a cross-site POST is refused with 403 before any action runs", async ({ request }) => {
  const crossSite = await request.post("/", { headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }, form: { a: "b" } });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toContain("came from another site");
  const forgedOrigin = await request.post("/", { headers: { Origin: "https://evil.example" }, form: { a: "b" } });
  expect(forgedOrigin.status()).toBe(403);
});

test("/healthz reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
});

test("the development outbox lists mail", async ({ page }) => {
  await page.goto("/dev/outbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Development outbox");
  await expectAccessible(page);
});
