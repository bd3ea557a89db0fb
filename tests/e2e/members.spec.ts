import { readFile } from "node:fs/promises";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, expectAccessible, linkFrom, openLatestEmail, signIn, test } from "./fixtures";

// Each project (with and without JavaScript) uses its own addresses, so runs never collide. Demo
// accounts are spread across specs: sign-in is rate limited per email (8 in 15 minutes), as in production.
const address = (name: string, project: string) => `${name}-${project}-${Date.now().toString(36)}@example.org`;

test("join, confirm from the outbox, share a perspective, sign out, sign back in with an email link", async ({ page }, testInfo) => {
  const email = address("river", testInfo.project.name);
  let link: string;

  await test.step("a visitor's mistakes on the join form are each explained, and what was typed stays", async () => {
    await page.goto("/join");
    await expectAccessible(page);
    await page.getByLabel("Email address").fill("river-at-example");
    await page.getByLabel("The name others will see").fill("River");
    await page.getByRole("button", { name: "Join" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: "Enter an email address in the correct format, like name@example.com" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Confirm that you are 18 or over" })).toBeVisible();
    await expect(page.getByLabel("The name others will see")).toHaveValue("River");
    await expectAccessible(page);
  });

  await test.step("the visitor corrects the form, joins, and is asked to check their email", async () => {
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("I am 18 or over").check();
    await page.getByLabel(/I agree to the terms/).check();
    await page.getByRole("button", { name: "Join" }).click();
    await expect(page.getByRole("heading", { name: "Confirm your email to finish joining" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the new member confirms their email from the outbox and is welcomed by name", async () => {
    const verification = await openLatestEmail(page, email, /Confirm your email/);
    await page.goto(linkFrom(verification, "/verify-email/"));
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await expect(page.getByRole("status")).toContainText("Your email is confirmed");
    // A welcome that says what members can do, with the one optional question and a real way to skip it.
    await expect(page.getByRole("heading", { name: "Welcome to Chorus, River" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the member skips the question, sees what needs their input, then comes back to answer it", async () => {
    await page.getByRole("link", { name: "Skip for now" }).click();
    await expect(page.getByRole("heading", { name: "What needs your input" })).toBeVisible();
    await expect(page.getByRole("link", { name: "End benefit sanctions for people in mental distress" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "What you can do here" }).click();
    await page.getByRole("link", { name: "Answer the question" }).click();
    await expect(page.getByRole("heading", { name: "Your perspective (optional)" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Skip for now" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("a perspective without consent is refused and the choice kept, then saved once the member agrees", async () => {
    await page.getByLabel("Lived experience").check();
    await page.getByRole("button", { name: "Save my perspective" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Tick the box to agree");
    await expect(page.getByLabel("Lived experience")).toBeChecked();
    await expectAccessible(page);
    await page.getByLabel(/I agree that Chorus may store my perspective/).check();
    await page.getByRole("button", { name: "Save my perspective" }).click();
    await expect(page.getByRole("status")).toContainText("Your perspective is saved");
    await expect(page.getByRole("heading", { name: "What needs your input" })).toBeVisible();
  });

  await test.step("the member signs out", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("status")).toContainText("You are signed out");
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the member asks for a sign-in link by email and signs back in with it", async () => {
    await page.goto("/sign-in");
    await expectAccessible(page);
    await page.locator("#field-link-email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const signInMail = await openLatestEmail(page, email, /sign-in link/);
    link = linkFrom(signInMail, "/sign-in/link/");
    await page.goto(link);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await expect(page.getByRole("status")).toContainText("You are signed in");
    await expect(page.getByRole("banner").getByRole("link", { name: "River" })).toBeVisible();
  });

  await test.step("the same link, used again, is dead", async () => {
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
    await expectAccessible(page);
  });
});

test("a wrong password gets one message that does not say whether the account exists", async ({ page }) => {
  await page.goto("/sign-in");
  await page.locator("#field-email").fill("hamza@chorus.example");
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Email or password is not right");
  await expect(page.locator("#field-email")).toHaveValue("hamza@chorus.example");
  await expectAccessible(page);
});

test("register an organisation, an admin verifies it, a member is invited and accepts", async ({ page, browser }, testInfo) => {
  // Three people in three browsers, each page scanned: the longest flow in the suite.
  test.setTimeout(120_000);
  const orgName = `Hearing Voices ${testInfo.project.name} ${Date.now().toString(36)}`;
  const invitee = address("invitee", testInfo.project.name);
  let orgUrl: string;
  let inviteeContext: BrowserContext;
  let guest: Page;
  let invitationUrl: string;

  await test.step("Farid opens the registration form, and an empty one is explained", async () => {
    await signIn(page, "farid@chorus.example");
    await page.goto("/organisations/new");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Register organisation" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter the organisation's name");
    await expectAccessible(page);
  });

  await test.step("Farid registers the organisation, which awaits verification", async () => {
    await page.getByLabel("Organisation name").fill(orgName);
    await page.getByLabel("Service-user-led group").check();
    await page.getByLabel("What it does (optional)").fill("Peer groups for people who hear voices.");
    await page.getByRole("button", { name: "Register organisation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
    await expect(page.getByText("Awaiting verification")).toBeVisible();
    await expectAccessible(page);
    orgUrl = page.url();
  });

  await test.step("a coalition admin verifies it, and the audit log says so in a sentence, not a code", async () => {
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, "admin@chorus.example");
    await admin.goto("/admin/organisations");
    await admin.getByRole("button", { name: `Verify ${orgName}` }).click();
    await expect(admin.getByRole("status")).toContainText("Organisation verified");
    await admin.goto("/admin/audit");
    await expect(admin.getByText(`Amara (coalition admin) verified ${orgName}.`)).toBeVisible();
    await expect(admin.getByText("organisation.verified")).toHaveCount(0);
    await expectAccessible(admin);
    await adminContext.close();
  });

  await test.step("Farid sees the organisation verified", async () => {
    await page.goto(orgUrl);
    await expect(page.locator(".badge--verified")).toHaveText("✓ Verified");
  });

  await test.step("Farid invites someone who has no account yet, after a bad address is refused", async () => {
    await page.getByRole("link", { name: "Manage members and invitations" }).click();
    await expectAccessible(page);
    await page.getByLabel("Their email address").fill("not an email");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
    await page.getByLabel("Their email address").fill(invitee);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status")).toContainText(`Invitation sent to ${invitee}`);
    await expectAccessible(page);
  });

  await test.step("the invitee opens the invitation from the outbox and joins Chorus", async () => {
    inviteeContext = await browser.newContext();
    guest = await inviteeContext.newPage();
    const invitation = await openLatestEmail(guest, invitee, /Invitation to join/);
    invitationUrl = linkFrom(invitation, "/invitations/");
    await guest.goto(invitationUrl);
    await expect(guest.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
    await expectAccessible(guest);
    await guest.getByRole("link", { name: "Join Chorus" }).click();
    await guest.getByLabel("Email address").fill(invitee);
    await guest.getByLabel("The name others will see").fill("Invited Ivy");
    await guest.getByLabel("Password (optional)").fill("ivy's own passphrase");
    await guest.getByLabel("I am 18 or over").check();
    await guest.getByLabel(/I agree to the terms/).check();
    await guest.getByRole("button", { name: "Join" }).click();
    await expect(guest.getByRole("heading", { name: "Confirm your email to finish joining" })).toBeVisible();
  });

  await test.step("the invitee confirms their email, then accepts the invitation and is a member", async () => {
    const verify = await openLatestEmail(guest, invitee, /Confirm your email/);
    await guest.goto(linkFrom(verify, "/verify-email/"));
    await guest.getByRole("button", { name: "Confirm my email" }).click();
    // Wait for the confirmation (and its session cookie) before leaving the page.
    await expect(guest.getByRole("status")).toContainText("Your email is confirmed");
    await guest.goto(invitationUrl);
    await expectAccessible(guest);
    await guest.getByRole("button", { name: `Accept and join ${orgName}` }).click();
    await expect(guest.getByRole("status")).toContainText("You have joined the organisation");
    await expect(guest.getByText("You are a member of this organisation.")).toBeVisible();
    await inviteeContext.close();
  });

  // Changing someone's membership asks first, on a page that works without JavaScript.
  await test.step("making the new member an admin asks first, and cancelling changes nothing", async () => {
    await page.goto(`${orgUrl}/manage`);
    await page.getByRole("link", { name: "Make admin Invited Ivy" }).click();
    await expect(page.getByRole("heading", { name: `Make Invited Ivy an admin of ${orgName}?` })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page.getByRole("heading", { name: /an admin of/ })).toHaveCount(0);
  });

  await test.step("removing the new member asks first, then removes them", async () => {
    await page.getByRole("link", { name: "Remove Invited Ivy" }).click();
    const removal = page.locator(".confirm");
    await expect(removal.getByRole("heading", { name: `Remove Invited Ivy from ${orgName}?` })).toBeVisible();
    await expectAccessible(page);
    await removal.getByRole("button", { name: "Yes, remove Invited Ivy" }).click();
    await expect(page.getByRole("status")).toContainText("Membership updated");
    await expect(page.getByRole("row", { name: /Invited Ivy/ })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test("download my data, then delete my account", async ({ page }, testInfo) => {
  const email = address("leaver", testInfo.project.name);

  await test.step("a new member joins and confirms their email", async () => {
    await joinAndConfirm(page, email, "Leaving Lee");
  });

  await test.step("the member downloads their data as JSON, with their email and name in it", async () => {
    await page.goto("/settings/data");
    await expectAccessible(page);
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download my data (JSON)" }).click();
    const download = await downloadPromise;
    const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(exported.account.email).toBe(email);
    expect(exported.account.displayName).toBe("Leaving Lee");
  });

  await test.step("deleting the account without ticking the box is explained", async () => {
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Tick the box to confirm");
    await expectAccessible(page);
  });

  await test.step("with the box ticked the account is deleted, and settings then ask to sign in", async () => {
    await page.getByLabel("I understand, delete my account").check();
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByRole("status")).toContainText("Your account is deleted");
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fsettings/);
    await expectAccessible(page);
  });
});

test("a signed-in member cannot open the admin area", async ({ page }) => {
  await signIn(page, "grace@chorus.example");
  const response = await page.goto("/admin/members");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You cannot do that" })).toBeVisible();
  await expectAccessible(page);
});


async function joinAndConfirm(page: Page, email: string, name: string) {
  await page.goto("/join");
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("The name others will see").fill(name);
  await page.getByLabel("I am 18 or over").check();
  await page.getByLabel(/I agree to the terms/).check();
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your email to finish joining" })).toBeVisible();
  const text = await openLatestEmail(page, email, /Confirm your email/);
  await page.goto(linkFrom(text, "/verify-email/"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("status")).toContainText("Your email is confirmed");
  await expectAccessible(page);
}
