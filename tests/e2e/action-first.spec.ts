import { expect, expectAccessible, signIn, test } from "./fixtures";

// Issue #20: on a phone the next step comes first; numbers and lengths are read as people type them.
const PHONE = { width: 375, height: 812 };

test("on a phone the petition's sign form is near the top, and an organiser drafts, edits and checks a petition", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const title = `Respite beds near home (${testInfo.project.name} ${Date.now().toString(36)})`;
  let campaign: string;

  await test.step("on a phone, the sign form starts within the first screen and a half of the petition", async () => {
    await page.setViewportSize(PHONE);
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    await expectAccessible(page);
    campaign = new URL(page.url()).pathname;
    await page.getByRole("link", { name: "Sign the petition: A crisis house in every region" }).click();
    const form = await page.getByRole("heading", { name: "Sign this petition" }).boundingBox();
    expect(form!.y).toBeLessThan(PHONE.height * 1.5);
    // The count reads as a sentence, not as a heading: the page's headings are its sections.
    await expect(page.getByRole("heading", { name: /signatures?$/ })).toHaveCount(0);
    await expect(page.locator(".count")).toContainText(/\d+ signatures?/);
    await expectAccessible(page);
  });

  await test.step("the organiser's goal may be typed with separators; a goal that is not a number is explained and kept", async () => {
    await signIn(page, "ruth@chorus.example");
    await page.goto(`${campaign}/petitions/new`);
    await expectAccessible(page);
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("The ask, in one sentence").fill("Fund respite beds in every district.");
    await page.getByLabel("Why it matters").fill("A night away from home should not mean a ward two hundred miles away.");
    await page.getByLabel("Addressed to").fill("Integrated care board chairs");
    await page.getByLabel("Signature goal").fill("two thousand");
    await page.getByRole("button", { name: /Save/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter the goal as a whole number, like 10,000");
    await expect(page.getByLabel("Signature goal")).toHaveValue("two thousand");
    await expect(page.getByLabel("Title")).toHaveValue(title);
    await expectAccessible(page);
    await page.getByLabel("Signature goal").fill("2,000");
    await page.getByLabel("Milestones (optional)").fill("500, 1,000");
    await page.getByRole("button", { name: /Save/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("0% of the goal of 2,000.")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the draft links to its edit page, and an edit is saved", async () => {
    await page.getByRole("link", { name: "edit the petition" }).click();
    await expect(page.getByLabel("Signature goal")).toHaveValue("2,000");
    await expect(page.getByLabel("Milestones (optional)")).toHaveValue("500, 1,000");
    await expectAccessible(page);
    await page.getByLabel("Title").fill(`${title}, now`);
    await page.getByRole("button", { name: "Save the draft" }).click();
    await expect(page.getByRole("status")).toContainText("The draft is saved.");
    await expect(page.getByRole("heading", { level: 1, name: `${title}, now` })).toBeVisible();
  });
});

test("on a letter the talking points come before the box, which says how many more characters it needs", async ({ page }, testInfo) => {
  await test.step("a supporter on a phone enters a postcode and sees the talking points above the box they write in", async () => {
    await page.setViewportSize(PHONE);
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Write a letter: Write to your MP about crisis houses", exact: true }).click();
    await page.getByLabel("Your postcode").fill("LS6 1AN");
    await page.getByRole("button", { name: "Find who to write to" }).click();
    const points = await page.getByRole("heading", { name: "Talking points" }).boundingBox();
    const box = await page.getByLabel("In your own words: why this matters to you").boundingBox();
    expect(points!.y).toBeLessThan(box!.y);
    await expect(page.getByText("At least 150 and up to 3,000 characters.")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("typing shows progress to the minimum (with JavaScript), and a short letter is refused either way", async () => {
    const personal = page.getByLabel("In your own words: why this matters to you");
    await personal.fill("My brother waited nine hours.");
    if (testInfo.project.name !== "no-js") await expect(page.locator(".character-count")).toHaveText("121 more characters needed");
    await page.getByRole("button", { name: "Preview my letter" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
    await expect(personal).toHaveValue("My brother waited nine hours.");
    await expectAccessible(page);
  });
});
