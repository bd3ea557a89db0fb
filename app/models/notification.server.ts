import type { Database } from "../../db";

export const NOTIFICATION_PAGE_SIZE = 30;

/** A member's notifications, newest first, a page at a time by id (so a long history costs the same). */
export function listNotifications(db: Database, memberId: number, before?: number) {
  return db
    .selectFrom("notification")
    .select(["id", "kind", "title", "url", "group_title", "created_at", "read_at"])
    .where("member_id", "=", memberId)
    .$if(before !== undefined, (qb) => qb.where("id", "<", before!))
    .orderBy("id", "desc")
    .limit(NOTIFICATION_PAGE_SIZE + 1)
    .execute();
}

/** Marks one notification read and returns where it points; only the member's own. */
export async function openNotification(db: Database, memberId: number, id: number) {
  const row = await db
    .updateTable("notification")
    .set((eb) => ({ read_at: eb.fn.coalesce("read_at", eb.val(new Date())) }))
    .where("id", "=", id)
    .where("member_id", "=", memberId)
    .returning("url")
    .executeTakeFirst();
  return row?.url ?? null;
}

export async function markAllRead(db: Database, memberId: number) {
  const result = await db.updateTable("notification").set({ read_at: new Date() }).where("member_id", "=", memberId).where("read_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
