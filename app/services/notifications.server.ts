import type { Database } from "../../db";
import type { NotificationDelivery } from "../../db/schema";
import type { EmailTemplateName, EmailTemplateProps } from "../../emails";
import type { NotificationProps } from "../../emails/notification-emails";
import { listFollowerIdsForEvent } from "~/models/follow.server";
import { getMemberAddresses, setNotificationsPaused } from "~/models/member.server";
import { clearDigestMarks, deleteExpandedNotificationEventsBefore, deleteNotificationsBefore, getNotificationEventForUpdate, insertNotificationEvent, insertNotifications, listDigestMembers, listDigestNotifications, listNotificationPreferences, listNotificationRecipients, moveNotificationEventCursor, turnOffNotificationKinds, upsertNotificationPreferences, markAllRead, openNotification } from "~/models/notification.server";
import { queueEmail, queueEmails } from "~/services/email.server";
import { getAppUrl } from "~/utils/env.server";
import { enqueueJob, JOBS } from "~/services/jobs.server";
import { todayInLondon } from "~/utils/london-time";
import { NOTIFICATION_KINDS, type NotificationKind } from "~/notifications/kinds";
import { signedMemberKindToken } from "~/utils/signed-links.server";

/**
 * The one way Chorus emails a member. Every member email goes through here
 * (tests/unit/one-mail-path.test.ts fails if any other file queues mail): the address is resolved one way
 * (their notification address if they confirmed one, else their sign-in address; security mail
 * always to the sign-in address), preferences and the global pause are checked, non-essential mail
 * carries a per-recipient, per-kind List-Unsubscribe link (RFC 8058 one-click), and the idempotency
 * key is built here, all inside the caller's transaction.
 */

const url = (path: string) => `${getAppUrl()}${path}`;
export const SETTINGS_PATH = "/settings/notifications";

/** Where a member's mail goes: security mail to the sign-in address, everything else to their chosen one. */
function addressOf(member: { email: string | null; notification_email: string | null }, use: "sign-in" | "notifications") {
  return use === "sign-in" ? member.email : (member.notification_email ?? member.email);
}

