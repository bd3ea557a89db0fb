import type { Database } from "../../db";
import type { EmailTokenPurpose } from "../../db/schema";
import { recordAuditEvent } from "~/models/audit.server";
import { listConsents, listPerspectives, recordConsent, TERMS_VERSION } from "~/models/consent.server";
import { consumeEmailToken, expireEmailTokens, insertEmailToken } from "~/models/email-token.server";
import { listMemberContributions } from "~/models/member-data.server";
import { setNotificationEmail, anonymiseMember, countAdmins, getMember, getMemberByEmail, insertMember, listMemberRoles, lockCoalitionRoles, markEmailVerified, normaliseEmail, setMemberEmail, setMemberPassword, updateMemberProfile } from "~/models/member.server";
import { listMemberOrganisations, listOrganisationsOnlyAdminedBy } from "~/models/organisation.server";
import { deleteMemberSessions, listMemberSessions } from "~/models/session.server";
import { leaveAllEvents } from "~/services/event.server";
import { deleteTellerStories, leavePublishedStoriesAnonymously, recordConsents } from "~/models/story.server";
import { unlinkMemberVotes } from "~/models/vote.server";
import { emailAddress, emailMember } from "./notifications.server";
import { getAppUrl } from "~/utils/env.server";
import { hashPassword, verifyPassword } from "./password.server";
import { generateToken, hashToken } from "~/utils/tokens.server";

// An hour: long enough for someone whose energy or attention varies to come back to the email; single use keeps it safe.
export const LINK_LIFETIME_MS = 60 * 60 * 1000;

async function issueLink(
  trx: Database,
  link: { memberId: number; email: string; purpose: EmailTokenPurpose; pendingDisplayName?: string; pendingPasswordHash?: string | null },
) {
  // One live link of each kind per member: asking again replaces the old one.
  await expireEmailTokens(trx, link.memberId, link.purpose);
  const token = generateToken();
  await insertEmailToken(trx, { ...link, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + LINK_LIFETIME_MS) });
  return token;
}

const url = (path: string) => `${getAppUrl()}${path}`;

/**
 * Joining never reveals whether the email is registered: the caller shows the same page either way,
 * and the owner of the address gets an email saying what happened. The password is hashed in every
 * case so both paths take about as long.
 */
export async function joinCoalition(db: Database, input: { email: string; displayName: string; password: string | null }) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const email = normaliseEmail(input.email);
  await db.transaction().execute(async (trx) => {
    const existing = await getMemberByEmail(trx, email);
    if (existing?.email_verified_at) {
      await emailAddress(trx, { template: "AccountExists", to: email, props: { signInUrl: url("/sign-in"), resetUrl: url("/forgot-password") } });
      return;
    }
    const member = existing ?? (await insertMember(trx, { email, displayName: input.displayName, passwordHash: null }));
    if (!existing) await recordConsent(trx, member.id, "terms", TERMS_VERSION);
    const token = await issueLink(trx, {
      memberId: member.id,
      email,
      purpose: "verify_email",
      pendingDisplayName: input.displayName,
      pendingPasswordHash: passwordHash,
    });
    await emailAddress(trx, { template: "VerifyEmail", to: email, props: { displayName: input.displayName, url: url(`/verify-email/${token}`) } });
  });
}

/** Uses a verification link: the account is verified and takes the name and password given when joining. */
export async function confirmEmail(db: Database, token: string) {
  return db.transaction().execute(async (trx) => {
    const used = await consumeEmailToken(trx, hashToken(token), "verify_email");
    if (!used) return null;
    await markEmailVerified(trx, used.member_id);
    const member = await getMember(trx, used.member_id);
    if (!member) return null;
    if (used.pending_display_name) {
      await updateMemberProfile(trx, member.id, { displayName: used.pending_display_name, bio: member.bio, pronouns: member.pronouns });
    }
    if (used.pending_password_hash) await setMemberPassword(trx, member.id, used.pending_password_hash);
    return member.id;
  });
}

/**
 * Emails a sign-in or reset link to a registered address, or tells an unregistered address's owner
 * there is no account: the caller's answer is the same either way.
 */
