import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as perspectivesAction, loader as perspectivesLoader } from "../../app/routes/settings_.perspectives";
import { action as deleteAction } from "../../app/routes/settings_.data";
import { loader as downloadLoader } from "../../app/routes/settings_.data_.download";
import { action as emailAction } from "../../app/routes/settings_.email";
import { action as confirmEmailAction } from "../../app/routes/settings_.email_.confirm.$token";
import { action as confirmNotificationAction } from "../../app/routes/settings_.email_.notifications.$token";
import { insertComment, reportComment } from "../../app/models/comment.server";
import { followDemand } from "../../app/models/demand.server";
import { castVote, openConsultation, proposeAmendment } from "../../app/services/demand.server";
import { createDemand, createMember, createOrganisation, openDemandForVoting } from "../support/builders";
import { action as signInAction } from "../../app/routes/sign-in";
import { signInWithPassword } from "../../app/services/account.server";
import { getCurrentMember } from "../../app/members/session.server";

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
  it("includes the member's votes, comments, amendments, supports, follows, reports and join requests", async () => {
    const me = await signedIn();
    const other = await createMember(db);
    const voting = await createDemand(db, { authorId: other.id, title: "A demand to vote on" });
    await openDemandForVoting(db, voting, other.id);
    await castVote(db, voting, me.id, { choice: "oppose", reason: "MY-VOTE-REASON", reasonPublic: false });
    const consultation = await createDemand(db, { authorId: other.id });
    await openConsultation(db, consultation, other.id, new Date(Date.now() + 86_400_000));
    await proposeAmendment(db, consultation, me.id, { paragraphIndex: null, proposedText: "MY-AMENDMENT-TEXT for the whole demand.", rationale: "Because." });
    await insertComment(db, { demandId: consultation, amendmentId: null, parentId: null, authorId: me.id, body: "MY-COMMENT", contentNote: null });
    const theirs = (await insertComment(db, { demandId: consultation, amendmentId: null, parentId: null, authorId: other.id, body: "Their comment", contentNote: null }))!;
    await reportComment(db, theirs, me.id, "MY-REPORT-REASON");
    await followDemand(db, voting, me.id);
    const org = await createOrganisation(db, { name: "Join Request Org", adminId: other.id });
    await db.insertInto("organisation_join_request").values({ organisation_id: org.id, member_id: me.id, message: "MY-JOIN-MESSAGE" }).execute();

    const data = (await call(downloadLoader, request("/settings/data/download", { cookie: me.cookie }))).data;
    expect(data.votes).toEqual([expect.objectContaining({ demandTitle: "A demand to vote on", choice: "oppose", reason: "MY-VOTE-REASON" })]);
    expect(data.comments.map((c: { body: string }) => c.body)).toEqual(["MY-COMMENT"]);
    expect(data.amendments.map((a: { proposedText: string }) => a.proposedText)).toEqual(["MY-AMENDMENT-TEXT for the whole demand."]);
    expect(data.amendmentSupports).toHaveLength(0);
    expect(data.follows.map((f: { subject: string }) => f.subject).sort()).toEqual([`demand:${consultation}`, `demand:${voting}`].sort());
    expect(data.reports).toEqual([expect.objectContaining({ commentId: theirs, reason: "MY-REPORT-REASON" })]);
    expect(data.joinRequests).toEqual([expect.objectContaining({ organisation: "Join Request Org", message: "MY-JOIN-MESSAGE" })]);
    expect(JSON.stringify(data)).not.toContain("Their comment");
  });

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
    expect(outcome.data.votes).toEqual([]);
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

  it("a changed sign-in email signs the member out everywhere else", async () => {
    const me = await signedIn({ email: "two-devices@example.org" });
    const otherDevice = cookieFrom((await call(signInAction, request("/sign-in", { form: { intent: "password", email: me.email, password: "correct horse battery" } }))).setCookies);
    expect(await db.selectFrom("session").select("id").where("member_id", "=", me.id).execute()).toHaveLength(2);
    await call(emailAction, request("/settings/email", { form: { intent: "email", email: "moved-on@example.org" }, cookie: me.cookie }));
    const token = tokenFrom(((await latestEmail(db, "moved-on@example.org", "ConfirmEmailChange"))!.props as { url: string }).url);
    await call(confirmEmailAction, request(`/settings/email/confirm/${token}`, { method: "POST", cookie: me.cookie }), { token });
    expect(await db.selectFrom("session").select("id").where("member_id", "=", me.id).execute()).toHaveLength(1);
    // The other device is signed out; the device that confirmed the change stays signed in.
    expect((await getCurrentMember(request("/", { cookie: otherDevice }))).member).toBeNull();
    expect((await getCurrentMember(request("/", { cookie: me.cookie }))).member?.id).toBe(me.id);
  });

  it("mails nothing to a new notification address until it is confirmed by its own link", async () => {
    const me = await signedIn();
    const asked = await call(emailAction, request("/settings/email", { form: { intent: "notification", notificationEmail: "notify-me@example.org" }, cookie: me.cookie }));
    expect(asked.status).toBe(302);
    expect((await db.selectFrom("member").select("notification_email").where("id", "=", me.id).executeTakeFirstOrThrow()).notification_email).toBeNull();
    const mail = await latestEmail(db, "notify-me@example.org");
    expect(mail?.template).toBe("ConfirmNotificationEmail");
    expect(await countEmails(db, "notify-me@example.org")).toBe(1);
    const token = tokenFrom((mail!.props as { url: string }).url);
    const stranger = await signedIn();
    await call(confirmNotificationAction, request(`/settings/email/notifications/${token}`, { method: "POST", cookie: stranger.cookie }), { token });
    expect((await db.selectFrom("member").select("notification_email").where("id", "=", stranger.id).executeTakeFirstOrThrow()).notification_email).toBeNull();
    await call(confirmNotificationAction, request(`/settings/email/notifications/${token}`, { method: "POST", cookie: me.cookie }), { token });
    expect((await db.selectFrom("member").select("notification_email").where("id", "=", me.id).executeTakeFirstOrThrow()).notification_email).toBe("notify-me@example.org");
    // Clearing it needs no link.
    await call(emailAction, request("/settings/email", { form: { intent: "notification", notificationEmail: "" }, cookie: me.cookie }));
    expect((await db.selectFrom("member").select("notification_email").where("id", "=", me.id).executeTakeFirstOrThrow()).notification_email).toBeNull();
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
