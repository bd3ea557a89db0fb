import type { Browser } from "@playwright/test";
import { expect, expectAccessible, openLatestEmail, signIn, test } from "./fixtures";

// Issue #20's small things: feedback shown beside what was acted on, report reasons, and declining an
// organisation. Each project uses its own demo members, so the two runs never meet.
const PEOPLE = {
  "with-js": { writer: "grace@chorus.example", reporter: "hamza@chorus.example", founder: "owen@chorus.example" },
  "no-js": { writer: "isla@chorus.example", reporter: "jamal@chorus.example", founder: "rosa@chorus.example" },
} as const;

async function as(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("reporting a comment asks why and says so on the comment", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const people = PEOPLE[testInfo.project.name as keyof typeof PEOPLE];
  const remark = `Buy cheap watches at my shop (${testInfo.project.name} ${Date.now().toString(36)})`;
  let url = "";

  await test.step("a member posts a comment on the demand under consultation", async () => {
    await signIn(page, people.writer);
    await page.goto("/demands?stage=consultation");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Housing first for people leaving mental health wards" }).click();
    await page.getByLabel("Add to the discussion").fill(remark);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText(remark)).toBeVisible();
    await expectAccessible(page);
    url = page.url().split("#")[0]!;
  });

  const reporter = await as(browser, people.reporter);
  await test.step("another member opens the report form: reasons to choose, and the community guidelines", async () => {
    await reporter.goto(url);
    const comment = reporter.locator(".comment").filter({ hasText: remark }).first();
    await comment.getByRole("link", { name: "Report this comment" }).click();
    await expect(comment.getByRole("group", { name: "What is wrong with it?" })).toBeVisible();
    await expect(comment.getByRole("link", { name: "community guidelines" })).toHaveAttribute("href", "/guidelines");
    await expectAccessible(reporter);
  });

  await test.step("sending without a reason is explained, with the details kept", async () => {
    const comment = reporter.locator(".comment").filter({ hasText: remark }).first();
    await comment.getByLabel("Anything else the moderator should know (optional)").fill("It is an advert.");
    await comment.getByRole("button", { name: "Send report" }).click();
    await expect(reporter.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Choose what is wrong with the comment");
    await expect(reporter.getByLabel("Anything else the moderator should know (optional)")).toHaveValue("It is an advert.");
    await expectAccessible(reporter);
  });

  await test.step("with a reason, the comment itself says it was reported, where the reporter is looking", async () => {
    const comment = reporter.locator(".comment").filter({ hasText: remark }).first();
    await comment.getByLabel("Spam or advertising").check();
    await comment.getByRole("button", { name: "Send report" }).click();
    await expect(comment.getByText("You reported this.")).toBeVisible();
    await expect(comment.getByText("You reported this.")).toBeInViewport();
    await expect(comment.getByRole("link", { name: "Report this comment" })).toHaveCount(0);
    await expectAccessible(reporter);
    // It stays said on a later visit.
    await reporter.goto(url);
    await expect(reporter.locator(".comment").filter({ hasText: remark }).first().getByText("You reported this.")).toBeVisible();
  });

  await test.step("the community guidelines page is linked from the footer", async () => {
    await reporter.getByRole("contentinfo").getByRole("link", { name: "Community guidelines" }).click();
    await expect(reporter.getByRole("heading", { level: 1, name: "Community guidelines" })).toBeVisible();
    await expectAccessible(reporter);
    await reporter.context().close();
  });
});

test("a posted campaign update is confirmed on the update itself", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const headline = `Met three care boards this week (${testInfo.project.name} ${Date.now().toString(36)})`;

  await test.step("an organiser opens the running campaign's manage page; the date field asks for a UK date", async () => {
    await signIn(page, "ruth@chorus.example");
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Crisis houses in every region by 2028" }).first().click();
    await page.getByRole("link", { name: "Manage the campaign" }).click();
    await expect(page.getByText("For example, 27 3 2027").first()).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("an impossible date is explained, and the headline kept", async () => {
    await page.getByLabel("Headline").fill(headline);
    await page.getByLabel("When it happened").fill("31 2 2026");
    await page.getByRole("button", { name: "Post", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter a real date, for example 27 3 2027");
    await expect(page.getByLabel("Headline")).toHaveValue(headline);
    await expectAccessible(page);
  });

  await test.step("posted with today's date, the page lands on the update with its confirmation", async () => {
    const today = new Date();
    await page.getByLabel("When it happened").fill(`${today.getDate()} ${today.getMonth() + 1} ${today.getFullYear()}`);
    await page.getByRole("button", { name: "Post", exact: true }).click();
    await expect(page).toHaveURL(/\?posted=\d+#update-\d+$/);
    const entry = page.locator(".timeline__entry").filter({ hasText: headline });
    await expect(entry.getByRole("status")).toContainText("Posted. This update is now on the campaign\u2019s timeline");
    await expect(entry.getByRole("status")).toBeInViewport();
    await expectAccessible(page);
  });
});

test("a coalition admin sees who asked to verify an organisation, and declines it with a reason", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const people = PEOPLE[testInfo.project.name as keyof typeof PEOPLE];
  const name = `Wellbeing Apps Ltd ${testInfo.project.name} ${Date.now().toString(36)}`;
  const reason = "It is a company selling apps, not a group in the coalition.";

  await test.step("a member registers an organisation", async () => {
    await signIn(page, people.founder);
    await page.goto("/organisations/new");
    await expectAccessible(page);
    await page.getByLabel("Organisation name").fill(name);
    await page.getByLabel("Other", { exact: true }).check();
    await page.getByLabel("What it does (optional)").fill("We sell wellbeing apps to employers.");
    await page.getByLabel("Website (optional)").fill("https://wellbeing-apps.example");
    await page.getByRole("button", { name: "Register organisation" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expectAccessible(page);
  });

  const admin = await as(browser, "admin@chorus.example");
  await test.step("the admin sees its details: website, description, who asked and when", async () => {
    await admin.goto("/admin/organisations");
    const card = admin.getByRole("region", { name });
    await expect(card).toContainText("https://wellbeing-apps.example");
    await expect(card).toContainText("We sell wellbeing apps to employers.");
    await expect(card).toContainText(/Asked on\s*\d{1,2} [A-Z][a-z]+ \d{4}/);
    await expectAccessible(admin);
  });

  await test.step("declining without a reason is explained; with one, it is declined and leaves the queue", async () => {
    const card = admin.getByRole("region", { name });
    await card.getByRole("button", { name: `Decline ${name}` }).click();
    await expect(admin.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Say why you are declining it");
    await expectAccessible(admin);
    await admin.getByRole("region", { name }).getByLabel(`Reason, if you decline ${name}`).fill(reason);
    await admin.getByRole("region", { name }).getByRole("button", { name: `Decline ${name}` }).click();
    await expect(admin.getByRole("status")).toContainText("Organisation declined");
    await expect(admin.getByRole("region", { name })).toHaveCount(0);
    await expectAccessible(admin);
    await admin.context().close();
  });

  await test.step("the member who asked is emailed the reason", async () => {
    const text = await openLatestEmail(page, people.founder, /was not verified/);
    expect(text).toContain(reason);
  });
});