async function sendLinkOrNoAccount(db: Database, rawEmail: string, link: { purpose: "sign_in" | "reset_password"; template: "SignInLink" | "ResetPassword"; path: string }) {
  const email = normaliseEmail(rawEmail);
  await db.transaction().execute(async (trx) => {
    const member = await getMemberByEmail(trx, email);
    if (!member) {
      await emailAddress(trx, { template: "NoAccount", to: email, props: { joinUrl: url("/join") } });
      return;
    }
    const token = await issueLink(trx, { memberId: member.id, email, purpose: link.purpose });
    await emailAddress(trx, { template: link.template, to: email, props: { url: url(`${link.path}/${token}`) } });
  });
}

export function requestSignInLink(db: Database, email: string) {
  return sendLinkOrNoAccount(db, email, { purpose: "sign_in", template: "SignInLink", path: "/sign-in/link" });
}

/** Uses a sign-in link. Following it proves the member reads that inbox, so it verifies the email too. */
export async function signInWithLink(db: Database, token: string) {
  return db.transaction().execute(async (trx) => {
    const used = await consumeEmailToken(trx, hashToken(token), "sign_in");
    if (!used) return null;
    await markEmailVerified(trx, used.member_id);
    return used.member_id;
  });
}

/** Password sign-in; an unknown email costs the same argon2 work as a wrong password. */
export async function signInWithPassword(db: Database, email: string, password: string) {
  const member = await getMemberByEmail(db, email);
  const ok = await verifyPassword(member?.password_hash, password);
  return ok && member?.email_verified_at ? member.id : null;
}

export function requestPasswordReset(db: Database, email: string) {
  return sendLinkOrNoAccount(db, email, { purpose: "reset_password", template: "ResetPassword", path: "/reset-password" });
}

/** Sets a new password from a reset link and ends every session. */
export async function resetPassword(db: Database, token: string, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    const used = await consumeEmailToken(trx, hashToken(token), "reset_password");
    if (!used) return null;
    await setMemberPassword(trx, used.member_id, passwordHash);
    await markEmailVerified(trx, used.member_id);
    await deleteMemberSessions(trx, used.member_id);
    await emailMember(trx, { memberId: used.member_id, address: "sign-in", template: "PasswordChanged", props: { resetUrl: url("/forgot-password") } });
    return used.member_id;
  });
}

export type ChangePasswordResult = "changed" | "wrong-password";

/** Changes the password (the current one is needed if there is one) and ends every session. */
export async function changePassword(db: Database, memberId: number, current: string, newPassword: string): Promise<ChangePasswordResult> {
  const member = await getMember(db, memberId);
  if (!member?.email) return "wrong-password";
  if (member.password_hash && !(await verifyPassword(member.password_hash, current))) return "wrong-password";
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await setMemberPassword(trx, memberId, passwordHash);
    await deleteMemberSessions(trx, memberId);
    await emailMember(trx, { memberId, address: "sign-in", template: "PasswordChanged", props: { resetUrl: url("/forgot-password") } });
  });
  return "changed";
}

/**
 * Sends a confirmation link to the new address. If it belongs to another account, nothing is sent
 * and the member sees the same message, so the form cannot be used to test addresses.
 */
export async function requestEmailChange(db: Database, memberId: number, rawEmail: string) {
  const email = normaliseEmail(rawEmail);
  await db.transaction().execute(async (trx) => {
    if (await getMemberByEmail(trx, email)) return;
    const token = await issueLink(trx, { memberId, email, purpose: "change_email" });
    await emailAddress(trx, { template: "ConfirmEmailChange", to: email, props: { url: url(`/settings/email/confirm/${token}`) } });
  });
}

/**
 * A new notification address gets nothing until its owner confirms it by link (so a typo, or
 * someone else's address, is never mailed our notifications). Clearing it needs no link.
 */
export async function requestNotificationEmail(db: Database, memberId: number, rawEmail: string | null) {
  if (!rawEmail) {
    await setNotificationEmail(db, memberId, null);
    return { pending: false };
  }
  const email = normaliseEmail(rawEmail);
  await db.transaction().execute(async (trx) => {
    const token = await issueLink(trx, { memberId, email, purpose: "notification_email" });
    await emailAddress(trx, { template: "ConfirmNotificationEmail", to: email, props: { url: url(`/settings/email/notifications/${token}`) } });
  });
  return { pending: true };
}

export async function confirmNotificationEmail(db: Database, memberId: number, token: string) {
  return db.transaction().execute(async (trx) => {
    const used = await consumeEmailToken(trx, hashToken(token), "notification_email", { memberId });
    if (!used) return null;
    await setNotificationEmail(trx, memberId, used.email);
    return used.email;
  });
}

export type EmailChangeResult = { ok: true; email: string } | { ok: false; reason: "invalid" | "taken" };

