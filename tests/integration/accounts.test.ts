import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as joinAction } from "../../app/routes/join";
import { action as signInAction, loader as signInLoader } from "../../app/routes/sign-in";
import { action as followAction } from "../../app/routes/follow";
import { action as forgotAction } from "../../app/routes/forgot-password";
import { loader as checkEmailLoader } from "../../app/routes/check-email";
import { action as verifyAction, loader as verifyLoader } from "../../app/routes/verify-email.$token";
import { action as linkAction, loader as linkLoader } from "../../app/routes/sign-in_.link.$token";
import { action as resetAction } from "../../app/routes/reset-password.$token";
import { action as securityAction } from "../../app/routes/settings_.security";
import { loader as settingsLoader } from "../../app/routes/settings";
import { confirmEmail, joinCoalition, signInWithPassword } from "../../app/services/account.server";
import { getCurrentMember } from "../../app/members/session.server";
import { hashToken } from "../../app/utils/tokens.server";
import { createMember } from "../support/builders";
import { call, cookieFrom, countEmails, latestEmail, request, tokenFrom } from "./http";

const joinForm = (email: string, extra: Record<string, string> = {}) => ({ email, displayName: "River", password: "a long walk home", adult: "yes", terms: "yes", ...extra });

async function signIn(email: string, password = "correct horse battery") {
  const outcome = await call(signInAction, request("/sign-in", { form: { intent: "password", email, password, redirectTo: "/" } }));
  expect(outcome.status).toBe(302);
  return cookieFrom(outcome.setCookies);
}

describe("joining", () => {
  it("creates an unverified account and emails a verification link; the link verifies and sets the chosen password", async () => {
    const outcome = await call(joinAction, request("/join", { form: joinForm("new.person@example.org") }));
    expect(outcome.status).toBe(302);
    // The address is shown on the next page but never travels in the URL (history, Referer, logs).
    expect(outcome.location).toBe("/check-email?for=join");
    const checkPage = await call(checkEmailLoader, request(outcome.location!, { cookie: cookieFrom(outcome.setCookies) }));
    expect(checkPage.data.email).toBe("new.person@example.org");
    // It speaks to someone who has just joined, not to someone signing in.
    expect(checkPage.data).toMatchObject({ joined: true, message: expect.stringContaining("Thank you for joining") });
    const member = await db.selectFrom("member").selectAll().where("email", "=", "new.person@example.org").executeTakeFirstOrThrow();
    expect(member.email_verified_at).toBeNull();
    expect(member.password_hash).toBeNull();
    expect(await signInWithPassword(db, "new.person@example.org", "a long walk home")).toBeNull();

    const email = await latestEmail(db, "new.person@example.org", "VerifyEmail");
    const token = tokenFrom((email!.props as { url: string }).url);
    // Only the hash is stored.
    expect(await db.selectFrom("email_token").select("id").where("token_hash", "=", token).executeTakeFirst()).toBeUndefined();

    const page = await call(verifyLoader, request(`/verify-email/${token}`), { token });
    expect(page.data).toEqual({ valid: true });
    const confirmed = await call(verifyAction, request(`/verify-email/${token}`, { method: "POST" }), { token });
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toBe("/welcome");
    expect(confirmed.setCookies.some((c) => c.startsWith("chorus-session="))).toBe(true);
    expect(await signInWithPassword(db, "new.person@example.org", "a long walk home")).toBe(member.id);
  });

  it("answers a known and an unknown email identically, and emails the owner instead of making a second account", async () => {
    await createMember(db, { email: "known@example.org" });
    const known = await call(joinAction, request("/join", { form: joinForm("known@example.org") }));
    const unknown = await call(joinAction, request("/join", { form: joinForm("unknown@example.org") }));
    expect(known.status).toBe(unknown.status);
    expect(known.location?.replace("known", "X")).toBe(unknown.location?.replace("unknown", "X"));
    // The same cookies (the address it went to, for the next page), differing only in that address.
    const shape = (cookies: string[]) => cookies.map((c) => c.replace(/=[^;]*/, "=…"));
    expect(shape(known.setCookies)).toEqual(shape(unknown.setCookies));
    expect((await latestEmail(db, "known@example.org"))?.template).toBe("AccountExists");
    expect((await latestEmail(db, "unknown@example.org"))?.template).toBe("VerifyEmail");
    const members = await db.selectFrom("member").select("id").where("email", "=", "known@example.org").execute();
    expect(members).toHaveLength(1);
  });

  it("keeps what was typed and explains each mistake", async () => {
    const outcome = await call(joinAction, request("/join", { form: { email: "not-an-email", displayName: "", password: "short" } }));
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({
      email: "Enter an email address in the correct format, like name@example.com",
      displayName: "Enter the name you want others to see",
      password: "Password must be 8 characters or more",
      adult: "Confirm that you are 18 or over",
      terms: "Agree to the terms and privacy notice to join",
    });
    expect(outcome.data.values).toEqual({ email: "not-an-email", displayName: "" });
  });

  it("refuses common and over-long passwords", async () => {
    const common = await call(joinAction, request("/join", { form: joinForm("c@example.org", { password: "Password123" }) }));
    expect(common.data.errors.password).toMatch(/too common/);
    const long = await call(joinAction, request("/join", { form: joinForm("c@example.org", { password: "x".repeat(129) }) }));
    expect(long.data.errors.password).toBe("Password must be 128 characters or fewer");
  });

  it("does not let someone who joined first with another person's email choose their password", async () => {
    await joinCoalition(db, { email: "target@example.org", displayName: "Attacker", password: "attacker's password" });
    const attackerLink = tokenFrom(((await latestEmail(db, "target@example.org"))!.props as { url: string }).url);
    await joinCoalition(db, { email: "target@example.org", displayName: "Real owner", password: "owner's own password" });
    const ownerLink = tokenFrom(((await latestEmail(db, "target@example.org"))!.props as { url: string }).url);
    // The first link no longer works; the owner's own link applies the owner's own name and password.
    expect(await confirmEmail(db, attackerLink)).toBeNull();
    const memberId = await confirmEmail(db, ownerLink);
    expect(await signInWithPassword(db, "target@example.org", "attacker's password")).toBeNull();
    expect(await signInWithPassword(db, "target@example.org", "owner's own password")).toBe(memberId);
    expect((await db.selectFrom("member").select("display_name").where("id", "=", memberId!).executeTakeFirstOrThrow()).display_name).toBe("Real owner");
  });

  it("limits joins per email address", async () => {
    for (let i = 0; i < 3; i++) expect((await call(joinAction, request("/join", { form: joinForm("flood@example.org") }))).status).toBe(302);
    const limited = await call(joinAction, request("/join", { form: joinForm("flood@example.org") }));
    expect(limited.status).toBe(429);
    expect(limited.data.errors.form).toMatch(/^Too many attempts\. Try again in \d+ minutes\.$/);
    expect(limited.data.values.email).toBe("flood@example.org");
  });
});

