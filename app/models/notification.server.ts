import type { Database } from "../../db";
import type { NotificationDelivery } from "../../db/schema";
import type { NotificationKind } from "~/notifications/kinds";

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

export interface NewNotificationEvent {
  kind: NotificationKind;
  subjects: string[];
  recipients: number[] | null;
  excluded: number[];
  actorId: number | null;
  title: string;
  url: string;
  groupKey: string;
  groupTitle: string;
  template: string;
  props: Record<string, unknown>;
}

/** Something to tell members about, before it is expanded into each recipient's notification. */
export function insertNotificationEvent(db: Database, event: NewNotificationEvent) {
  return db
    .insertInto("notification_event")
    .values({
      kind: event.kind,
      subjects: event.subjects,
      recipients: event.recipients,
      excluded: event.excluded,
      actor_id: event.actorId,
      title: event.title.slice(0, 300),
      url: event.url,
      group_key: event.groupKey,
      group_title: event.groupTitle.slice(0, 300),
      template: event.template,
      props: JSON.stringify(event.props),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** Locked, so two runs of the same fan-out batch take turns. */
export function getNotificationEventForUpdate(db: Database, id: number) {
  return db.selectFrom("notification_event").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The current members among `memberIds` other than the actor and those excluded, each with their delivery choice for `kind` (null: the default). */
export function listNotificationRecipients(db: Database, memberIds: number[], kind: NotificationKind, leaveOut: { actorId: number | null; excluded: number[] }) {
  return db
    .selectFrom("member")
    .leftJoin("notification_preference", (join) => join.onRef("notification_preference.member_id", "=", "member.id").on("notification_preference.kind", "=", kind))
    .select(["member.id", "member.email", "member.notification_email", "member.notifications_paused", "notification_preference.delivery"])
    .where("member.id", "in", memberIds)
    .where("member.deleted_at", "is", null)
    .where("member.id", "<>", leaveOut.actorId ?? 0)
    .$if(leaveOut.excluded.length > 0, (qb) => qb.where("member.id", "not in", leaveOut.excluded))
    .execute();
}

export interface NewNotification {
  member_id: number;
  event_id: number;
  kind: string;
  title: string;
  url: string;
  group_key: string;
  group_title: string;
  digest: "daily" | "weekly" | null;
}

/** In-app notifications, at most one per event and member. Returns the members who got a new one. */
export function insertNotifications(db: Database, notifications: NewNotification[]) {
  return db
    .insertInto("notification")
    .values(notifications)
    .onConflict((oc) => oc.columns(["event_id", "member_id"]).doNothing())
    .returning("member_id")
    .execute();
}

/** Records how far a fan-out has got (the last member id done) and whether it is finished. */
export async function moveNotificationEventCursor(db: Database, id: number, cursorMemberId: number, expandedAt: Date | null) {
  await db.updateTable("notification_event").set({ cursor_member_id: cursorMemberId, expanded_at: expandedAt }).where("id", "=", id).execute();
}

/** The next 500 members with notifications waiting for this digest. */
export function listDigestMembers(db: Database, cadence: "daily" | "weekly") {
  return db.selectFrom("notification").select("member_id").distinct().where("digest", "=", cadence).orderBy("member_id").limit(500).execute();
}

/** The notifications waiting for these members' digest, with where to send it. */
export function listDigestNotifications(db: Database, cadence: "daily" | "weekly", memberIds: number[]) {
  return db
    .selectFrom("notification")
    .innerJoin("member", "member.id", "notification.member_id")
    .select(["notification.id", "notification.member_id", "notification.title", "notification.url", "notification.group_key", "notification.group_title", "member.email", "member.notification_email", "member.notifications_paused"])
    .where("notification.digest", "=", cadence)
    .where("notification.member_id", "in", memberIds)
    .orderBy("notification.id")
    .execute();
}

/** Clears the digest marks of these members' notifications up to `upToId` (those the digest read). */
export async function clearDigestMarks(db: Database, cadence: "daily" | "weekly", memberIds: number[], upToId: number) {
  await db.updateTable("notification").set({ digest: null }).where("digest", "=", cadence).where("member_id", "in", memberIds).where("id", "<=", upToId).execute();
}

/** Deletes notifications created before `cutoff`. Returns how many. */
export async function deleteNotificationsBefore(db: Database, cutoff: Date) {
  const result = await db.deleteFrom("notification").where("created_at", "<", cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes events created before `cutoff` whose fan-out has finished. */
export async function deleteExpandedNotificationEventsBefore(db: Database, cutoff: Date) {
  await db.deleteFrom("notification_event").where("created_at", "<", cutoff).where("expanded_at", "is not", null).execute();
}

/** A member's chosen delivery per kind (kinds they never chose are absent). */
export function listNotificationPreferences(db: Database, memberId: number) {
  return db.selectFrom("notification_preference").select(["kind", "delivery"]).where("member_id", "=", memberId).execute();
}

/** Turns these kinds off for a member. */
export async function turnOffNotificationKinds(db: Database, memberId: number, kinds: NotificationKind[]) {
  await db
    .insertInto("notification_preference")
    .values(kinds.map((k) => ({ member_id: memberId, kind: k, delivery: "off" as const })))
    .onConflict((oc) => oc.columns(["member_id", "kind"]).doUpdateSet({ delivery: "off" }))
    .execute();
}

/** Sets a member's delivery for each of these kinds. */
export async function upsertNotificationPreferences(db: Database, memberId: number, choices: Array<[NotificationKind, NotificationDelivery]>) {
  await db
    .insertInto("notification_preference")
    .values(choices.map(([kind, delivery]) => ({ member_id: memberId, kind, delivery })))
    .onConflict((oc) => oc.columns(["member_id", "kind"]).doUpdateSet((eb) => ({ delivery: eb.ref("excluded.delivery") })))
    .execute();
}
