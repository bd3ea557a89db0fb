import type { Database } from "../../db";
import type { CoalitionRole, OrganisationKind } from "../../db/schema";
import { recordAuditEvent } from "~/models/audit.server";
import { countAdmins, getMember, grantMemberRole, listMemberRoles, lockCoalitionRoles, normaliseEmail, revokeMemberRole } from "~/models/member.server";
import { acceptInvitationRow, addMembership, countOrganisationAdminsForUpdate, deleteJoinRequest, findInvitation, getMembership, getOrganisation, insertInvitation, insertJoinRequest, insertOrganisation, listOrganisationAdminIds, lockOrganisation, removeMembership, setMembershipRole, setOrganisationDeclined, setOrganisationVerified, setMembershipListed } from "~/models/organisation.server";
import { emailAddress, emailMember, notifyMembers } from "./notifications.server";
import { getAppUrl } from "~/utils/env.server";
import { generateToken, hashToken } from "~/utils/tokens.server";

export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
const url = (path: string) => `${getAppUrl()}${path}`;

export async function registerOrganisation(
  db: Database,
  memberId: number,
  input: { name: string; kind: OrganisationKind; description: string; website: string | null },
) {
  return db.transaction().execute(async (trx) => {
    const created = await insertOrganisation(trx, { ...input, createdBy: memberId });
    if (created) {
      await recordAuditEvent(trx, { actorId: memberId, action: "organisation.registered", subjectType: "organisation", subjectId: created.id, detail: { name: input.name } });
    }
    return created;
  });
}

export async function verifyOrganisation(db: Database, adminId: number, organisationId: number) {
  return db.transaction().execute(async (trx) => {
    if (!(await setOrganisationVerified(trx, organisationId))) return false;
    const organisation = (await getOrganisation(trx, organisationId))!;
    await recordAuditEvent(trx, { actorId: adminId, action: "organisation.verified", subjectType: "organisation", subjectId: organisationId, detail: { name: organisation.name } });
    if (organisation.created_by) {
      await emailMember(trx, { memberId: organisation.created_by, template: "OrganisationVerified", props: { organisationName: organisation.name, url: url(`/organisations/${organisation.slug}`) } });
    }
    return true;
  });
}

export type DeclineOrganisationResult = { ok: true } | { ok: false; reason: "not-waiting" };

/** Declines a request to be verified: recorded with the reason, audited, and the member who asked is emailed why. */
export async function declineOrganisation(db: Database, adminId: number, organisationId: number, reason: string): Promise<DeclineOrganisationResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await setOrganisationDeclined(trx, organisationId, reason))) return { ok: false, reason: "not-waiting" } as const;
    const organisation = (await getOrganisation(trx, organisationId))!;
    await recordAuditEvent(trx, { actorId: adminId, action: "organisation.declined", subjectType: "organisation", subjectId: organisationId, detail: { name: organisation.name, reason } });
    if (organisation.created_by) {
      await emailMember(trx, { memberId: organisation.created_by, template: "OrganisationDeclined", props: { organisationName: organisation.name, reason, url: url("/guidelines") } });
    }
    return { ok: true } as const;
  });
}

/** Invites an email address (with or without an account) by a link that works once, for 14 days. */
export async function inviteToOrganisation(db: Database, inviterId: number, organisationId: number, rawEmail: string) {
  const email = normaliseEmail(rawEmail);
  await db.transaction().execute(async (trx) => {
    const organisation = (await getOrganisation(trx, organisationId))!;
    const inviter = (await getMember(trx, inviterId))!;
    const token = generateToken();
    await insertInvitation(trx, { organisationId, email, tokenHash: hashToken(token), invitedBy: inviterId, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) });
    await emailAddress(trx, {
      template: "OrganisationInvitation",
      to: email,
      props: { organisationName: organisation.name, inviterName: inviter.display_name, url: url(`/invitations/${token}`) },
    });
    await recordAuditEvent(trx, { actorId: inviterId, action: "organisation.invited", subjectType: "organisation", subjectId: organisationId });
  });
}

export function getInvitationByToken(db: Database, token: string) {
  return findInvitation(db, hashToken(token));
}

export type AcceptInvitationResult = { ok: true; slug: string } | { ok: false; reason: "invalid" };

/** Accepts an invitation for the signed-in member (the link is the proof; any account may use it once). */
export async function acceptInvitation(db: Database, memberId: number, token: string): Promise<AcceptInvitationResult> {
  return db.transaction().execute(async (trx) => {
    const invitation = await findInvitation(trx, hashToken(token));
    if (!invitation) return { ok: false, reason: "invalid" } as const;
    const accepted = await acceptInvitationRow(trx, invitation.id, memberId);
    if (!accepted) return { ok: false, reason: "invalid" } as const;
    await addMembership(trx, accepted.organisation_id, memberId, "member");
    await recordAuditEvent(trx, { actorId: memberId, action: "organisation.invitation_accepted", subjectType: "organisation", subjectId: accepted.organisation_id });
    return { ok: true, slug: invitation.organisation_slug } as const;
  });
}

