import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as perspectivesAction, loader as perspectivesLoader } from "../../app/routes/settings.perspectives";
import { action as deleteAction } from "../../app/routes/settings.data";
import { loader as downloadLoader } from "../../app/routes/settings.data_.download";
import { action as emailAction } from "../../app/routes/settings.email";
import { action as confirmEmailAction } from "../../app/routes/settings.email_.confirm.$token";
import { action as signInAction } from "../../app/routes/sign-in";
import { signInWithPassword } from "../../app/services/account.server";
import { createMember, createOrganisation } from "../factories";
import { call, cookieFrom, countEmails, latestEmail, request, tokenFrom } from "./http";

async function signedIn(spec: Parameters<typeof createMember>[1] = {}) {
  const member = await createMember(db, spec);
  const outcome = await call(signInAction, request("/sign-in", { form: { intent: "password", email: member.email, password: "correct horse battery" } }));
  return { ...member, cookie: cookieFrom(outcome.setCookies) };
}

describe("perspectives", () => {
  it("are stored only with explicit consent, recorded, and withdrawing deletes them", async () => {
    const me = await signedIn();
    const noConsent = await call(perspectivesAction, request("/settings/perspectives", { form: { perspectives: ["lived_experience"] }, cookie: me.cookie }));
    expect(noConsent.status).toBe(400);
    expect(noConsent.data.errors.consent).toMatch(/Tick the box/);
    expect(noConsent.data.values.perspectives).toBe("lived_experience");
    expect(await db.selectFrom("member_perspective").select("perspective").where("member_id", "=", me.id).execute()).toEqual([]);

    const none = await call(perspectivesAction, request("/settings/perspectives", { form: { consent: "yes" }, cookie: me.cookie }));
    expect(none.data.errors.perspectives).toBe("Choose at least one perspective");

    const saved = await call(perspectivesAction, request("/settings/perspectives", { form: { consent: "yes", perspectives: ["lived_experience", "researcher"] }, cookie: me.cookie }));
    expect(saved.status).toBe(302);
    expect((await call(perspectivesLoader, request("/settings/perspectives", { cookie: me.cookie }))).data).toEqual({ consented: true, perspectives: expect.arrayContaining(["lived_experience", "researcher"]) });
    const consents = await db.selectFrom("consent").selectAll().where("member_id", "=", me.id).where("kind", "=", "perspectives").execute();
    expect(consents).toHaveLength(1);
    expect(consents[0]!.withdrawn_at).toBeNull();

    await call(perspectivesAction, request("/settings/perspectives", { form: { intent: "withdraw" }, cookie: me.cookie }));
    expect(await db.selectFrom("member_perspective").select("perspective").where("member_id", "=", me.id).execute()).toEqual([]);
    const after = await db.selectFrom("consent").selectAll().where("member_id", "=", me.id).where("kind", "=", "perspectives").executeTakeFirstOrThrow();
    expect(after.withdrawn_at).not.toBeNull();
  });

  it("rejects a perspective that is not on the list", async () => {
    const me = await signedIn();
    const outcome = await call(perspectivesAction, request("/settings/perspectives", { form: { consent: "yes", perspectives: "wizard" }, cookie: me.cookie }));
    expect(outcome.status).toBe(400);
  });
});

describe("download my data", () => {
  it("returns everything stored about the member as a JSON attachment, and nothing about others", async () => {
    const me = await signedIn({ email: "exporter@example.org", displayName: "Exporter", perspectives: ["carer_family"] });
    const other = await createMember(db, { email: "someone-else@example.org" });
    await createOrganisation(db, { name: "Export Org", adminId: other.id, members: [{ id: me.id, listed: true }] });
    const outcome = await call(downloadLoader, request("/settings/data/download", { cookie: me.cookie }));
    expect(outcome.status).toBe(200);
    expect(outcome.data.account).toMatchObject({ email: "exporter@example.org", displayName: "Exporter", hasPassword: true });
    expect(outcome.data.perspectives).toEqual(["carer_family"]);
    expect(outcome.data.consents.map((c: { kind: string }) => c.kind).sort()).toEqual(["perspectives", "terms"]);
    expect(outcome.data.organisations).toEqual([{ name: "Export Org", role: "member", listedPublicly: true }]);
    expect(outcome.data.sessions).toHaveLength(1);
    expect(JSON.stringify(outcome.data)).not.toContain("someone-else@example.org");
    expect(JSON.stringify(outcome.data)).not.toMatch(/password_hash|\$argon2/);
    expect((await call(downloadLoader, request("/settings/data/download"))).status).toBe(302);
  });
});

