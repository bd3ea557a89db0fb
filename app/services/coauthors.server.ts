import type { Database } from "../../db";
import { getAuthorInvitationForUpdate, insertAuthorInvitation, setAuthorInvitationStatus, withdrawPendingAuthorInvitation } from "~/models/author-invitation.server";
import { addDemandAuthor, followDemand, getDemand, isDemandAuthor, recordDemandEvent, removeDemandAuthor } from "~/models/demand.server";
import { getMember, isActiveMember } from "~/models/member.server";
import { AUTHOR_INVITATION_DAYS, invitationState, WRITING_STAGES, type InvitationState } from "~/demands/coauthors";
import { formatWhen } from "~/demands/labels";
import { checkRateLimit, RATE_LIMITS } from "./rate-limit.server";
import { notifyMembers } from "./notifications.server";

export type InviteResult =
  | { ok: true; invitationId: number }
  | { ok: false; reason: "not-author" | "closed" | "not-a-member" | "already-author" | "already-invited" }
  | { ok: false; reason: "too-many"; message: string };

/**
 * An author invites a member to co-author: the member is told in the app and, as their preferences
 * allow, by email (in this transaction), and becomes an author only by accepting. One waiting
 * invitation per member and demand; an author cannot be invited.
 */
export async function inviteCoauthor(db: Database, demandId: number, inviterId: number, memberId: number): Promise<InviteResult> {
  return db.transaction().execute(async (trx): Promise<InviteResult> => {
    const demand = await getDemand(trx, demandId);
    if (!demand || !(await isDemandAuthor(trx, demandId, inviterId))) return { ok: false, reason: "not-author" };
    if (!WRITING_STAGES.includes(demand.stage)) return { ok: false, reason: "closed" };
    if (!(await isActiveMember(trx, memberId))) return { ok: false, reason: "not-a-member" };
    if (await isDemandAuthor(trx, demandId, memberId)) return { ok: false, reason: "already-author" };
    // Each invitation emails someone: an author cannot send them by the hundred.
    const limited = await checkRateLimit(trx, RATE_LIMITS.coauthorInvitePerMember, String(inviterId));
    if (!limited.ok) return { ok: false, reason: "too-many", message: limited.message };
    const expiresAt = new Date(Date.now() + AUTHOR_INVITATION_DAYS * 86_400_000);
    const invitationId = await insertAuthorInvitation(trx, { demandId, memberId, invitedBy: inviterId, expiresAt });
    if (invitationId === null) return { ok: false, reason: "already-invited" };
    const inviter = await getMember(trx, inviterId);
    const inviterName = inviter?.display_name ?? "An author";
    await notifyMembers(trx, [memberId], {
      kind: "coauthor_invitation",
      title: `${inviterName} invited you to co-author “${demand.title}”`,
      paragraphs: [
        `${inviterName} would like you to write “${demand.title}” with them. Co-authors edit the text together${demand.stage === "draft" ? " while it is a private draft" : ""}, and decide on the amendments members propose.`,
        `Open the invitation to read the summary and to accept or decline. Opening it changes nothing. It lasts until ${formatWhen(expiresAt)}.`,
      ],
      url: `/demands/${demandId}/invitations/${invitationId}`,
      action: "Accept or decline",
      group: { key: `demand:${demandId}`, title: demand.title },
      reason: "You get this because an author of this demand invited you to co-author it.",
      actorId: inviterId,
    });
    return { ok: true, invitationId };
  });
}

export type AnswerResult = { ok: true; demandId: number } | { ok: false; reason: "not-found" | "not-invitee" | Exclude<InvitationState, "open"> };

/**
 * The invited member accepts: they become an author, follow the demand, and their joining is written
 * in the demand's decision log. Refused once the invitation is withdrawn, answered or out of date, or
 * once the text is no longer being written.
 */
export async function acceptCoauthorInvitation(db: Database, invitationId: number, memberId: number): Promise<AnswerResult> {
  return db.transaction().execute(async (trx): Promise<AnswerResult> => {
    const invitation = await getAuthorInvitationForUpdate(trx, invitationId);
    if (!invitation) return { ok: false, reason: "not-found" };
    if (Number(invitation.member_id) !== memberId) return { ok: false, reason: "not-invitee" };
    const demandId = Number(invitation.demand_id);
    const demand = (await getDemand(trx, demandId))!;
    const state = invitationState(invitation, demand.stage);
    if (state !== "open") return { ok: false, reason: state };
    await addDemandAuthor(trx, demandId, memberId);
    await setAuthorInvitationStatus(trx, invitation.id, "accepted");
    await recordDemandEvent(trx, {
      demandId,
      actorId: memberId,
      from: demand.stage,
      to: demand.stage,
      reason: "Joined as a co-author",
      detail: { kind: "author_joined", invitedBy: invitation.invited_by === null ? null : Number(invitation.invited_by) },
    });
    await followDemand(trx, demandId, memberId);
    return { ok: true, demandId };
  });
}

/** The invited member declines: the invitation is gone, and nobody is told. */
export async function declineCoauthorInvitation(db: Database, invitationId: number, memberId: number): Promise<AnswerResult> {
  return db.transaction().execute(async (trx): Promise<AnswerResult> => {
    const invitation = await getAuthorInvitationForUpdate(trx, invitationId);
    if (!invitation) return { ok: false, reason: "not-found" };
    if (Number(invitation.member_id) !== memberId) return { ok: false, reason: "not-invitee" };
    // Declining is allowed whatever became of the demand, but not once the invitation is over.
    const state = invitationState(invitation, "draft");
    if (state !== "open") return { ok: false, reason: state };
    await setAuthorInvitationStatus(trx, invitation.id, "declined");
    return { ok: true, demandId: Number(invitation.demand_id) };
  });
}

export type WithdrawInvitationResult = { ok: true } | { ok: false; reason: "not-author" | "not-pending" };

/** An author takes back a waiting invitation; its link then says it was withdrawn. */
export async function withdrawCoauthorInvitation(db: Database, demandId: number, invitationId: number, authorId: number): Promise<WithdrawInvitationResult> {
  return db.transaction().execute(async (trx): Promise<WithdrawInvitationResult> => {
    if (!(await isDemandAuthor(trx, demandId, authorId))) return { ok: false, reason: "not-author" };
    return (await withdrawPendingAuthorInvitation(trx, demandId, invitationId)) ? { ok: true } : { ok: false, reason: "not-pending" };
  });
}

/** An author removes a co-author (never the proposer, so a demand always keeps an author). */
export function removeCoauthor(db: Database, demandId: number, memberId: number) {
  return removeDemandAuthor(db, demandId, memberId);
}
