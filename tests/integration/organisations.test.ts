import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as newOrgAction } from "../../app/routes/organisations.new";
import { action as orgPageAction, loader as orgPageLoader } from "../../app/routes/organisations.$slug";
import { action as manageAction, loader as manageLoader } from "../../app/routes/organisations.$slug_.manage";
import { action as inviteAction } from "../../app/routes/invitations.$token";
import { action as verifyAction, loader as verifyLoader } from "../../app/routes/admin.organisations";
import { loader as rolesLoader } from "../../app/routes/admin.members";
import { action as roleAction, loader as roleLoader } from "../../app/routes/admin.members_.$id.role";
import { loader as auditLoader } from "../../app/routes/admin.audit";
import { action as signInAction } from "../../app/routes/sign-in";
import { changeCoalitionRole, changeOrganisationMember } from "../../app/services/organisation.server";
import { hashToken } from "../../app/utils/tokens.server";
import { createMember, createOrganisation } from "../support/builders";
import { call, cookieFrom, latestEmail, request, tokenFrom } from "./http";

async function signedIn(spec: Parameters<typeof createMember>[1] = {}) {
  const member = await createMember(db, spec);
  const outcome = await call(signInAction, request("/sign-in", { form: { intent: "password", email: member.email, password: "correct horse battery" } }));
  return { ...member, cookie: cookieFrom(outcome.setCookies) };
}