/** The RFC 8058 headers and footer links for one recipient and one kind of mail. */
export function stopLinks(memberId: number, kind: NotificationKind | "digest_daily" | "digest_weekly", reason: string) {
  const stopUrl = url(`/unsubscribe/${signedMemberKindToken("unsubscribe", memberId, kind)}`);
  return {
    props: { reason, stopUrl, settingsUrl: url(SETTINGS_PATH) },
    headers: { "List-Unsubscribe": `<${stopUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/**
 * Service mail to a member (their organisation was verified, their join request decided, their
 * comment hidden, their password changed): always sent, no unsubscribe link, no promotion.
 */
export async function emailMember<N extends EmailTemplateName>(
  trx: Database,
  email: { memberId: number; template: N; props: EmailTemplateProps<N>; address?: "sign-in" | "notifications"; key?: string },
) {
  const member = await getMemberAddresses(trx, email.memberId);
  const to = member ? addressOf(member, email.address ?? "notifications") : null;
  if (!to) return null;
  return queueEmail(trx, { template: email.template, to, props: email.props, idempotencyKey: email.key ? `member:${email.memberId}:${email.key}` : undefined });
}

/**
 * Mail to an address that is not (or not yet) a member's: joining, signing in, invitations, an
 * address being confirmed. Kept here so every email Chorus writes about its members is in one file.
 */
export function emailAddress<N extends EmailTemplateName>(trx: Database, email: { to: string; template: N; props: EmailTemplateProps<N>; key?: string }) {
  return queueEmail(trx, { template: email.template, to: email.to, props: email.props, idempotencyKey: email.key });
}

export interface NotificationInput {
  kind: NotificationKind;
  /** The in-app line and the email's heading. */
  title: string;
  /** What the email says under the heading. */
  paragraphs?: string[];
  url: string;
  action?: string;
  /** What digests and the centre group it under: the demand or campaign it is about. */
  group: { key: string; title: string };
  /** Why the recipient gets it, for the email's footer. */
  reason: string;
  /** Who caused it: never told about their own action. */
  actorId?: number | null;
}

async function recordEvent(trx: Database, input: NotificationInput, audience: { subjects?: string[]; recipients?: number[]; excluded?: number[] }) {
  const props = { heading: input.title, paragraphs: input.paragraphs ?? [], action: { label: input.action ?? "Open it on Chorus", url: url(input.url) }, reason: input.reason };
  return insertNotificationEvent(trx, {
    kind: input.kind,
    subjects: audience.subjects ?? [],
    recipients: audience.recipients ?? null,
    excluded: audience.excluded ?? [],
    actorId: input.actorId ?? null,
    title: input.title,
    url: input.url,
    groupKey: input.group.key,
    groupTitle: input.group.title,
    template: "Notification",
    props,
  });
}

/** Notifies a few named members (a reply's parent author, an organisation's admins), in the caller's transaction. */
export async function notifyMembers(trx: Database, memberIds: number[], input: NotificationInput) {
  const recipients = [...new Set(memberIds)].filter((id) => id !== input.actorId);
  if (!recipients.length) return 0;
  const event = await recordEvent(trx, input, { recipients });
  let delivered = 0;
  for (let done = false; !done; ) {
    const batch = await expandBatch(trx, event.id, EXPAND_BATCH_SIZE);
    delivered += batch.delivered;
    done = batch.done;
  }
  return delivered;
}

/**
 * Notifies everyone following any of `subjects` ("demand:12", "topic:housing"). Only the event is
 * written here, with a job that expands it in batches (never in the request, however many follow).
 */
export async function notifyFollowers(trx: Database, subjects: string[], input: NotificationInput & { excluded?: number[] }) {
  const event = await recordEvent(trx, input, { subjects, excluded: input.excluded });
  await enqueueJob(trx, JOBS.expandNotification, { eventId: event.id });
  return event.id;
}

export const EXPAND_BATCH_SIZE = 5_000;

/**
 * One batch of an event's fan-out, in the caller's transaction: the next recipients after the
 * event's cursor (member-id order), each one's in-app notification (unique per event and member),
 * an email now for those who chose "immediately" (idempotency key per event and member), a digest
 * mark for daily or weekly, nothing for "off"; then the cursor moves. A batch that dies rolls back
 * whole, so a restarted fan-out delivers each notification and email exactly once.
 */
export async function expandBatch(trx: Database, eventId: number, batchSize: number) {
  const event = await getNotificationEventForUpdate(trx, eventId);
  if (!event || event.expanded_at) return { delivered: 0, done: true };
  const ids = event.recipients
    ? [...event.recipients].map(Number).filter((id) => id > Number(event.cursor_member_id)).sort((a, b) => a - b).slice(0, batchSize)
    : await listFollowerIdsForEvent(trx, event, event.cursor_member_id, batchSize);
  const kind = event.kind as NotificationKind;
  const fallback: NotificationDelivery = NOTIFICATION_KINDS[kind]?.default ?? "daily";
  const members = ids.length ? await listNotificationRecipients(trx, ids, kind, { actorId: event.actor_id, excluded: event.excluded.map(Number) }) : [];
  const wanted = members.map((m) => ({ ...m, delivery: m.delivery ?? fallback })).filter((m) => m.delivery !== "off");
  let delivered = 0;
  if (wanted.length) {
    const inserted = await insertNotifications(
      trx,
      wanted.map((m) => ({
        member_id: m.id,
        event_id: event.id,
        kind,
        title: event.title,
        url: event.url,
        group_key: event.group_key,
        group_title: event.group_title,
        digest: !m.notifications_paused && (m.delivery === "daily" || m.delivery === "weekly") ? m.delivery : null,
      })),
    );
    delivered = inserted.length;
    const fresh = new Set(inserted.map((r) => Number(r.member_id)));
    const props = event.props as unknown as Omit<NotificationProps, "stopUrl" | "settingsUrl">;
    const now = wanted.filter((m) => fresh.has(m.id) && m.delivery === "immediately" && !m.notifications_paused && addressOf(m, "notifications"));
    await queueEmails(
      trx,
      "Notification",
      now.map((m) => {
        const stop = stopLinks(m.id, kind, props.reason);
        return { to: addressOf(m, "notifications")!, props: { ...props, ...stop.props }, headers: stop.headers, idempotencyKey: `notification:${event.id}:${m.id}` };
      }),
    );
  }
  const done = ids.length < batchSize;
  await moveNotificationEventCursor(trx, event.id, ids.length ? ids[ids.length - 1]! : event.cursor_member_id, done ? new Date() : null);
  return { delivered, done };
}

/** The notification.expand job: one batch in its own transaction, then the next batch's job. */
export async function expandNotificationJob(db: Database, eventId: number, batchSize = EXPAND_BATCH_SIZE) {
  return db.transaction().execute(async (trx) => {
    const batch = await expandBatch(trx, eventId, batchSize);
    if (!batch.done) await enqueueJob(trx, JOBS.expandNotification, { eventId });
    return batch;
  });
}

/**
 * The daily or weekly digest: for each member with notifications waiting for it, one email grouping
 * them by demand or campaign, then the marks are cleared, in batches of 500 members. Keyed per member
 * and day, so a digest run twice the same day sends once. `now` is a parameter so tests control the clock.
 */
export async function sendDigests(db: Database, cadence: "daily" | "weekly", now = new Date()) {
  let sent = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const members = await listDigestMembers(trx, cadence);
      if (!members.length) return 0;
      const ids = members.map((m) => Number(m.member_id));
      const rows = await listDigestNotifications(trx, cadence, ids);
      const byMember = new Map<number, typeof rows>();
      for (const r of rows) byMember.set(Number(r.member_id), [...(byMember.get(Number(r.member_id)) ?? []), r]);
      for (const [memberId, items] of byMember) {
        const first = items[0]!;
        const to = addressOf(first, "notifications");
        if (!to || first.notifications_paused) continue;
        const groups = new Map<string, { title: string; items: Array<{ title: string; url: string }> }>();
        for (const item of items.slice(-100)) {
          const group = groups.get(item.group_key) ?? { title: item.group_title, items: [] };
          group.items.push({ title: item.title, url: url(item.url) });
          groups.set(item.group_key, group);
        }
        const stop = stopLinks(memberId, cadence === "daily" ? "digest_daily" : "digest_weekly", `You get this because you chose a ${cadence} summary for some notifications.`);
        await queueEmail(trx, {
          template: "NotificationDigest",
          to,
          props: { cadence, groups: [...groups.values()], moreUrl: url("/notifications"), ...stop.props },
          headers: stop.headers,
          idempotencyKey: `digest:${cadence}:${memberId}:${todayInLondon(now)}`,
        });
        sent++;
      }
      await clearDigestMarks(trx, cadence, ids, Math.max(...rows.map((r) => Number(r.id))));
      return ids.length;
    });
    if (!batch) return sent;
  }
}

/** The in-app centre keeps 90 days. */
export async function pruneNotifications(db: Database, now = new Date()) {
  const cutoff = new Date(now.getTime() - 90 * 86_400_000);
  const deleted = await deleteNotificationsBefore(db, cutoff);
  await deleteExpandedNotificationEventsBefore(db, cutoff);
  return deleted;
}

/** "Stop these emails": that kind off, or every kind in that digest off. */
export async function unsubscribe(db: Database, memberId: number, kind: string) {
  const kinds =
    kind === "digest_daily" || kind === "digest_weekly"
      ? await kindsDeliveredAs(db, memberId, kind === "digest_daily" ? "daily" : "weekly")
      : kind in NOTIFICATION_KINDS
        ? [kind as NotificationKind]
        : [];
  if (!kinds.length) return [];
  await turnOffNotificationKinds(db, memberId, kinds);
  return kinds;
}

/** Each kind's delivery for a member: their choice, else the default. */
export async function preferencesOf(db: Database, memberId: number) {
  const rows = await listNotificationPreferences(db, memberId);
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
  return Object.fromEntries((Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).map((k) => [k, chosen.get(k) ?? NOTIFICATION_KINDS[k].default])) as Record<NotificationKind, NotificationDelivery>;
}

async function kindsDeliveredAs(db: Database, memberId: number, delivery: NotificationDelivery) {
  const all = await preferencesOf(db, memberId);
  return (Object.keys(all) as NotificationKind[]).filter((k) => all[k] === delivery);
}

export async function savePreferences(db: Database, memberId: number, choices: Partial<Record<NotificationKind, NotificationDelivery>>, paused: boolean) {
  await db.transaction().execute(async (trx) => {
    const entries = Object.entries(choices) as Array<[NotificationKind, NotificationDelivery]>;
    if (entries.length) await upsertNotificationPreferences(trx, memberId, entries);
    await setNotificationsPaused(trx, memberId, paused);
  });
}

/** Opens one of a member's notifications (marking it read); where it points, or null if it is not theirs. */
export function readNotification(db: Database, memberId: number, notificationId: number) {
  return openNotification(db, memberId, notificationId);
}

export function readAllNotifications(db: Database, memberId: number) {
  return markAllRead(db, memberId);
}
