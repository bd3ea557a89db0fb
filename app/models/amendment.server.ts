import type { Database } from "../../db";

export async function insertAmendment(
  db: Database,
  amendment: { demandId: number; authorId: number; baseRevision: number; paragraphIndex: number | null; originalText: string; proposedText: string; rationale: string },
) {
  const row = await db
    .insertInto("amendment")
    .values({
      demand_id: amendment.demandId,
      author_id: amendment.authorId,
      base_revision: amendment.baseRevision,
      paragraph_index: amendment.paragraphIndex,
      original_text: amendment.originalText,
      proposed_text: amendment.proposedText,
      rationale: amendment.rationale,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function getAmendment(db: Database, id: number) {
  return db
    .selectFrom("amendment")
    .leftJoin("member", "member.id", "amendment.author_id")
    .selectAll("amendment")
    .select(["member.display_name as author_name", "member.email as author_email", "member.notification_email as author_notification_email"])
    .where("amendment.id", "=", id)
    .executeTakeFirst();
}

export function getAmendmentForUpdate(db: Database, id: number) {
  return db.selectFrom("amendment").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export function listAmendments(db: Database, demandId: number) {
  return db
    .selectFrom("amendment")
    .leftJoin("member", "member.id", "amendment.author_id")
    .select(["amendment.id", "amendment.status", "amendment.paragraph_index", "amendment.rationale", "amendment.support_count", "amendment.base_revision", "amendment.created_at", "member.display_name as author_name"])
    .where("amendment.demand_id", "=", demandId)
    .orderBy("amendment.status")
    .orderBy("amendment.support_count", "desc")
    .orderBy("amendment.id")
    .limit(200)
    .execute();
}

/** One support per member; the count on the amendment moves with it, in the same statement pair. */
export async function addSupport(db: Database, amendmentId: number, memberId: number) {
  const inserted = await db.insertInto("amendment_support").values({ amendment_id: amendmentId, member_id: memberId }).onConflict((oc) => oc.doNothing()).returning("member_id").executeTakeFirst();
  if (inserted) await db.updateTable("amendment").set((eb) => ({ support_count: eb("support_count", "+", 1) })).where("id", "=", amendmentId).execute();
  return Boolean(inserted);
}

export async function removeSupport(db: Database, amendmentId: number, memberId: number) {
  const removed = await db.deleteFrom("amendment_support").where("amendment_id", "=", amendmentId).where("member_id", "=", memberId).returning("member_id").executeTakeFirst();
  if (removed) await db.updateTable("amendment").set((eb) => ({ support_count: eb("support_count", "-", 1) })).where("id", "=", amendmentId).execute();
  return Boolean(removed);
}

export async function hasSupported(db: Database, amendmentId: number, memberId: number) {
  return Boolean(await db.selectFrom("amendment_support").select("member_id").where("amendment_id", "=", amendmentId).where("member_id", "=", memberId).executeTakeFirst());
}

export async function decideAmendment(db: Database, id: number, deciderId: number, status: "accepted" | "declined", reason: string | null) {
  const row = await db
    .updateTable("amendment")
    .set({ status, decided_by: deciderId, decision_reason: reason, decided_at: new Date() })
    .where("id", "=", id)
    .where("status", "=", "open")
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

/** The open amendments to a demand with what staleness needs (bounded: a consultation's open amendments). */
export function listOpenAmendmentTexts(db: Database, demandId: number) {
  return db
    .selectFrom("amendment")
    .leftJoin("member", "member.id", "amendment.author_id")
    .select(["amendment.id", "amendment.paragraph_index", "amendment.original_text", "amendment.author_id", "member.display_name as author_name", "member.email as author_email", "member.notification_email as author_notification_email"])
    .where("amendment.demand_id", "=", demandId)
    .where("amendment.status", "=", "open")
    .orderBy("amendment.id")
    .limit(200)
    .execute();
}

/** Points an amendment at the current text: what it replaces now, at which revision, and (maybe edited) what it proposes. */
export async function rebaseAmendmentText(db: Database, id: number, change: { baseRevision: number; originalText: string; proposedText: string }) {
  await db
    .updateTable("amendment")
    .set({ base_revision: change.baseRevision, original_text: change.originalText, proposed_text: change.proposedText })
    .where("id", "=", id)
    .where("status", "=", "open")
    .execute();
}

export async function clearSupport(db: Database, amendmentId: number) {
  await db.deleteFrom("amendment_support").where("amendment_id", "=", amendmentId).execute();
  await db.updateTable("amendment").set({ support_count: 0 }).where("id", "=", amendmentId).execute();
}