describe("registering and verifying an organisation", () => {
  it("registers a pending organisation with its creator as admin, visible only to its members and admins", async () => {
    const founder = await signedIn();
    const outsider = await signedIn();
    const admin = await signedIn({ roles: ["admin"] });
    const created = await call(newOrgAction, request("/organisations/new", { form: { name: "Mad Pride Leeds", kind: "service_user_led", description: "Peer support", website: "https://madpride.example" }, cookie: founder.cookie }));
    expect(created.status).toBe(302);
    expect(created.location).toBe("/organisations/mad-pride-leeds");
    const org = await db.selectFrom("organisation").selectAll().where("slug", "=", "mad-pride-leeds").executeTakeFirstOrThrow();
    expect(org.status).toBe("pending");
    expect(await db.selectFrom("organisation_membership").select("role").where("organisation_id", "=", org.id).where("member_id", "=", founder.id).executeTakeFirst()).toEqual({ role: "admin" });

    expect((await call(orgPageLoader, request("/organisations/mad-pride-leeds"), { slug: "mad-pride-leeds" })).status).toBe(404);
    expect((await call(orgPageLoader, request("/organisations/mad-pride-leeds", { cookie: outsider.cookie }), { slug: "mad-pride-leeds" })).status).toBe(404);
    expect((await call(orgPageLoader, request("/organisations/mad-pride-leeds", { cookie: founder.cookie }), { slug: "mad-pride-leeds" })).data.organisation.status).toBe("pending");
    expect((await call(orgPageLoader, request("/organisations/mad-pride-leeds", { cookie: admin.cookie }), { slug: "mad-pride-leeds" })).status).toBe(200);
  });

  it("rejects a duplicate name whatever its case, and bad fields, keeping what was typed", async () => {
    const founder = await signedIn();
    await call(newOrgAction, request("/organisations/new", { form: { name: "Hearing Voices Hub", kind: "charity" }, cookie: founder.cookie }));
    const duplicate = await call(newOrgAction, request("/organisations/new", { form: { name: "hearing voices HUB", kind: "charity" }, cookie: founder.cookie }));
    expect(duplicate.status).toBe(400);
    expect(duplicate.data.errors).toEqual({ name: "An organisation with that name is already registered" });
    expect(duplicate.data.values.name).toBe("hearing voices HUB");
    const bad = await call(newOrgAction, request("/organisations/new", { form: { name: "", kind: "cult", website: "javascript:alert(1)" }, cookie: founder.cookie }));
    expect(Object.keys(bad.data.errors).sort()).toEqual(["kind", "name", "website"]);
  });

  it("lets only coalition admins verify; verification is audited and the creator told", async () => {
    const founder = await signedIn({ email: "founder-verify@example.org" });
    const member = await signedIn();
    const admin = await signedIn({ roles: ["admin"] });
    const org = await createOrganisation(db, { name: "Survivors Research Network", adminId: founder.id, verified: false });

    expect((await call(verifyLoader, request("/admin/organisations", { cookie: member.cookie }))).status).toBe(403);
    expect((await call(verifyAction, request("/admin/organisations", { form: { organisationId: String(org.id) }, cookie: member.cookie }))).status).toBe(403);
    expect((await call(verifyAction, request("/admin/organisations", { form: { organisationId: String(org.id) }, cookie: founder.cookie }))).status).toBe(403);
    expect((await db.selectFrom("organisation").select("status").where("id", "=", org.id).executeTakeFirstOrThrow()).status).toBe("pending");

    const verified = await call(verifyAction, request("/admin/organisations", { form: { organisationId: String(org.id) }, cookie: admin.cookie }));
    expect(verified.status).toBe(302);
    expect((await db.selectFrom("organisation").select("status").where("id", "=", org.id).executeTakeFirstOrThrow()).status).toBe("verified");
    expect((await latestEmail(db, "founder-verify@example.org"))?.template).toBe("OrganisationVerified");
    const audit = await call(auditLoader, request("/admin/audit", { cookie: admin.cookie }));
    expect(audit.data.events[0]).toMatchObject({ action: "organisation.verified", subject_id: org.id });
    expect((await call(auditLoader, request("/admin/audit", { cookie: member.cookie }))).status).toBe(403);
  });

  it("shows an admin what they are verifying, and lets only coalition admins decline with a reason the requester is told", async () => {
    const founder = await signedIn({ email: "founder-decline@example.org", displayName: "Dana Founder" });
    const member = await signedIn();
    const admin = await signedIn({ roles: ["admin"] });
    const created = await call(newOrgAction, request("/organisations/new", { form: { name: "Unknown Wellbeing Ltd", kind: "other", description: "We sell wellbeing apps.", website: "https://wellbeing.example" }, cookie: founder.cookie }));
    expect(created.status).toBe(302);
    const org = await db.selectFrom("organisation").select(["id", "slug"]).where("name", "=", "Unknown Wellbeing Ltd").executeTakeFirstOrThrow();

    const queue = await call(verifyLoader, request("/admin/organisations", { cookie: admin.cookie }));
    expect(queue.data.pending.find((o: { id: number }) => o.id === org.id)).toMatchObject({
      name: "Unknown Wellbeing Ltd",
      website: "https://wellbeing.example",
      description: "We sell wellbeing apps.",
      requester_name: "Dana Founder",
      created_at: expect.anything(),
    });

    const decline = (cookie: string, reason: string) => call(verifyAction, request("/admin/organisations", { form: { intent: "decline", organisationId: String(org.id), reason }, cookie }));
    expect((await decline(member.cookie, "Not a coalition member")).status).toBe(403);
    expect((await decline(founder.cookie, "Not a coalition member")).status).toBe(403);
    const noReason = await decline(admin.cookie, " ");
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors[`reason-${org.id}`]).toBe("Say why you are declining it: the person who asked is told");
    expect((await db.selectFrom("organisation").select("status").where("id", "=", org.id).executeTakeFirstOrThrow()).status).toBe("pending");

    const declined = await decline(admin.cookie, "It is a company selling apps, not a group in the coalition.");
    expect(declined.status).toBe(302);
    expect(await db.selectFrom("organisation").select(["status", "decline_reason"]).where("id", "=", org.id).executeTakeFirstOrThrow()).toEqual({
      status: "declined",
      decline_reason: "It is a company selling apps, not a group in the coalition.",
    });
    const mail = await latestEmail(db, "founder-decline@example.org", "OrganisationDeclined");
    expect(mail?.props).toMatchObject({ organisationName: "Unknown Wellbeing Ltd", reason: "It is a company selling apps, not a group in the coalition." });
    const audit = await call(auditLoader, request("/admin/audit", { cookie: admin.cookie }));
    expect(audit.data.events[0]).toMatchObject({ action: "organisation.declined", subject_id: org.id });
    // Gone from the queue; deciding again changes nothing.
    expect((await call(verifyLoader, request("/admin/organisations", { cookie: admin.cookie }))).data.pending.map((o: { id: number }) => o.id)).not.toContain(org.id);
    expect((await call(verifyAction, request("/admin/organisations", { form: { organisationId: String(org.id) }, cookie: admin.cookie }))).status).toBe(302);
    expect((await db.selectFrom("organisation").select("status").where("id", "=", org.id).executeTakeFirstOrThrow()).status).toBe("declined");
    // Still not public; its own admin sees it as not verified.
    expect((await call(orgPageLoader, request(`/organisations/${org.slug}`), { slug: org.slug })).status).toBe(404);
    expect((await call(orgPageLoader, request(`/organisations/${org.slug}`, { cookie: founder.cookie }), { slug: org.slug })).data.organisation.status).toBe("declined");
  });
});