describe("signing in", () => {
  it("gives the same answer for an unknown email and a wrong password", async () => {
    await createMember(db, { email: "someone@example.org" });
    const wrong = await call(signInAction, request("/sign-in", { form: { intent: "password", email: "someone@example.org", password: "not it at all" } }));
    const unknown = await call(signInAction, request("/sign-in", { form: { intent: "password", email: "nobody@example.org", password: "not it at all" } }));
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.data.errors).toEqual(unknown.data.errors);
  });

  it("starts a session whose token is stored only as its SHA-256", async () => {
    const { id } = await createMember(db, { email: "hashme@example.org" });
    const cookie = await signIn("hashme@example.org");
    const token = cookie.match(/chorus-session=([^;]+)/)![1]!;
    expect(token).toMatch(/^[a-z2-7]{52}$/);
    const sessions = await db.selectFrom("session").select("id").where("member_id", "=", id).execute();
    expect(sessions.map((s) => s.id)).toEqual([hashToken(token)]);
  });

  it("stops repeated password guesses from one address with a clear wait, without locking the owner out elsewhere", async () => {
    await createMember(db, { email: "guessed@example.org" });
    const attacker = "198.51.100.7";
    for (let i = 0; i < 8; i++) await call(signInAction, request("/sign-in", { form: { intent: "password", email: "guessed@example.org", password: `guess number ${i}` } }), {}, attacker);
    const blocked = await call(signInAction, request("/sign-in", { form: { intent: "password", email: "guessed@example.org", password: "correct horse battery" } }), {}, attacker);
    expect(blocked.status).toBe(429);
    expect(blocked.data.errors.form).toMatch(/Try again in 15 minutes/);
    // The owner, from their own connection, is not locked out by someone else's guessing.
    const owner = await call(signInAction, request("/sign-in", { form: { intent: "password", email: "guessed@example.org", password: "correct horse battery" } }), {}, "203.0.113.50");
    expect(owner.status).toBe(302);
  });

  it("signs in by email link: opening the page uses nothing, the button does, once", async () => {
    const { id } = await createMember(db, { email: "linky@example.org", password: null });
    const requested = await call(signInAction, request("/sign-in", { form: { intent: "link", "link-email": "linky@example.org" } }));
    expect(requested.location).toBe("/check-email?for=sign-in");
    const token = tokenFrom(((await latestEmail(db, "linky@example.org", "SignInLink"))!.props as { url: string }).url);
    for (let i = 0; i < 3; i++) expect((await call(linkLoader, request(`/sign-in/link/${token}`), { token })).data).toEqual({ valid: true });
    const first = await call(linkAction, request(`/sign-in/link/${token}`, { method: "POST" }), { token });
    expect(first.setCookies.some((c) => c.startsWith("chorus-session="))).toBe(true);
    const cookie = cookieFrom(first.setCookies);
    expect((await getCurrentMember(request("/", { cookie }))).member?.id).toBe(id);
    const second = await call(linkAction, request(`/sign-in/link/${token}`, { method: "POST" }), { token });
    expect(second.setCookies.some((c) => c.startsWith("chorus-session="))).toBe(false);
    expect((await call(linkLoader, request(`/sign-in/link/${token}`), { token })).data).toEqual({ valid: false });
  });

  it("gives a sign-in link an hour, and refuses it after that", async () => {
    await createMember(db, { email: "late@example.org" });
    await call(signInAction, request("/sign-in", { form: { intent: "link", "link-email": "late@example.org" } }));
    const token = tokenFrom(((await latestEmail(db, "late@example.org", "SignInLink"))!.props as { url: string }).url);
    const { expires_at } = await db.selectFrom("email_token").select("expires_at").where("token_hash", "=", hashToken(token)).executeTakeFirstOrThrow();
    const minutesLeft = (new Date(expires_at).getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(59);
    expect(minutesLeft).toBeLessThanOrEqual(60);
    await db.updateTable("email_token").set({ expires_at: sql`now() - interval '1 second'` }).where("token_hash", "=", hashToken(token)).execute();
    const outcome = await call(linkAction, request(`/sign-in/link/${token}`, { method: "POST" }), { token });
    expect(outcome.setCookies.some((c) => c.startsWith("chorus-session="))).toBe(false);
  });

  it("asks for a link for an unknown email the same way, telling the address's owner there is no account", async () => {
    const outcome = await call(signInAction, request("/sign-in", { form: { intent: "link", "link-email": "ghost@example.org" } }));
    expect(outcome.location).toBe("/check-email?for=sign-in");
    expect((await latestEmail(db, "ghost@example.org"))?.template).toBe("NoAccount");
  });

  it("never sends anyone to another site after signing in, whatever redirectTo's dot segments say", async () => {
    await createMember(db, { email: "dots@example.org" });
    for (const redirectTo of ["/.//evil.example", "/..//evil.example", "/./\\evil.example"]) {
      const posted = await call(signInAction, request("/sign-in", { form: { intent: "password", email: "dots@example.org", password: "correct horse battery", redirectTo } }));
      expect(posted.status).toBe(302);
      expect(posted.location).toBe("/");
      const cookie = cookieFrom(posted.setCookies);
      const already = await call(signInLoader, request(`/sign-in?${new URLSearchParams({ redirectTo })}`, { cookie }));
      expect(already.location).toBe("/");
      const followed = await call(followAction, request("/follow", { form: { intent: "follow", subject: "topic:housing", back: redirectTo }, cookie }));
      expect(followed.status).toBe(302);
      expect(followed.location).toBe("/settings/notifications");
    }
  });

  it("sends a signed-out visitor from a member page to sign in and back", async () => {
    const outcome = await call(settingsLoader, request("/settings?tab=1"));
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/sign-in?redirectTo=%2Fsettings%3Ftab%3D1");
  });
});