/** Asks to join; the organisation's admins are told (their "join request" notifications). */
export async function requestToJoin(db: Database, memberId: number, organisationId: number, message: string) {
  await db.transaction().execute(async (trx) => {
    await insertJoinRequest(trx, organisationId, memberId, message);
    const [organisation, member, admins] = await Promise.all([
      getOrganisation(trx, organisationId),
      getMember(trx, memberId),
      listOrganisationAdminIds(trx, organisationId),
    ]);
    if (!organisation) return;
    await notifyMembers(
      trx,
      admins,
      {
        kind: "join_request",
        title: `${member?.display_name ?? "Someone"} asked to join ${organisation.name}`,
        url: `/organisations/${organisation.slug}/manage#requests`,
        action: "See the request",
        group: { key: `organisation:${organisationId}`, title: organisation.name },
        reason: "You get this because you are an admin of this organisation.",
        actorId: memberId,
      },
    );
  });
}

export async function decideJoinRequest(db: Database, adminId: number, organisationId: number, memberId: number, accept: boolean) {
  return db.transaction().execute(async (trx) => {
    if (!(await deleteJoinRequest(trx, organisationId, memberId))) return false;
    if (accept) await addMembership(trx, organisationId, memberId, "member");
    const organisation = (await getOrganisation(trx, organisationId))!;
    const member = await getMember(trx, memberId);
    await recordAuditEvent(trx, {
      actorId: adminId,
      action: accept ? "organisation.request_accepted" : "organisation.request_declined",
      subjectType: "organisation",
      subjectId: organisationId,
      detail: { memberId },
    });
    if (member) {
      await emailMember(trx, { memberId, template: "JoinRequestDecided", props: { organisationName: organisation.name, accepted: accept, url: url(`/organisations/${organisation.slug}`) } });
    }
    return true;
  });
}

export type MembershipChangeResult = "done" | "not-a-member" | "last-admin";

/**
 * Promotes, demotes or removes a member. The organisation row is locked first, so two admins demoting
 * each other at the same moment cannot leave it with none.
 */
export async function changeOrganisationMember(
  db: Database,
  actorId: number,
  organisationId: number,
  memberId: number,
  change: "make-admin" | "make-member" | "remove",
): Promise<MembershipChangeResult> {
  return db.transaction().execute(async (trx) => {
    await lockOrganisation(trx, organisationId);
    const membership = await getMembership(trx, organisationId, memberId);
    if (!membership) return "not-a-member";
    const losesAdmin = membership.role === "admin" && change !== "make-admin";
    if (losesAdmin && (await countOrganisationAdminsForUpdate(trx, organisationId)) <= 1) return "last-admin";
    if (change === "remove") await removeMembership(trx, organisationId, memberId);
    else await setMembershipRole(trx, organisationId, memberId, change === "make-admin" ? "admin" : "member");
    await recordAuditEvent(trx, { actorId, action: `organisation.${change}`, subjectType: "organisation", subjectId: organisationId, detail: { memberId } });
    return "done";
  });
}

export type RoleChangeResult = "done" | "unchanged" | "last-admin";

/**
 * Sets a member's coalition roles to exactly `roles`, in one transaction: either every change happens
 * (each audited) or, when it would leave the coalition without an admin, none does.
 */
export async function setCoalitionRoles(db: Database, actorId: number, memberId: number, roles: readonly CoalitionRole[]): Promise<RoleChangeResult> {
  return db.transaction().execute(async (trx) => {
    await lockCoalitionRoles(trx);
    const current = await listMemberRoles(trx, memberId);
    if (current.includes("admin") && !roles.includes("admin") && (await countAdmins(trx)) <= 1) return "last-admin";
    let changed = false;
    for (const role of ["admin", "moderator"] as const) {
      const grant = roles.includes(role);
      if (grant === current.includes(role)) continue;
      if (grant) await grantMemberRole(trx, memberId, role);
      else await revokeMemberRole(trx, memberId, role);
      await recordAuditEvent(trx, { actorId, action: grant ? "role.granted" : "role.removed", subjectType: "member", subjectId: memberId, detail: { role } });
      changed = true;
    }
    return changed ? "done" : "unchanged";
  });
}

/** Grants or removes a coalition role; the coalition always keeps one admin. Every change is audited. */
export async function changeCoalitionRole(db: Database, actorId: number | null, memberId: number, role: CoalitionRole, grant: boolean): Promise<RoleChangeResult> {
  return db.transaction().execute(async (trx) => {
    await lockCoalitionRoles(trx);
    if (!grant && role === "admin" && (await countAdmins(trx)) <= 1) return "last-admin";
    const changed = grant ? await grantMemberRole(trx, memberId, role) : await revokeMemberRole(trx, memberId, role);
    if (!changed) return "unchanged";
    await recordAuditEvent(trx, { actorId, action: grant ? "role.granted" : "role.removed", subjectType: "member", subjectId: memberId, detail: { role } });
    return "done";
  });
}

/** Whether a member is named on an organisation's public page: their choice, off until they make it. */
export function setListedInOrganisation(db: Database, organisationId: number, memberId: number, listed: boolean) {
  return setMembershipListed(db, organisationId, memberId, listed);
}