describe("organisation membership", () => {
  it("invites by email; the link works once, for a new or existing account", async () => {
    const admin = await signedIn();
    const invitee = await signedIn({ email: "invitee@example.org" });
    const org = await createOrganisation(db, { name: "Carers Voice", adminId: admin.id });
    const sent = await call(manageAction, request("/organisations/carers-voice/manage", { form: { intent: "invite", email: "Invitee@Example.org" }, cookie: admin.cookie }), { slug: "carers-voice" });
    expect(sent.status).toBe(302);
    const token = tokenFrom(((await latestEmail(db, "invitee@example.org", "OrganisationInvitation"))!.props as { url: string }).url);

    const accepted = await call(inviteAction, request(`/invitations/${token}`, { method: "POST", cookie: invitee.cookie }), { token });
    expect(accepted.location).toBe("/organisations/carers-voice");
    expect(await db.selectFrom("organisation_membership").select("role").where("organisation_id", "=", org.id).where("member_id", "=", invitee.id).executeTakeFirst()).toEqual({ role: "member" });

    const other = await signedIn();
    const reused = await call(inviteAction, request(`/invitations/${token}`, { method: "POST", cookie: other.cookie }), { token });
    expect(reused.location).toBe(`/invitations/${token}`);
    expect(await db.selectFrom("organisation_membership").select("role").where("organisation_id", "=", org.id).where("member_id", "=", other.id).executeTakeFirst()).toBeUndefined();
  });

  it("refuses an expired invitation, and invitations from non-admins", async () => {
    const admin = await signedIn();
    const plain = await signedIn();
    await createOrganisation(db, { name: "Expiry Group", adminId: admin.id, members: [{ id: plain.id }] });
    expect((await call(manageAction, request("/organisations/expiry-group/manage", { form: { intent: "invite", email: "x@example.org" }, cookie: plain.cookie }), { slug: "expiry-group" })).status).toBe(403);
    expect((await call(manageLoader, request("/organisations/expiry-group/manage", { cookie: plain.cookie }), { slug: "expiry-group" })).status).toBe(403);
    await call(manageAction, request("/organisations/expiry-group/manage", { form: { intent: "invite", email: "late-invitee@example.org" }, cookie: admin.cookie }), { slug: "expiry-group" });
    const token = tokenFrom(((await latestEmail(db, "late-invitee@example.org"))!.props as { url: string }).url);
    await db.updateTable("organisation_invitation").set({ expires_at: sql`now() - interval '1 second'` }).where("token_hash", "=", hashToken(token)).execute();
    const invitee = await signedIn();
    const outcome = await call(inviteAction, request(`/invitations/${token}`, { method: "POST", cookie: invitee.cookie }), { token });
    expect(outcome.location).toBe(`/invitations/${token}`);
  });

  it("takes join requests that an admin accepts or declines, telling the member", async () => {
    const admin = await signedIn();
    const asker = await signedIn({ email: "asker@example.org" });
    const declined = await signedIn({ email: "declined@example.org" });
    const org = await createOrganisation(db, { name: "Peer Support Collective", adminId: admin.id });
    const slug = "peer-support-collective";
    for (const who of [asker, declined]) {
      const out = await call(orgPageAction, request(`/organisations/${slug}`, { form: { intent: "request", message: "I volunteer here" }, cookie: who.cookie }), { slug });
      expect(out.status).toBe(302);
    }
    // A second request from the same member is not a second row.
    await call(orgPageAction, request(`/organisations/${slug}`, { form: { intent: "request", message: "again" }, cookie: asker.cookie }), { slug });
    const requests = (await call(manageLoader, request(`/organisations/${slug}/manage`, { cookie: admin.cookie }), { slug })).data.requests;
    expect(requests.map((r: { member_id: number }) => r.member_id).sort()).toEqual([asker.id, declined.id].sort());

    await call(manageAction, request(`/organisations/${slug}/manage`, { form: { intent: "accept", memberId: String(asker.id) }, cookie: admin.cookie }), { slug });
    await call(manageAction, request(`/organisations/${slug}/manage`, { form: { intent: "decline", memberId: String(declined.id) }, cookie: admin.cookie }), { slug });
    const members = await db.selectFrom("organisation_membership").select("member_id").where("organisation_id", "=", org.id).execute();
    expect(members.map((m) => m.member_id).sort()).toEqual([admin.id, asker.id].sort());
    expect(((await latestEmail(db, "asker@example.org"))!.props as { accepted: boolean }).accepted).toBe(true);
    expect(((await latestEmail(db, "declined@example.org"))!.props as { accepted: boolean }).accepted).toBe(false);
  });

  it("always keeps at least one admin, even when two admins demote each other at once", async () => {
    const a = await signedIn();
    const b = await signedIn();
    const org = await createOrganisation(db, { name: "Two Admins", adminId: a.id, members: [{ id: b.id, role: "admin" }] });
    const results = await Promise.all([
      changeOrganisationMember(db, a.id, org.id, b.id, "make-member"),
      changeOrganisationMember(db, b.id, org.id, a.id, "make-member"),
    ]);
    expect(results.sort()).toEqual(["done", "last-admin"]);
    const admins = await db.selectFrom("organisation_membership").select("member_id").where("organisation_id", "=", org.id).where("role", "=", "admin").execute();
    expect(admins).toHaveLength(1);
    const lastAdmin = admins[0]!.member_id === a.id ? a : b;
    const leave = await call(orgPageAction, request("/organisations/two-admins", { form: { intent: "leave" }, cookie: lastAdmin.cookie }), { slug: "two-admins" });
    expect(leave.data.errors.form).toMatch(/only admin/);
  });

  it("lists on the public page only members who chose to be listed", async () => {
    const admin = await signedIn({ displayName: "Listed Admin" });
    const quiet = await createMember(db, { displayName: "Quiet Member" });
    await createOrganisation(db, { name: "Listing Group", adminId: admin.id, members: [{ id: quiet.id, listed: false }] });
    const page = await call(orgPageLoader, request("/organisations/listing-group"), { slug: "listing-group" });
    expect(page.data.members.map((m: { displayName: string }) => m.displayName)).toEqual(["Listed Admin"]);
  });
});

