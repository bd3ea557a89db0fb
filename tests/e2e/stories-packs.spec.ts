import { expect, expectAccessible, signIn, test, withE2eDatabase } from "./fixtures";

// Each project signs in as a different organiser of the demo's running campaign, and adds its own
// quotable stories, so the two runs never meet each other's packs.
const RUNS = {
  "with-js": { organiser: "priya@chorus.example" },
  "no-js": { organiser: "ruth@chorus.example" },
} as const;
const CAMPAIGN = "Crisis houses in every region by 2028";

/**
 * Published stories about the running campaign's demand whose teller agreed they may be quoted, told by
 * Sam (a demo member) and recorded with their consents, written straight to the e2e database: the
 * stories' own pages belong to another spec, and the pack only needs them to exist.
 */
async function addQuotableStories(stamp: string) {
  const stories = [
    { title: `The crisis house was calm (${stamp})`, body: "Nobody locked the door. Someone sat with me until morning, and **I was home in a week**.", notes: [] as string[], name: "place", place: "Leeds" },
    { title: `Three hundred miles from home (${stamp})`, body: "The only bed was three hundred miles away. My mum could not visit.", notes: ["restraint"], name: "anonymous", place: null },
  ];
  await withE2eDatabase(async (client) => {
    for (const s of stories) {
      const { rows } = await client.query(
        `insert into story (teller_id, title, body, content_notes, topics, status, audience, name_choice, place, may_quote, published_at)
         values ((select id from member where email = 'sam@chorus.example'), $1, $2, $3::text[], '{services}', 'published', 'public', $4, $5, true, now())
         returning id`,
        [s.title, s.body, s.notes, s.name, s.place],
      );
      const id = rows[0].id as string;
      await client.query(`insert into story_demand (story_id, demand_id) select $1, demand_id from campaign where title = $2`, [id, CAMPAIGN]);
      await client.query(
        `insert into story_consent_event (story_id, consent, value, actor) values ($1, 'audience', 'public', 'teller'), ($1, 'name', $2, 'teller'), ($1, 'quote', 'yes', 'teller'), ($1, 'research', 'no', 'teller')`,
        [id, s.name === "place" ? `place:${s.place}` : s.name],
      );
    }
  });
  return stories.map((s) => s.title);
}

test("an organiser makes a pack of quotable stories for a petition's delivery, opens the printable pack, and marks it delivered", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const packTitle = `Stories for the minister (${stamp})`;
  const problems = page.getByRole("alert").filter({ hasText: "There is a problem" });
  const titles = await addQuotableStories(stamp);
  let packUrl = "";

  await test.step("the organiser finds the story packs from the campaign's dashboard", async () => {
    await signIn(page, run.organiser);
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.getByRole("link", { name: CAMPAIGN }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Dashboard" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Story packs for decision makers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Story packs for decision makers" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("a pack with no title and no story ticked is explained, and what was chosen is kept", async () => {
    await page.getByLabel("What it goes with").selectOption({ label: "A crisis house in every region" });
    await page.getByRole("button", { name: "Make the pack with the stories ticked" }).click();
    await expect(problems).toContainText("Enter a title for the pack");
    await expect(problems).toContainText("Tick at least one story");
    await expect(page.getByLabel("What it goes with")).toHaveValue(/^petition-\d+$/);
    await expectAccessible(page);
  });

  await test.step("the organiser makes the pack with the two new stories, for the petition's delivery", async () => {
    await page.getByLabel("Title of the pack").fill(packTitle);
    for (const title of titles) await page.getByRole("checkbox", { name: title }).check();
    await page.getByRole("button", { name: "Make the pack with the stories ticked" }).click();
    await expect(page.getByRole("status")).toContainText("The pack is made, with 2 stories.");
    await expect(page.getByRole("heading", { level: 1, name: packTitle })).toBeVisible();
    await expect(page.getByText("the delivery of the petition “A crisis house in every region”")).toBeVisible();
    await expect(page.locator(".pack-contents > li")).toHaveCount(2);
    await expectAccessible(page);
    packUrl = new URL(page.url()).pathname;
  });

  await test.step("the printable pack has a cover with the figures, then each story under the name its teller chose", async () => {
    await page.getByRole("link", { name: "Open the printable pack" }).click();
    await expect(page.getByRole("heading", { level: 1, name: packTitle })).toBeVisible();
    await expect(page.locator(".pack-cover")).toContainText(`From the campaign “${CAMPAIGN}”`);
    await expect(page.getByRole("list", { name: "Figures" })).toContainText("2 stories in this pack");
    await expect(page.getByRole("table", { name: /Confirmed signatures by nation and region/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: titles[0] })).toBeVisible();
    await expect(page.getByText("Someone in Leeds")).toBeVisible();
    await expect(page.locator(".pack-story").filter({ hasText: titles[1] })).toContainText("Content note: Restraint, seclusion or detention.");
    await expect(page.locator(".pack-story strong").first()).toHaveText("I was home in a week");
    // No script is sent to a printable document, whichever project runs.
    expect(await page.locator("script[src]").count()).toBe(0);
    await expectAccessible(page);
  });

  await test.step("on paper the site's header, footer and help banner are left off, and each story starts a new page", async () => {
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.locator(".site-footer")).toBeHidden();
    await expect(page.locator(".help-link--header")).toBeHidden();
    expect(await page.locator(".pack-cover").evaluate((el) => getComputedStyle(el).breakAfter)).toBe("page");
    expect(await page.locator(".pack-story").nth(1).evaluate((el) => getComputedStyle(el).breakBefore)).toBe("page");
    await page.emulateMedia({ media: "screen" });
    // On screen the help link stays, as on every page.
    await expect(page.locator(".help-link--header")).toBeVisible();
  });

  await test.step("a delivery date in the future is explained; the organiser marks the pack delivered today", async () => {
    await page.goto(packUrl);
    await expectAccessible(page);
    await page.getByLabel("Date it was delivered").fill("1 1 2999");
    await page.getByRole("button", { name: "Mark as delivered" }).click();
    await expect(problems).toContainText("The date cannot be in the future");
    await expect(page.getByLabel("Date it was delivered")).toHaveValue("1 1 2999");
    await expectAccessible(page);
    const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).format(new Date()).replace(/\//g, " ");
    await page.getByLabel("Date it was delivered").fill(today);
    await page.getByRole("button", { name: "Mark as delivered" }).click();
    await expect(page.getByRole("status")).toContainText("The pack is marked as delivered on");
    await expect(page.getByRole("heading", { level: 2, name: "Change the delivery date" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the packs page lists it as delivered, and it reads well on a phone", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole("link", { name: "All of this campaign's packs" }).click();
    const item = page.locator(".pack-list > li").filter({ hasText: packTitle });
    await expect(item).toContainText("2 stories");
    await expect(item).toContainText(/· delivered \d/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await page.goto(`${packUrl}/print`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
  });
});