describe("deleting an account", () => {
  it("needs confirmation, then removes personal data and sessions and keeps the row as Former member", async () => {
    const me = await signedIn({ email: "leaver@example.org", displayName: "Leaver", perspectives: ["lived_experience"] });
    const unconfirmed = await call(deleteAction, request("/settings/data", { form: {}, cookie: me.cookie }));
    expect(unconfirmed.data.errors.confirm).toMatch(/Tick the box/);
    const deleted = await call(deleteAction, request("/settings/data", { form: { confirm: "yes" }, cookie: me.cookie }));
    expect(deleted.status).toBe(302);
    const row = await db.selectFrom("member").selectAll().where("id", "=", me.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: null, display_name: "Former member", password_hash: null, bio: null });
    expect(row.deleted_at).not.toBeNull();
    expect(await db.selectFrom("session").select("id").where("member_id", "=", me.id).execute()).toEqual([]);
    expect(await db.selectFrom("member_perspective").select("perspective").where("member_id", "=", me.id).execute()).toEqual([]);
    expect(await signInWithPassword(db, "leaver@example.org", "correct horse battery")).toBeNull();
    // The address is free again.
    await createMember(db, { email: "leaver@example.org" });
  });

  it("is refused for the coalition's only admin and an organisation's only admin", async () => {
    const onlyOrgAdmin = await signedIn();
    const colleague = await createMember(db);
    await createOrganisation(db, { name: "Needs An Admin", adminId: onlyOrgAdmin.id, members: [{ id: colleague.id }] });
    const refused = await call(deleteAction, request("/settings/data", { form: { confirm: "yes" }, cookie: onlyOrgAdmin.cookie }));
    expect(refused.data.errors.form).toBe("You are the only admin of Needs An Admin. Make another member an admin first.");

    const admins = await db.selectFrom("member_role").select("member_id").where("role", "=", "admin").execute();
    expect(admins).toHaveLength(0);
    const soleAdmin = await signedIn({ roles: ["admin"] });
    const blocked = await call(deleteAction, request("/settings/data", { form: { confirm: "yes" }, cookie: soleAdmin.cookie }));
    expect(blocked.data.errors.form).toMatch(/only admin/);
  });
});

describe("changing email", () => {
  it("confirms the new address by link and tells the old one", async () => {
    const me = await signedIn({ email: "old-address@example.org" });
    const requested = await call(emailAction, request("/settings/email", { form: { intent: "email", email: "new-address@example.org" }, cookie: me.cookie }));
    expect(requested.status).toBe(302);
    const token = tokenFrom(((await latestEmail(db, "new-address@example.org", "ConfirmEmailChange"))!.props as { url: string }).url);
    const stranger = await signedIn();
    const wrongAccount = await call(confirmEmailAction, request(`/settings/email/confirm/${token}`, { method: "POST", cookie: stranger.cookie }), { token });
    expect(wrongAccount.status).toBe(302);
    expect((await db.selectFrom("member").select("email").where("id", "=", stranger.id).executeTakeFirstOrThrow()).email).not.toBe("new-address@example.org");

    await call(confirmEmailAction, request(`/settings/email/confirm/${token}`, { method: "POST", cookie: me.cookie }), { token });
    expect((await db.selectFrom("member").select("email").where("id", "=", me.id).executeTakeFirstOrThrow()).email).toBe("new-address@example.org");
    expect((await latestEmail(db, "old-address@example.org"))?.template).toBe("EmailChanged");
  });

  it("sends nothing to an address that belongs to another account, but says the same", async () => {
    const me = await signedIn();
    await createMember(db, { email: "taken-address@example.org" });
    const before = await countEmails(db, "taken-address@example.org");
    const outcome = await call(emailAction, request("/settings/email", { form: { intent: "email", email: "taken-address@example.org" }, cookie: me.cookie }));
    expect(outcome.location).toBe("/check-email?for=change-email");
    expect(await countEmails(db, "taken-address@example.org")).toBe(before);
  });
});