describe("coalition roles", () => {
  it("lets admins change roles after confirming, audited, filtered by role, and never removes the last admin", async () => {
    const admin = await signedIn({ roles: ["admin"], displayName: "Only Admin" });
    const member = await signedIn({ displayName: "Future Moderator" });
    const roleUrl = (id: number, role: string) => `/admin/members/${id}/role?role=${role}`;
    expect((await call(rolesLoader, request("/admin/members?q=Future", { cookie: member.cookie }))).status).toBe(403);
    expect((await call(roleLoader, request(roleUrl(member.id, "admin"), { cookie: member.cookie }), { id: String(member.id) })).status).toBe(403);
    expect((await call(roleAction, request(`/admin/members/${member.id}/role`, { form: { role: "admin" }, cookie: member.cookie }), { id: String(member.id) })).status).toBe(403);

    const search = await call(rolesLoader, request("/admin/members?q=Future", { cookie: admin.cookie }));
    expect(search.data.members.map((m: { id: number }) => m.id)).toEqual([member.id]);
    // The confirmation page only describes the change; nothing happens until it is posted.
    const confirm = await call(roleLoader, request(roleUrl(member.id, "moderator"), { cookie: admin.cookie }), { id: String(member.id) });
    expect(confirm.data).toMatchObject({ current: "member", target: "moderator" });
    expect(await db.selectFrom("member_role").select("role").where("member_id", "=", member.id).execute()).toEqual([]);
    const done = await call(roleAction, request(`/admin/members/${member.id}/role`, { form: { role: "moderator" }, cookie: admin.cookie }), { id: String(member.id) });
    expect(done.status).toBe(302);
    expect((await db.selectFrom("member_role").select("role").where("member_id", "=", member.id).execute()).map((r) => r.role)).toEqual(["moderator"]);
    const events = await db.selectFrom("audit_event").selectAll().where("subject_id", "=", member.id).execute();
    expect(events).toEqual([expect.objectContaining({ action: "role.granted", actor_id: admin.id, detail: { role: "moderator" } })]);
    const moderators = await call(rolesLoader, request("/admin/members?q=Future&role=moderator", { cookie: admin.cookie }));
    expect(moderators.data.members.map((m: { id: number }) => m.id)).toEqual([member.id]);
    expect((await call(rolesLoader, request("/admin/members?q=Future&role=admin", { cookie: admin.cookie }))).data.members).toEqual([]);
    expect((await call(roleAction, request(`/admin/members/${member.id}/role`, { form: { role: "owner" }, cookie: admin.cookie }), { id: String(member.id) })).data.errors.form).toBe("Choose a role.");

    const otherAdmins = await db.selectFrom("member_role").select("member_id").where("role", "=", "admin").where("member_id", "!=", admin.id).execute();
    for (const other of otherAdmins) await changeCoalitionRole(db, null, other.member_id, "admin", false);
    // Admin to moderator for the last admin: refused as a whole, not half done.
    const demoteSelf = await call(roleAction, request(`/admin/members/${admin.id}/role`, { form: { role: "moderator" }, cookie: admin.cookie }), { id: String(admin.id) });
    expect(demoteSelf.data.errors.form).toMatch(/must keep at least one admin/);
    expect((await db.selectFrom("member_role").select("role").where("member_id", "=", admin.id).execute()).map((r) => r.role)).toEqual(["admin"]);
  });
});
