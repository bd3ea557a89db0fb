import { expect, expectAccessible, linkFrom, openLatestEmail, signIn, test } from "./fixtures";

// Each project has its own follower and commenter, so each finds its own notification and email.
const PEOPLE = {
  "with-js": { follower: "marek@chorus.example", commenter: "nia@chorus.example", commenterName: "Nia" },
  "no-js": { follower: "owen@chorus.example", commenter: "rosa@chorus.example", commenterName: "Rosa" },
} as const;
const DEMAND = "Housing first for people leaving mental health wards";

test("follow a demand, another member comments: it is in the notification centre and the outbox, and one link stops those emails", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const people = PEOPLE[testInfo.project.name as keyof typeof PEOPLE];
  const words = `Discharge planning should start on the first day (${testInfo.project.name}).`;
  const headline = new RegExp(`${people.commenterName} commented on ${DEMAND}`);
  let demandUrl: string;
  let mail: string;

  // The quiet default is a daily digest.
  await test.step("the follower chooses to hear about new comments straight away", async () => {
    await signIn(page, people.follower);
    await page.goto("/settings/notifications");
    await expectAccessible(page);
    await expect(page.getByLabel("New comments on demands you follow")).toHaveValue("daily");
    await page.getByLabel("New comments on demands you follow").selectOption("immediately");
    await page.getByRole("button", { name: "Save my choices" }).click();
    await expect(page.getByRole("status")).toContainText("Your choices are saved");
    await expect(page.getByLabel("New comments on demands you follow")).toHaveValue("immediately");
    await expectAccessible(page);
  });

  await test.step("the follower follows the housing demand from its page", async () => {
    await page.goto("/demands?stage=consultation");
    await expectAccessible(page);
    await page.getByRole("link", { name: DEMAND }).click();
    await expectAccessible(page);
    demandUrl = page.url();
    await page.getByRole("button", { name: "Follow", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("You are following this demand");
    await expect(page.getByRole("button", { name: "Stop following" })).toBeVisible();
  });

  await test.step("another member comments on the demand", async () => {
    const commenter = await (await browser.newContext()).newPage();
    await signIn(commenter, people.commenter);
    await commenter.goto(demandUrl);
    await commenter.getByLabel("Add to the discussion").fill(words);
    await commenter.getByRole("button", { name: "Post comment" }).click();
    await expect(commenter.getByRole("status")).toContainText("Your comment is posted");
    await commenter.context().close();
  });

  // The fan-out is a job, so the follower's pages are polled for it.
  await test.step("within seconds the follower's notification centre lists the comment, and the header counts it", async () => {
    await expect
      .poll(
        async () => {
          await page.goto("/notifications");
          return page.getByRole("button", { name: headline }).count();
        },
        { timeout: 20_000, intervals: [500, 1000] },
      )
      .toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: /Notifications \d+ unread/ })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the notification leads to the comment", async () => {
    await page.getByRole("button", { name: headline }).first().click();
    await expect(page.getByText(words)).toBeVisible();
    expect(page.url()).toContain("#comment-");
    await expectAccessible(page);
  });

  await test.step("the same notification arrives by email, and opening its stop link changes nothing", async () => {
    mail = await openLatestEmail(page, people.follower, headline);
    expect(mail).not.toContain(words);
    await page.goto(linkFrom(mail, "/unsubscribe/"));
    await expect(page.getByRole("heading", { name: "Stop these emails?" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/settings/notifications");
    await expect(page.getByLabel("New comments on demands you follow")).toHaveValue("immediately");
  });

  await test.step("one press on the stop link turns these emails off", async () => {
    await page.goto(linkFrom(mail, "/unsubscribe/"));
    await page.getByRole("button", { name: "Stop these emails" }).click();
    await expect(page.getByRole("status")).toContainText("You will not get these emails again");
    await expectAccessible(page);
    await page.goto("/settings/notifications");
    await expect(page.getByLabel("New comments on demands you follow")).toHaveValue("off");
    await expectAccessible(page);
  });
});