describe("sessions", () => {
  it("ends an expired session and clears its cookie", async () => {
    await createMember(db, { email: "expired@example.org" });
    const cookie = await signIn("expired@example.org");
    const token = cookie.match(/chorus-session=([^;]+)/)![1]!;
    await db.updateTable("session").set({ expires_at: sql`now() - interval '1 minute'` }).where("id", "=", hashToken(token)).execute();
    const resolved = await getCurrentMember(request("/", { cookie }));
    expect(resolved.member).toBeNull();
    expect(resolved.setCookie).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(await db.selectFrom("session").select("id").where("id", "=", hashToken(token)).executeTakeFirst()).toBeUndefined();
  });

  it("extends a session once half of its 30 days are spent", async () => {
    await createMember(db, { email: "sliding@example.org" });
    const cookie = await signIn("sliding@example.org");
    const id = hashToken(cookie.match(/chorus-session=([^;]+)/)![1]!);
    const fresh = await getCurrentMember(request("/", { cookie }));
    expect(fresh.setCookie).toBeNull();
    await db.updateTable("session").set({ expires_at: sql`now() + interval '10 days'` }).where("id", "=", id).execute();
    const renewed = await getCurrentMember(request("/", { cookie }));
    expect(renewed.setCookie).toContain("chorus-session=");
    const row = await db.selectFrom("session").select(sql<number>`extract(epoch from expires_at - now()) / 86400`.as("days")).where("id", "=", id).executeTakeFirstOrThrow();
    expect(Number(row.days)).toBeGreaterThan(29.9);
  });

  it("signs out every other device, keeping this one", async () => {
    const { id } = await createMember(db, { email: "devices@example.org" });
    const here = await signIn("devices@example.org");
    await signIn("devices@example.org");
    await signIn("devices@example.org");
    await call(securityAction, request("/settings/security", { form: { intent: "sign-out-others" }, cookie: here }));
    const left = await db.selectFrom("session").select("id").where("member_id", "=", id).execute();
    expect(left.map((s) => s.id)).toEqual([hashToken(here.match(/chorus-session=([^;]+)/)![1]!)]);
  });

  it("ends every session when the password changes, and needs the current password", async () => {
    const { id } = await createMember(db, { email: "changer@example.org" });
    const here = await signIn("changer@example.org");
    await signIn("changer@example.org");
    const wrong = await call(securityAction, request("/settings/security", { form: { intent: "password", currentPassword: "nope nope", newPassword: "a brand new secret" }, cookie: here }));
    expect(wrong.data.errors).toEqual({ currentPassword: "Your current password is not right" });
    const changed = await call(securityAction, request("/settings/security", { form: { intent: "password", currentPassword: "correct horse battery", newPassword: "a brand new secret" }, cookie: here }));
    expect(changed.status).toBe(302);
    const sessions = await db.selectFrom("session").select("id").where("member_id", "=", id).execute();
    // The two old sessions are gone; only the new one for this device exists.
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).not.toBe(hashToken(here.match(/chorus-session=([^;]+)/)![1]!));
    expect(await signInWithPassword(db, "changer@example.org", "a brand new secret")).toBe(id);
    expect((await latestEmail(db, "changer@example.org"))?.template).toBe("PasswordChanged");
  });
});

