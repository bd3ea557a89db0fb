import type { Database } from "../../db";

export async function recordAuditEvent(
  db: Database,
  event: { actorId: number | null; action: string; subjectType: string; subjectId: number | null; detail?: Record<string, unknown> },
) {
  await db
    .insertInto("audit_event")
    .values({
      actor_id: event.actorId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      detail: JSON.stringify(event.detail ?? {}),
    })
    .execute();
}

export const AUDIT_PAGE_SIZE = 50;

export function listAuditEvents(db: Database, options: { beforeId?: number } = {}) {
  return db
    .selectFrom("audit_event")
    .leftJoin("member", "member.id", "audit_event.actor_id")
    .select(["audit_event.id", "audit_event.action", "audit_event.subject_type", "audit_event.subject_id", "audit_event.detail", "audit_event.created_at", "member.display_name as actor_name"])
    .$if(options.beforeId !== undefined, (qb) => qb.where("audit_event.id", "<", options.beforeId!))
    .orderBy("audit_event.id", "desc")
    .limit(AUDIT_PAGE_SIZE + 1)
    .execute();
}
