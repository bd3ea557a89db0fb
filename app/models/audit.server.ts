import { sql } from "kysely";
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

/**
 * A page of the audit log, newest first, with the names a sentence needs: who acted, and what the
 * event was about (a member, an organisation, or the demand a comment belongs to). Each name is a
 * primary-key lookup per row of the page.
 */
export function listAuditEvents(db: Database, options: { beforeId?: number } = {}) {
  return db
    .selectFrom("audit_event")
    .leftJoin("member as actor", "actor.id", "audit_event.actor_id")
    .leftJoin("member as subject_member", (join) =>
      join.on((eb) => eb.or([
        eb.and([eb("audit_event.subject_type", "=", "member"), eb("subject_member.id", "=", eb.ref("audit_event.subject_id"))]),
        eb.and([eb("audit_event.subject_type", "=", "organisation"), eb("subject_member.id", "=", sql<number>`(audit_event.detail->>'memberId')::bigint`)]),
      ])),
    )
    .leftJoin("organisation", (join) => join.onRef("organisation.id", "=", "audit_event.subject_id").on("audit_event.subject_type", "=", "organisation"))
    .leftJoin("comment", (join) => join.onRef("comment.id", "=", "audit_event.subject_id").on("audit_event.subject_type", "=", "comment"))
    .leftJoin("demand", "demand.id", "comment.demand_id")
    .select([
      "audit_event.id",
      "audit_event.action",
      "audit_event.subject_type",
      "audit_event.subject_id",
      "audit_event.detail",
      "audit_event.created_at",
      "actor.display_name as actor_name",
      "subject_member.display_name as member_name",
      "organisation.name as organisation_name",
      "demand.id as demand_id",
      "demand.title as demand_title",
    ])
    .$if(options.beforeId !== undefined, (qb) => qb.where("audit_event.id", "<", options.beforeId!))
    .orderBy("audit_event.id", "desc")
    .limit(AUDIT_PAGE_SIZE + 1)
    .execute();
}