/** A changed sign-in email ends every other session: whoever held one used the old identity. */
export async function confirmEmailChange(db: Database, memberId: number, token: string, options: { keepSessionId?: string } = {}): Promise<EmailChangeResult> {
  return db.transaction().execute(async (trx) => {
    const used = await consumeEmailToken(trx, hashToken(token), "change_email", { memberId });
    if (!used) return { ok: false, reason: "invalid" } as const;
    if (await getMemberByEmail(trx, used.email)) return { ok: false, reason: "taken" } as const;
    const member = await getMember(trx, memberId);
    await setMemberEmail(trx, memberId, used.email);
    await deleteMemberSessions(trx, memberId, { keep: options.keepSessionId });
    // To the old address on purpose: if someone else made the change, the owner hears of it.
    if (member?.email) await emailAddress(trx, { template: "EmailChanged", to: member.email, props: { newEmail: used.email } });
    return { ok: true, email: used.email } as const;
  });
}

/** Everything Chorus stores about a member, for "Download my data". */
export async function exportMemberData(db: Database, memberId: number) {
  const member = await getMember(db, memberId);
  if (!member) return null;
  const [roles, perspectives, consents, organisations, sessions, contributions] = await Promise.all([
    listMemberRoles(db, memberId),
    listPerspectives(db, memberId),
    listConsents(db, memberId),
    listMemberOrganisations(db, memberId),
    listMemberSessions(db, memberId),
    listMemberContributions(db, memberId),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: {
      email: member.email,
      emailVerifiedAt: member.email_verified_at,
      notificationEmail: member.notification_email,
      displayName: member.display_name,
      bio: member.bio,
      pronouns: member.pronouns,
      hasPassword: Boolean(member.password_hash),
      confirmedAdultAt: member.confirmed_adult_at,
      joinedAt: member.created_at,
    },
    coalitionRoles: roles,
    perspectives,
    consents: consents.map((c) => ({ kind: c.kind, version: c.version, givenAt: c.given_at, withdrawnAt: c.withdrawn_at })),
    organisations: organisations.map((o) => ({ name: o.name, role: o.role, listedPublicly: o.listed })),
    sessions: sessions.map((s) => ({ device: s.device, signedInAt: s.created_at, lastSeenAt: s.last_seen_at })),
    ...contributions,
  };
}

export type DeleteAccountResult = { ok: true } | { ok: false; reason: "last-admin" } | { ok: false; reason: "sole-organisation-admin"; organisations: string[] };

/**
 * Removes personal data and sessions; contributions stay as "Former member". Stories are the
 * exception: they go with the account, unless the member chose to leave their published ones
 * anonymously (unlinked from them, shown as "Anonymous", the choice recorded in each story's history).
 */
export async function deleteAccount(db: Database, memberId: number, options: { leavePublishedStories: boolean } = { leavePublishedStories: false }): Promise<DeleteAccountResult> {
  return db.transaction().execute(async (trx): Promise<DeleteAccountResult> => {
    await lockCoalitionRoles(trx);
    const roles = await listMemberRoles(trx, memberId);
    if (roles.includes("admin") && (await countAdmins(trx)) <= 1) return { ok: false, reason: "last-admin" };
    const stranded = await listOrganisationsOnlyAdminedBy(trx, memberId);
    if (stranded.length) return { ok: false, reason: "sole-organisation-admin", organisations: stranded };
    // Votes stay in the totals but no longer point at anyone.
    await unlinkMemberVotes(trx, memberId);
    await leaveAllEvents(trx, memberId);
    if (options.leavePublishedStories) {
      for (const storyId of await leavePublishedStoriesAnonymously(trx, memberId)) await recordConsents(trx, storyId, { name: "anonymous" }, "account_deletion");
    }
    await deleteTellerStories(trx, memberId);
    await anonymiseMember(trx, memberId);
    await recordAuditEvent(trx, { actorId: null, action: "member.deleted", subjectType: "member", subjectId: memberId });
    return { ok: true };
  });
}

/** The name a member shows, their pronouns and a few words about them. */
export function saveProfile(db: Database, memberId: number, profile: Parameters<typeof updateMemberProfile>[2]) {
  return updateMemberProfile(db, memberId, profile);
}

/** Ends every session of the member's but this one; how many ended. */
export function signOutOtherDevices(db: Database, memberId: number, keepSessionId: string) {
  return deleteMemberSessions(db, memberId, { keep: keepSessionId });
}
