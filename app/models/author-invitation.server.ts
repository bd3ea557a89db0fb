import { sql } from "kysely";
import type { Database } from "../../db";
import type { AuthorInvitationStatus } from "../../db/schema";

/**
 * Invitations to co-author a demand. A waiting invitation is `pending` with `expires_at` still ahead;
 * one past its date counts as expired wherever it is read, and is marked so when the member is
 * invited again (which frees the one-waiting-invitation index for the new one).
 */

/** Writes a waiting invitation; null if this member already has one for this demand. */
export async function insertAuthorInvitation(db: Database, invitation: { demandId: number; memberId: number; invitedBy: number; expiresAt: Date }) {
  await db
    .updateTable("demand_author_invitation")
    .set({ status: "expired" })
    .where("demand_id", "=", invitation.demandId)
    .where("member_id", "=", invitation.memberId)
    .where("status", "=", "pending")
    .where("expires_at", "<=", new Date())
    .execute();
  const row = await db
    .insertInto("demand_author_invitation")
    .values({ demand_id: invitation.demandId, member_id: invitation.memberId, invited_by: invitation.invitedBy, expires_at: invitation.expiresAt })
    // The predicate is written out (not a parameter) so PostgreSQL can match it to the partial index.
    .onConflict((oc) => oc.columns(["demand_id", "member_id"]).where(sql<boolean>`status = 'pending'`).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** One invitation, with the demand it is for and who sent it (the caller checks it is the reader's own). */
export function getAuthorInvitation(db: Database, invitationId: number) {
  return db
    .selectFrom("demand_author_invitation as i")
    .innerJoin("demand", "demand.id", "i.demand_id")
    .leftJoin("member as inviter", "inviter.id", "i.invited_by")
    .select([
      "i.id",
      "i.demand_id",
      "i.member_id",
      "i.status",
      "i.created_at",
      "i.expires_at",
      "demand.title",
      "demand.summary",
      "demand.stage",
      "inviter.display_name as inviter_name",
      "inviter.deleted_at as inviter_deleted_at",
    ])
    .where("i.id", "=", invitationId)
    .executeTakeFirst();
}

/** The same invitation, locked, for answering it. */
export function getAuthorInvitationForUpdate(db: Database, invitationId: number) {
  return db
    .selectFrom("demand_author_invitation")
    .select(["id", "demand_id", "member_id", "invited_by", "status", "expires_at"])
    .where("id", "=", invitationId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setAuthorInvitationStatus(db: Database, invitationId: number, status: Exclude<AuthorInvitationStatus, "pending">) {
  await db.updateTable("demand_author_invitation").set({ status, answered_at: new Date() }).where("id", "=", invitationId).execute();
}

/** Withdraws a demand's waiting invitation; false if there was none (answered, withdrawn or expired already). */
export async function withdrawPendingAuthorInvitation(db: Database, demandId: number, invitationId: number) {
  const row = await db
    .updateTable("demand_author_invitation")
    .set({ status: "withdrawn", answered_at: new Date() })
    .where("id", "=", invitationId)
    .where("demand_id", "=", demandId)
    .where("status", "=", "pending")
    .where("expires_at", ">", new Date())
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

/** A demand's waiting invitations (not expired, to current members), oldest first: the authors see them on the edit page. */
export function listPendingAuthorInvitations(db: Database, demandId: number) {
  return db
    .selectFrom("demand_author_invitation as i")
    .innerJoin("member", "member.id", "i.member_id")
    .leftJoin("member as inviter", "inviter.id", "i.invited_by")
    .select(["i.id", "i.member_id", "member.display_name", "i.created_at", "i.expires_at", "inviter.display_name as inviter_name", "inviter.deleted_at as inviter_deleted_at"])
    .where("i.demand_id", "=", demandId)
    .where("i.status", "=", "pending")
    .where("i.expires_at", ">", new Date())
    .where("member.deleted_at", "is", null)
    .orderBy("i.created_at")
    .orderBy("i.id")
    .limit(100)
    .execute();
}