describe("resetting a password", () => {
  it("sets the new password from the link and ends every session", async () => {
    const { id } = await createMember(db, { email: "forgetful@example.org" });
    await signIn("forgetful@example.org");
    await call(forgotAction, request("/forgot-password", { form: { email: "forgetful@example.org" } }));
    const token = tokenFrom(((await latestEmail(db, "forgetful@example.org", "ResetPassword"))!.props as { url: string }).url);
    const weak = await call(resetAction, request(`/reset-password/${token}`, { form: { password: "123456" } }), { token });
    expect(weak.status).toBe(400);
    const done = await call(resetAction, request(`/reset-password/${token}`, { form: { password: "remembered at last" } }), { token });
    expect(done.status).toBe(302);
    expect(await db.selectFrom("session").select("id").where("member_id", "=", id).execute()).toHaveLength(1);
    expect(await signInWithPassword(db, "forgetful@example.org", "remembered at last")).toBe(id);
    const again = await call(resetAction, request(`/reset-password/${token}`, { form: { password: "another new one" } }), { token });
    expect(again.data.errors.form).toMatch(/expired or was already used/);
  });

  it("answers an unknown email the same way", async () => {
    await createMember(db, { email: "resetknown@example.org" });
    const known = await call(forgotAction, request("/forgot-password", { form: { email: "resetknown@example.org" } }));
    const unknown = await call(forgotAction, request("/forgot-password", { form: { email: "resetunknown@example.org" } }));
    expect(known.status).toBe(unknown.status);
    expect(known.location?.replace("resetknown", "X")).toBe(unknown.location?.replace("resetunknown", "X"));
    expect(await countEmails(db, "resetunknown@example.org")).toBe(1);
  });
});
