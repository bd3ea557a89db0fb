import { expect, expectAccessible, signIn, test } from "./fixtures";

// Each project starts its own campaign from one of the demo's adopted demands, as that demand's author.
const DEMANDS = {
  "with-js": { title: "End out-of-area placements", author: "tom@chorus.example" },
  "no-js": { title: "Welfare rights advice in every mental health team", author: "ruth@chorus.example" },
} as const;

test("an adopted demand becomes a campaign: co-organiser, an update the public sees, then won", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const { title, author } = DEMANDS[testInfo.project.name as keyof typeof DEMANDS];
  const campaignTitle = `Care close to home (${testInfo.project.name})`;
  let campaignUrl: string;

  await test.step("the demand's author finds their adopted demand and opens the campaign form", async () => {
    await signIn(page, author);
    await page.goto(`/demands?${new URLSearchParams({ q: title, sort: "newest" })}`);
    await expectAccessible(page);
    await page.getByRole("link", { name: title, exact: true }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Start a campaign" }).click();
    await expectAccessible(page);
  });

  await test.step("a campaign without a title or an ask is explained, and the pitch typed is kept", async () => {
    await page.getByLabel("Short pitch").fill("Care should happen near the people who love you.");
    await page.getByRole("button", { name: "Start the campaign" }).click();
    const problems = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(problems).toContainText("Enter a title");
    await expect(problems).toContainText("Enter what the campaign asks for");
    await expect(page.getByLabel("Short pitch")).toHaveValue("Care should happen near the people who love you.");
    await expectAccessible(page);
  });

  await test.step("the author completes the form and the campaign starts", async () => {
    await page.getByLabel("Campaign title").fill(campaignTitle);
    await page.getByLabel("The ask").fill("Every area ends out-of-area placements within three years and funds local alternatives.");
    await page.getByLabel("Who it is aimed at").fill("Integrated care boards and the Minister for Care");
    await page.getByRole("button", { name: "Start the campaign" }).click();
    await expect(page.getByRole("status")).toContainText("The campaign has started");
    await expect(page.getByRole("heading", { level: 1, name: campaignTitle })).toBeVisible();
    await expectAccessible(page);
    campaignUrl = page.url();
  });

  await test.step("the author finds Priya by name and adds her as a co-organiser", async () => {
    await page.getByRole("link", { name: "Manage the campaign" }).click();
    await expectAccessible(page);
    await page.getByLabel("Add a co-organiser: search by name").fill("Priya");
    await page.getByRole("button", { name: "Find" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Add Priya as co-organiser" }).click();
    await expect(page.getByRole("status")).toContainText("Co-organiser added");
  });

  await test.step("an update without a headline is explained and its text kept, then it is posted", async () => {
    await page.getByLabel("Text (optional)").fill("We wrote to every **integrated care board**.");
    await page.getByRole("button", { name: "Post", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter a headline");
    await expect(page.getByLabel("Text (optional)")).toHaveValue("We wrote to every **integrated care board**.");
    await expectAccessible(page);
    await page.getByLabel("Headline").fill("Letters to every board are in the post");
    await page.getByRole("button", { name: "Post", exact: true }).click();
    const posted = page.locator(".timeline__entry").filter({ hasText: "Letters to every board are in the post" });
    await expect(posted.getByRole("status")).toContainText("Posted. This update is now on the campaign’s timeline");
    await expectAccessible(page);
  });

  await test.step("a signed-out visitor sees the pitch, the update, the organisers, share links and a preview for shared links", async () => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(campaignUrl);
    await expect(visitor.getByRole("heading", { level: 3, name: "Letters to every board are in the post" })).toBeVisible();
    await expect(visitor.locator("strong", { hasText: "integrated care board" })).toBeVisible();
    await expect(visitor.getByRole("heading", { name: "Organisers" }).locator("..")).toContainText("Priya");
    await expect(visitor.getByRole("link", { name: /Share by Email/ })).toHaveAttribute("href", /^mailto:/);
    await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute("content", campaignTitle);
    await expect(visitor.getByRole("link", { name: "Manage the campaign" })).toHaveCount(0);
    await expectAccessible(visitor);
    await visitor.context().close();
  });

  await test.step("marking the campaign won asks first, then ends the campaign and the demand's stage", async () => {
    await page.goto(`${campaignUrl}/manage`);
    await page.getByLabel("Won: the change we asked for is happening").check();
    await page.getByLabel("What happened, in a line").fill("The minister agreed to end out-of-area placements");
    await page.getByRole("button", { name: "End the campaign…" }).click();
    await expect(page.getByRole("heading", { name: "Mark this campaign as won?" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Yes, mark it as won" }).click();
    await expect(page.getByRole("status")).toContainText("Marked as won");
    await expect(page.locator(".page-heading .stage")).toHaveText("Won");
    await expect(page.getByRole("heading", { level: 3, name: "The minister agreed to end out-of-area placements" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the dashboard shows the timeline, and the decision record shows the demand won", async () => {
    await page.goto(`${campaignUrl}/dashboard`);
    // A new campaign's entries fall in one week (said as a number, not drawn as one tall bar), or
    // in two when the test runs across a Monday (a chart with its table).
    const oneWeek = page.getByText(/\d+ timeline entr(y|ies),? (all )?in the week beginning/);
    await expect(oneWeek.or(page.getByRole("table", { name: "Timeline entries by week" })).first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Back to the campaign page" }).click();
    await page.getByRole("link", { name: /See the decision record/ }).click();
    await expect(page.locator(".page-heading .stage")).toHaveText("Won");
    await expectAccessible(page);
  });

  await test.step("the campaign is listed among past campaigns", async () => {
    await page.goto("/campaigns?show=past");
    await expect(page.getByRole("link", { name: campaignTitle })).toBeVisible();
    await expectAccessible(page);
  });
});
