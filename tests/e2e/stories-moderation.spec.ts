import type { Page } from "@playwright/test";
import { expect, expectAccessible, openLatestEmail, signIn, test, withE2eDatabase } from "./fixtures";

// The demo moderator reviews stories, with and without JavaScript: the queue shows each story's
// content note before anything else and never its words; the review page keeps the words behind a
// click; a change is asked for with a reason (refused first without one), the teller is emailed the
// reason and never the story's title or words; another story is published. Then the same pages on a
// 375 px phone.

const TELLER = "sam@chorus.example";
const PHONE = { width: 375, height: 812 };

/**
 * Two stories waiting for review, told by the demo member Sam, written straight to the e2e database
 * (telling a story through its own page is another part of Chorus; these pages only need stories
 * waiting). Each consent is recorded as the app records it.
 */
async function tellStoriesForReview(stamp: string) {
  return withE2eDatabase(async (client) => {
    const teller = (await client.query("select id from member where email = $1", [TELLER])).rows[0];
    const demand = (await client.query("select id, title from demand where stage <> 'draft' order by id limit 1")).rows[0];
    const tell = async (title: string, body: string, notes: string[]) => {
      const story = (
        await client.query(
          "insert into story (teller_id, title, body, content_notes, topics, audience, name_choice) values ($1, $2, $3, $4, '{housing}', 'public', 'display_name') returning id",
          [teller.id, title, body, notes],
        )
      ).rows[0];
      await client.query("insert into story_demand (story_id, demand_id) values ($1, $2)", [story.id, demand.id]);
      await client.query(
        "insert into story_consent_event (story_id, consent, value, actor) values ($1, 'audience', 'public', 'teller'), ($1, 'name', 'display_name', 'teller'), ($1, 'quote', 'no', 'teller'), ($1, 'research', 'no', 'teller')",
        [story.id],
      );
      return Number(story.id);
    };
    const toChange = { title: `The night before discharge (${stamp})`, body: `Ward Marigold-${stamp} sent me out at midnight with nowhere to go.` };
    const toPublish = { title: `A key to my own door (${stamp})`, body: `After six months in a hostel, a council flat changed everything (${stamp}).` };
    return {
      toChange,
      toPublish,
      ids: { toChange: await tell(toChange.title, toChange.body, ["self_harm", "restraint"]), toPublish: await tell(toPublish.title, toPublish.body, []) },
      demandTitle: String(demand.title),
    };
  });
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `the page at ${page.url()} is wider than the screen`).toBeLessThanOrEqual(0);
}

test("a moderator reads the content note first, opens the words, asks for a change with a reason, and publishes another story", async ({ page }, testInfo) => {
  // Two cores shared with other runs: axe on every page and the outbox poll take their time.
  test.setTimeout(300_000);
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const stories = await tellStoriesForReview(stamp);
  const reason = `Please leave out the ward's name: it could identify the nurse (${stamp}).`;

  await test.step("the moderator opens the queue: the content note comes first, the words are not there", async () => {
    await signIn(page, "moderator@chorus.example");
    await page.goto("/admin");
    await expectAccessible(page);
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Stories" }).click();
    await expect(page.getByRole("heading", { name: "Stories waiting for review" })).toBeVisible();
    await expectAccessible(page);
    const entry = page.locator(".story-queue__item").filter({ hasText: stories.toChange.title });
    await expect(entry.locator("p").first()).toHaveText("Content note: Self-harm; Restraint, seclusion or detention");
    await expect(page.locator(".story-queue__item").filter({ hasText: stories.toPublish.title }).locator("p").first()).toHaveText("No content note");
    await expect(page.getByText(`Ward Marigold-${stamp}`)).toHaveCount(0);
  });

  await test.step("the review page shows the content note, the chosen name and audience, and the words only when asked", async () => {
    await page.getByRole("link", { name: stories.toChange.title }).click();
    await expect(page.getByRole("heading", { name: "Review a story" })).toBeVisible();
    await expect(page.locator(".story-review__note")).toHaveText("Content note: Self-harm; Restraint, seclusion or detention");
    await expect(page.locator(".story-review__facts")).toContainText("Sam");
    await expect(page.locator(".story-review__facts")).toContainText("Anyone");
    await expect(page.locator(".story-review__facts")).toContainText(stories.demandTitle);
    await expect(page.locator(".story-review__facts")).not.toContainText(TELLER);
    const words = page.getByText(`Ward Marigold-${stamp} sent me out`);
    await expect(words).toBeHidden();
    await expectAccessible(page);
    await page.getByText("Read the story").click();
    await expect(words).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("asking for a change without a reason is refused by the box; with one, the teller is asked", async () => {
    await page.getByRole("button", { name: "Ask for a change" }).click();
    await expect(page.getByRole("alert")).toContainText("Say what the teller should change");
    await expect(page.locator("#field-reason-changes_requested-error")).toContainText("Say what the teller should change");
    await expectAccessible(page);
    await page.getByLabel("What should the teller change?").fill(reason);
    await page.getByRole("button", { name: "Ask for a change" }).click();
    await expect(page.getByRole("status")).toContainText("The teller has been asked to change their story");
    await expect(page.getByRole("link", { name: stories.toChange.title })).toHaveCount(0);
    await expectAccessible(page);
  });

  await test.step("the teller's email gives the reason and links to their story, without its title or words", async () => {
    // The other project's run emailed the same teller earlier: wait for this run's email, not just any.
    let text = "";
    await expect.poll(async () => (text = await openLatestEmail(page, TELLER, /change something in your story/)), { timeout: 30_000 }).toContain(reason);
    expect(text).toContain(`/stories/${stories.ids.toChange}`);
    expect(text).not.toContain(stories.toChange.title);
    expect(text).not.toContain("Marigold");
  });

  await test.step("another story is published", async () => {
    await page.goto("/admin/stories");
    await expectAccessible(page);
    await page.getByRole("link", { name: stories.toPublish.title }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Publish it" }).click();
    await expect(page.getByRole("status")).toContainText("The story is published");
    await expect(page.getByRole("link", { name: stories.toPublish.title })).toHaveCount(0);
    await expectAccessible(page);
  });

  await test.step("on a 375 px phone the queue and a review page fit the screen", async () => {
    await page.setViewportSize(PHONE);
    await page.goto("/admin/stories");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.goto(`/admin/stories/${stories.ids.toChange}`);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await expect(page.getByRole("heading", { name: "Decisions so far" })).toBeVisible();
    await expect(page.getByText(reason)).toBeVisible();
  });
});
