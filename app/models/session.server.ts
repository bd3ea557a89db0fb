import { sql } from "kysely";
import type { Database } from "../../db";

export async function insertSession(db: Database, session: { id: string; memberId: number; expiresAt: Date; device: string }) {
  await db
    .insertInto("session")
    .values({ id: session.id, member_id: session.memberId, expires_at: session.expiresAt, device: session.device.slice(0, 200) })
    .execute();
}

/** The session and its member in one query (every signed-in request makes it). */
export function getSessionWithMember(db: Database, sessionId: string) {
  return db
    .selectFrom("session")
    .innerJoin("member", "member.id", "session.member_id")
    .select((eb) => [
      "session.id as session_id",
      "session.expires_at",
      "session.last_seen_at",
      "member.id",
      "member.display_name",
      "member.email",
      eb.selectFrom("member_role").select("role").whereRef("member_role.member_id", "=", "member.id").where("role", "=", "admin").as("admin_role"),
      eb.selectFrom("member_role").select("role").whereRef("member_role.member_id", "=", "member.id").where("role", "=", "moderator").as("moderator_role"),
      // Unread notifications for the page header, counted to 100 from their partial index, in this same round trip.
      sql<number>`(select count(*)::int from (select 1 from notification where notification.member_id = member.id and notification.read_at is null limit 100) unread)`.as("unread"),
    ])
    .where("session.id", "=", sessionId)
    .where("member.deleted_at", "is", null)
    .executeTakeFirst();
}

export async function updateSessionExpiry(db: Database, sessionId: string, expiresAt: Date) {
  await db.updateTable("session").set({ expires_at: expiresAt, last_seen_at: new Date() }).where("id", "=", sessionId).execute();
}

export async function touchSession(db: Database, sessionId: string) {
  await db.updateTable("session").set({ last_seen_at: new Date() }).where("id", "=", sessionId).execute();
}

export async function deleteSession(db: Database, sessionId: string) {
  await db.deleteFrom("session").where("id", "=", sessionId).execute();
}

/** Signs a member out everywhere, or everywhere but `keep`. */
export async function deleteMemberSessions(db: Database, memberId: number, options: { keep?: string } = {}) {
  const result = await db
    .deleteFrom("session")
    .where("member_id", "=", memberId)
    .$if(Boolean(options.keep), (qb) => qb.where("id", "!=", options.keep!))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function listMemberSessions(db: Database, memberId: number) {
  return db
    .selectFrom("session")
    .select(["id", "device", "created_at", "last_seen_at", "expires_at"])
    .where("member_id", "=", memberId)
    .where("expires_at", ">", new Date())
    .orderBy("last_seen_at", "desc")
    .limit(50)
    .execute();
}
