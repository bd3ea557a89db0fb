import type { Database } from "../../db";
import type { EventRow } from "../../db/schema";
import type { Actor } from "~/members/permissions";
import type { EventInput, RegistrationAnswers } from "~/events/forms";
import { ACCESS_NEEDS_RETENTION_DAYS, EVENT_CONFIRM_LINK_DAYS } from "~/events/labels";
import {
  bumpFeedVersion,
  changeRegisteredCount,
  claimEventsToRemind,
  deleteAccessNeeds,
  deleteAccessNeedsEndedBefore,
  deleteMemberAccessNeeds,
  listMemberRegistrations,
  deleteOutcome,
  findEmailRegistration,
  findMemberRegistration,
  findRegistrationByConfirmToken,
  firstWaiting,
  getEvent,
  getFeedVersion,
  hasLocalEvents,
  insertEventMeeting,
  deleteEventMeeting,
  isLobbyDay,
  listProposedAt,
  targetExists,
  getRegistrationForUpdate,
  hasAccessNeeds,
  insertEvent,
  insertOutcome,
  listActiveRegistrations,
  listRegisteredForReminder,
  lockEvent,
  markAttendance,
  memberIsActive,
  outcomeTargetExists,
  runsEventHost,
  saveAccessNeeds,
  setEventStatus,
  setRegistrationStatus,
  updateEventFields,
  updateEventNotes,
  upsertRegistration,
  type EventFields,
  type EventHost,
} from "~/models/event.server";
import { emailAddress, emailMember, notifyMembers } from "~/services/notifications.server";
import { checkRateLimits, RATE_LIMITS, type RateLimitRule } from "~/services/rate-limit.server";
import { normaliseSignerEmail } from "~/petitions/signers";
import { getAppUrl } from "~/utils/env.server";
import { formatInZone } from "~/utils/zoned-time";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { readSignedLinkToken, readSignedVersionToken, signedLinkToken, signedVersionToken } from "~/utils/signed-links.server";

/**
 * Events (#23): hosting, registering on equal terms, the waiting list, attendance and payments,
 * notes, reminders, the 30-day rule for access needs and members' calendar feeds. Every change of
 * places happens under the event's row lock, so registrations racing each other never take more
 * places than there are (docs/decisions/033-event-times-ics-and-capacity.md).
 */

const DAY = 86_400_000;
const url = (path: string) => `${getAppUrl()}${path}`;
const when = (event: Pick<EventRow, "starts_at" | "time_zone">) => formatInZone(event.starts_at, event.time_zone);

// Hosts -------------------------------------------------------------------------------------------

/** "coalition", "organisation:12", "campaign:3" as a host. */
export function parseHost(value: string): EventHost {
  const [kind, id] = value.split(":");
  if (kind === "organisation") return { kind, organisationId: Number(id), campaignId: null };
  if (kind === "campaign") return { kind, organisationId: null, campaignId: Number(id) };
  return { kind: "coalition", organisationId: null, campaignId: null };
}

export function hostValue(event: Pick<EventRow, "host_kind" | "organisation_id" | "campaign_id">) {
  if (event.host_kind === "organisation") return `organisation:${event.organisation_id}`;
  if (event.host_kind === "campaign") return `campaign:${event.campaign_id}`;
  return "coalition";
}

/**
 * Who may host: coalition admins for anyone (the coalition included), an organisation's admins for
 * it, a campaign's organisers for it.
 */
export async function mayHostAs(db: Database, actor: Actor, host: EventHost) {
  if (actor.isAdmin) return true;
  if (host.kind === "coalition") return false;
  return runsEventHost(db, { host_kind: host.kind, organisation_id: host.organisationId, campaign_id: host.campaignId }, actor.id);
}

/** Whether the actor hosts this event (runs its organisation or campaign, or is a coalition admin). */
export async function isEventHost(db: Database, actor: Actor | null, event: Pick<EventRow, "host_kind" | "organisation_id" | "campaign_id">) {
  if (!actor) return false;
  return actor.isAdmin || runsEventHost(db, event, actor.id);
}

function fieldsOf(input: EventInput): EventFields {
  return {
    title: input.title,
    purpose: input.purpose,
    audienceNote: input.audience,
    kind: input.kind,
    format: input.format,
    address: input.address,
    accessNotes: input.accessNotes,
    joinUrl: input.joinUrl,
    region: input.region,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    closesAt: input.closesAt,
    capacity: input.capacity,
    visibility: input.visibility,
    paymentPence: input.payment,
    travelExpenses: input.travelExpenses,
    agenda: input.agenda,
    agendaEasyRead: input.agendaEasyRead,
  };
}

export type CreateEventResult = { ok: true; id: number } | { ok: false; reason: "host" | "parent" | "lobby-day-host" | "nested-lobby-day" | "region" };

/**
 * A new event, a draft until published. With `parentId` it is a local event of that lobby day: anyone
 * may add one who may host it themselves (an organisation's admins, a campaign's organisers), to a
 * published lobby day or, while it is a draft, to one they host. One level only: a local event is
 * never a lobby day with local events of its own.
 */
export async function createEvent(db: Database, actor: Actor, input: EventInput, parentId: number | null = null): Promise<CreateEventResult> {
  const host = parseHost(input.host);
  if (!(await mayHostAs(db, actor, host))) return { ok: false, reason: "host" };
  // A lobby day is the campaign's own: hosted by the campaign, as its organisers run it.
  if (parentId === null && input.kind === "lobby_day" && host.kind !== "campaign") return { ok: false, reason: "lobby-day-host" };
  if (parentId === null) return { ok: true, id: await insertEvent(db, fieldsOf(input), host, actor.id) };
  if (input.kind === "lobby_day") return { ok: false, reason: "nested-lobby-day" };
  if (input.region === null) return { ok: false, reason: "region" };
  return db.transaction().execute(async (trx): Promise<CreateEventResult> => {
    // Under the lobby day's lock, so it cannot be cancelled or changed while its local event is added.
    const parent = await lockEvent(trx, parentId);
    if (!parent || !isLobbyDay(parent) || parent.status === "cancelled") return { ok: false, reason: "parent" };
    if (parent.status === "draft" && !(await isEventHost(trx, actor, parent))) return { ok: false, reason: "parent" };
    return { ok: true, id: await insertEvent(trx, fieldsOf(input), host, actor.id, parent.id) };
  });
}

/** The lobby day a local event may be added to: published (or a draft its hosts are preparing), not cancelled. */
export async function lobbyDayForNewLocalEvent(db: Database, actor: Actor, parentId: number) {
  const parent = await getEvent(db, parentId);
  if (!parent || !isLobbyDay(parent) || parent.status === "cancelled") return null;
  if (parent.status === "draft" && !(await isEventHost(db, actor, parent))) return null;
  return parent;
}

export type UpdateEventResult = { ok: true; changedTimeOrPlace: boolean } | { ok: false; reason: "host" | "lobby-day" | "region" } | { ok: false; reason: "capacity"; registered: number } | { ok: false; reason: "not-found" };

/**
 * New details. A change of time or place bumps the calendar SEQUENCE and tells everyone registered;
 * more places move people up from the waiting list; fewer places than are taken is refused.
 */
export async function updateEvent(db: Database, actor: Actor, eventId: number, input: EventInput): Promise<UpdateEventResult> {
  const host = parseHost(input.host);
  return db.transaction().execute(async (trx): Promise<UpdateEventResult> => {
    const event = await lockEvent(trx, eventId);
    if (!event) return { ok: false, reason: "not-found" };
    if (hostValue(event) !== input.host && !(await mayHostAs(trx, actor, host))) return { ok: false, reason: "host" };
    // A lobby day with local events stays the campaign's lobby day; a local event stays one level down.
    if (event.parent_id !== null && input.kind === "lobby_day") return { ok: false, reason: "lobby-day" };
    if (isLobbyDay(event) && (input.kind !== "lobby_day" || host.kind !== "campaign") && (await hasLocalEvents(trx, eventId))) return { ok: false, reason: "lobby-day" };
    if (event.parent_id !== null && input.region === null) return { ok: false, reason: "region" };
    const fields = fieldsOf(input);
    if (fields.capacity !== null && fields.capacity < event.registered_count) return { ok: false, reason: "capacity", registered: event.registered_count };
    const address = fields.format === "online" ? null : fields.address;
    const joinUrl = fields.format === "in_person" ? null : fields.joinUrl;
    const changed =
      new Date(event.starts_at).getTime() !== fields.startsAt.getTime() ||
      new Date(event.ends_at).getTime() !== fields.endsAt.getTime() ||
      event.format !== fields.format ||
      (event.address ?? null) !== address ||
      (event.join_url ?? null) !== joinUrl;
    await updateEventFields(trx, eventId, fields, host, changed);
    const updated = (await lockEvent(trx, eventId))!;
    await fillFreedPlaces(trx, updated);
    if (changed && event.status === "published") {
      for (const person of await listActiveRegistrations(trx, eventId)) {
        await tell(trx, updated, person, {
          key: `changed:${updated.sequence}`,
          subject: `The time or place has changed: ${updated.title}`,
          heading: "The time or place has changed",
          paragraphs: [`“${updated.title}” is now on ${when(updated)}.`, fields.format === "online" ? "It is online: the joining link is on the event's page." : `The address is: ${address}.`, "Your calendar updates itself if you added the event from its page."],
        });
      }
    }
    return { ok: true, changedTimeOrPlace: changed };
  });
}

export type PublishResult = { ok: true } | { ok: false; reason: "not-draft" };

/**
 * Publishing lists the event and opens registration. An event already over can be published too, so
 * a meeting held before Chorus was used can have its notes and outcomes on record.
 */
export async function publishEvent(db: Database, eventId: number): Promise<PublishResult> {
  return db.transaction().execute(async (trx): Promise<PublishResult> => {
    const event = await lockEvent(trx, eventId);
    if (!event || event.status !== "draft") return { ok: false, reason: "not-draft" };
    await setEventStatus(trx, eventId, "published");
    return { ok: true };
  });
}

/** Calling an event off: everyone with a place or waiting is told, and calendars mark it cancelled. */
export async function cancelEvent(db: Database, eventId: number): Promise<{ ok: boolean }> {
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (!event || event.status === "cancelled") return { ok: false };
    await setEventStatus(trx, eventId, "cancelled");
    if (event.status === "published") {
      for (const person of await listActiveRegistrations(trx, eventId)) {
        await tell(trx, event, person, {
          key: "event-cancelled",
          subject: `Cancelled: ${event.title}`,
          heading: "This event has been cancelled",
          paragraphs: [`“${event.title}” on ${when(event)} will not go ahead. We are sorry for any trouble this causes.`],
          noCancelLink: true,
        });
      }
    }
    return { ok: true };
  });
}

// Registering --------------------------------------------------------------------------------------

export type Openness = "open" | "not-published" | "closed" | "ended";
/** Whether people can register now: published, before its registration deadline. */
export function registrationOpenness(event: Pick<EventRow, "status" | "registration_closes_at" | "ends_at">, now = new Date()): Openness {
  if (event.status !== "published") return "not-published";
  if (new Date(event.ends_at) <= now) return "ended";
  if (new Date(event.registration_closes_at) <= now) return "closed";
  return "open";
}

type Person = { id: number; member_id: number | null; email: string | null; name: string };

/** Mail about a registration: a member through their own address and preferences path, the public with a cancel link. */
async function tell(trx: Database, event: Pick<EventRow, "id" | "title">, person: Person, message: { key: string; subject: string; heading: string; paragraphs: string[]; noCancelLink?: boolean }) {
  const action = { label: "See the event", url: url(`/events/${event.id}`) };
  const key = `event:${event.id}:${message.key}:${person.id}`;
  if (person.member_id !== null) {
    return emailMember(trx, { memberId: person.member_id, template: "EventMessage", props: { subject: message.subject, heading: message.heading, paragraphs: message.paragraphs, action }, key });
  }
  if (!person.email) return null;
  const cancelUrl = message.noCancelLink ? null : url(`/events/${event.id}/cancel/${signedLinkToken("event-cancel", person.id)}`);
  return emailAddress(trx, { to: person.email, template: "EventMessage", props: { subject: message.subject, heading: message.heading, paragraphs: message.paragraphs, action, cancelUrl }, key });
}

const ACCESS_SENTENCE = "You told us about access needs: only the hosts can see them, and they will be in touch if they have questions. We delete them 30 days after the event.";

/**
 * Gives a registration a place, or puts it at the end of the waiting list, under the event's lock
 * (held by the caller), and says so by email. A place is taken only while one is free.
 */
async function placeOrQueue(trx: Database, event: EventRow, registrationId: number, person: Person, hasNeeds: boolean, stamp: string) {
  const free = event.capacity === null || event.registered_count < event.capacity;
  await setRegistrationStatus(trx, registrationId, free ? "registered" : "waiting");
  if (free) {
    await changeRegisteredCount(trx, event.id, 1);
    event.registered_count += 1;
  }
  await tell(trx, event, person, {
    key: `${free ? "place" : "waiting"}:${stamp}`,
    subject: free ? `You have a place: ${event.title}` : `You are on the waiting list: ${event.title}`,
    heading: free ? "You have a place" : "You are on the waiting list",
    paragraphs: [
      free ? `You have a place at “${event.title}” on ${when(event)}.` : `“${event.title}” on ${when(event)} is full, so you are on the waiting list. If a place comes free it goes to the person who has waited longest, and we will email you straight away.`,
      ...(hasNeeds ? [ACCESS_SENTENCE] : []),
    ],
  });
  return free ? ("registered" as const) : ("waiting" as const);
}

/** Moves people up from the waiting list while places are free (after a cancellation, or more places). */
async function fillFreedPlaces(trx: Database, event: EventRow) {
  if (event.status !== "published") return 0;
  let moved = 0;
  while (event.capacity === null || event.registered_count < event.capacity) {
    const next = await firstWaiting(trx, event.id);
    if (!next) break;
    await setRegistrationStatus(trx, next.id, "registered");
    await changeRegisteredCount(trx, event.id, 1);
    event.registered_count += 1;
    moved += 1;
    await tell(trx, event, next, {
      key: `moved-up:${Date.now()}`,
      subject: `A place has come free for you: ${event.title}`,
      heading: "You have a place now",
      paragraphs: [`A place came free at “${event.title}” on ${when(event)}, and it is yours: you were next on the waiting list.`, "If you can no longer come, please give it up so the next person can have it."],
    });
  }
  return moved;
}

export type RegisterResult = { ok: true; status: "registered" | "waiting" } | { ok: false; reason: Exclude<Openness, "open"> | "already" | "members-only" };

/** A member registers in one step: a place, or the waiting list when it is full. */
export async function registerMember(db: Database, eventId: number, member: { id: number; displayName?: string }, answers: RegistrationAnswers, now = new Date()): Promise<RegisterResult> {
  return db.transaction().execute(async (trx): Promise<RegisterResult> => {
    const event = await lockEvent(trx, eventId);
    if (!event) return { ok: false, reason: "not-published" };
    const openness = registrationOpenness(event, now);
    if (openness !== "open") return { ok: false, reason: openness };
    const existing = await findMemberRegistration(trx, eventId, member.id);
    if (existing && (existing.status === "registered" || existing.status === "waiting")) return { ok: false, reason: "already" };
    const payments = event.payment_pence !== null || event.travel_expenses;
    const id = await upsertRegistration(trx, {
      eventId,
      memberId: member.id,
      // Hosts see the member's current display name; this is only what they were called on the day.
      name: member.displayName ?? "Member",
      email: null,
      emailNormalised: null,
      status: "pending",
      expert: payments && answers.expert,
      travel: event.travel_expenses && answers.expert && answers.travel,
    });
    const hasNeeds = await saveAccessNeeds(trx, id, { needs: answers.needs, dietary: answers.dietary, other: answers.otherNeeds });
    const status = await placeOrQueue(trx, event, id, { id, member_id: member.id, email: null, name: member.displayName ?? "Member" }, hasNeeds, String(now.getTime()));
    return { ok: true, status };
  });
}

export type PublicRegisterResult = { ok: true } | { ok: false; reason: Exclude<Openness, "open"> | "members-only" } | { ok: false; reason: "rate-limited"; message: string };

/**
 * The public register with a name and an email address. The answer is the same whoever the address
 * belongs to ("check your email"): the email says what happens next. An unconfirmed registration
 * holds no place, so a flood of made-up addresses cannot fill an event; places go in the order people
 * confirm.
 */
export async function registerPublic(
  db: Database,
  eventId: number,
  input: RegistrationAnswers & { name: string; email: string },
  network: string | null,
  now = new Date(),
): Promise<PublicRegisterResult> {
  const emailNormalised = normaliseSignerEmail(input.email);
  return db.transaction().execute(async (trx): Promise<PublicRegisterResult> => {
    const event = await lockEvent(trx, eventId);
    if (!event) return { ok: false, reason: "not-published" };
    if (event.visibility !== "public") return { ok: false, reason: "members-only" };
    const openness = registrationOpenness(event, now);
    if (openness !== "open") return { ok: false, reason: openness };
    const checks: Array<[RateLimitRule, string]> = [[RATE_LIMITS.eventRegisterPerEmail, emailNormalised]];
    if (network) checks.push([RATE_LIMITS.eventRegisterPerIp, `${eventId}:${network}`]);
    const limited = await checkRateLimits(trx, checks);
    if (!limited.ok) return { ok: false, reason: "rate-limited", message: limited.message };
    const existing = await findEmailRegistration(trx, eventId, emailNormalised);
    const to = input.email.trim().toLowerCase();
    if (existing && (existing.status === "registered" || existing.status === "waiting")) {
      // Already in: say so to the address itself, with the way to cancel; the page says nothing more.
      await tell(trx, event, { ...existing, email: to }, {
        key: `already:${now.getTime()}`,
        subject: `You are already registered: ${event.title}`,
        heading: existing.status === "registered" ? "You already have a place" : "You are already on the waiting list",
        paragraphs: [`Someone (probably you) tried to register this address for “${event.title}” on ${when(event)} again. Nothing has changed.`],
      });
      return { ok: true };
    }
    const token = generateToken();
    const payments = event.payment_pence !== null || event.travel_expenses;
    const id = await upsertRegistration(trx, {
      eventId,
      memberId: null,
      name: input.name,
      email: to,
      emailNormalised,
      status: "pending",
      expert: payments && input.expert,
      travel: event.travel_expenses && input.expert && input.travel,
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(now.getTime() + EVENT_CONFIRM_LINK_DAYS * DAY),
    });
    await saveAccessNeeds(trx, id, { needs: input.needs, dietary: input.dietary, other: input.otherNeeds });
    await emailAddress(trx, {
      to,
      template: "ConfirmEventRegistration",
      props: { eventTitle: event.title, when: when(event), confirmUrl: url(`/events/${eventId}/confirm/${token}`), days: EVENT_CONFIRM_LINK_DAYS },
      key: `event-confirm:${hashToken(token)}`,
    });
    return { ok: true };
  });
}

/** Whether a confirmation link is still good (for the page with the button; opening it does nothing). */
export async function findConfirmLink(db: Database, eventId: number, token: string, now = new Date()) {
  const registration = await findRegistrationByConfirmToken(db, hashToken(token));
  if (!registration || registration.event_id !== eventId || registration.status !== "pending") return null;
  return registration.confirm_expires_at && new Date(registration.confirm_expires_at) > now ? registration : null;
}

export type ConfirmRegistrationResult = { ok: true; status: "registered" | "waiting" } | { ok: false; reason: "link" | Exclude<Openness, "open"> };

/** Pressing the button: the registration takes a place if one is free, else joins the waiting list. */
export async function confirmPublicRegistration(db: Database, eventId: number, token: string, now = new Date()): Promise<ConfirmRegistrationResult> {
  return db.transaction().execute(async (trx): Promise<ConfirmRegistrationResult> => {
    const event = await lockEvent(trx, eventId);
    if (!event) return { ok: false, reason: "link" };
    const found = await findConfirmLink(trx, eventId, token, now);
    const registration = found ? await getRegistrationForUpdate(trx, found.id) : undefined;
    if (!registration || registration.status !== "pending") return { ok: false, reason: "link" };
    const openness = registrationOpenness(event, now);
    if (openness !== "open") return { ok: false, reason: openness };
    const hasNeeds = await hasAccessNeeds(trx, registration.id);
    const status = await placeOrQueue(trx, event, registration.id, registration, hasNeeds, String(now.getTime()));
    return { ok: true, status };
  });
}

export type CancelRegistrationResult = { ok: true; movedUp: number } | { ok: false };

/**
 * Giving up a place (or leaving the waiting list): in the same transaction the first person waiting
 * is moved up and their email queued. Their access needs go too: nobody needs them any more.
 */
async function cancelRegistration(trx: Database, eventId: number, registrationId: number): Promise<CancelRegistrationResult> {
  const event = await lockEvent(trx, eventId);
  if (!event) return { ok: false };
  const registration = await getRegistrationForUpdate(trx, registrationId);
  if (!registration || registration.event_id !== eventId || registration.status === "cancelled") return { ok: false };
  const hadPlace = registration.status === "registered";
  await setRegistrationStatus(trx, registration.id, "cancelled");
  await deleteAccessNeeds(trx, registration.id);
  if (!hadPlace) return { ok: true, movedUp: 0 };
  await changeRegisteredCount(trx, eventId, -1);
  event.registered_count -= 1;
  // After the event has started, a freed place helps no one; nobody is moved up.
  const movedUp = new Date(event.starts_at) > new Date() ? await fillFreedPlaces(trx, event) : 0;
  return { ok: true, movedUp };
}

/** When an account is deleted: its places are freed (moving others up) and its access needs go. */
export async function leaveAllEvents(trx: Database, memberId: number) {
  for (const registration of await listMemberRegistrations(trx, memberId, { activeOnly: true, since: new Date() })) {
    await cancelRegistration(trx, registration.event_id, registration.id);
  }
  await deleteMemberAccessNeeds(trx, memberId);
}

/** A member's one button. */
export async function cancelMemberRegistration(db: Database, eventId: number, memberId: number): Promise<CancelRegistrationResult> {
  return db.transaction().execute(async (trx) => {
    const registration = await findMemberRegistration(trx, eventId, memberId);
    if (!registration) return { ok: false };
    return cancelRegistration(trx, eventId, registration.id);
  });
}

/** The signed link in a public registrant's emails. */
export function readCancelToken(token: string) {
  return readSignedLinkToken("event-cancel", token);
}

export async function cancelByLink(db: Database, eventId: number, token: string): Promise<CancelRegistrationResult> {
  const registrationId = readCancelToken(token);
  if (registrationId === null) return { ok: false };
  return db.transaction().execute((trx) => cancelRegistration(trx, eventId, registrationId));
}

// After the event ----------------------------------------------------------------------------------

export async function saveAttendance(db: Database, eventId: number, shownIds: number[], attendedIds: number[]) {
  await markAttendance(db, eventId, shownIds, attendedIds);
}

export async function saveNotes(db: Database, eventId: number, notes: { minutes: string | null; attendedCount: number | null }) {
  await updateEventNotes(db, eventId, notes);
}

export type OutcomeResult = { ok: true } | { ok: false; reason: "not-found" };
export async function addOutcome(db: Database, eventId: number, target: { kind: "demand" | "amendment" | "campaign"; id: number }, note: string | null): Promise<OutcomeResult> {
  if (!(await outcomeTargetExists(db, target))) return { ok: false, reason: "not-found" };
  await insertOutcome(db, eventId, target, note);
  return { ok: true };
}

export const removeOutcome = deleteOutcome;

// Lobby days: meetings booked with decision makers -------------------------------------------------

export type MeetingResult = { ok: true } | { ok: false; reason: "not-local" | "target" | "already" };

/** A local event records a meeting booked with a decision maker from the directory (counted on its lobby day). */
export async function addEventMeeting(db: Database, actor: Actor, event: Pick<EventRow, "id" | "parent_id">, targetId: number): Promise<MeetingResult> {
  if (event.parent_id === null) return { ok: false, reason: "not-local" };
  if (!(await targetExists(db, targetId))) return { ok: false, reason: "target" };
  return (await insertEventMeeting(db, event.id, targetId, actor.id)) ? { ok: true } : { ok: false, reason: "already" };
}

export const removeEventMeeting = deleteEventMeeting;

// Jobs ---------------------------------------------------------------------------------------------

/**
 * Reminders about 24 hours before: members through the notification service (their preference for
 * "event_reminder" decides email or not), the public by email with their cancel link. Each event is
 * claimed once, in the transaction that writes its reminders.
 */
export async function sendEventReminders(db: Database, now = new Date()) {
  let reminded = 0;
  for (;;) {
    const events = await db.transaction().execute(async (trx) => {
      const claimed = await claimEventsToRemind(trx, now, new Date(now.getTime() + DAY));
      for (const event of claimed) {
        const people = await listRegisteredForReminder(trx, event.id);
        const memberIds = people.flatMap((p) => (p.member_id !== null ? [p.member_id] : []));
        const where = event.format === "online" ? "It is online: the joining link is on the event's page." : `The address is: ${event.address}.`;
        await notifyMembers(trx, memberIds, {
          kind: "event_reminder",
          title: `Tomorrow: ${event.title}`,
          paragraphs: [`“${event.title}” starts on ${when(event)}.`, where, "If you can no longer come, please give up your place on the event's page so someone on the waiting list can have it."],
          url: `/events/${event.id}`,
          action: "See the event",
          group: { key: `event:${event.id}`, title: event.title },
          reason: "You registered for this event.",
        });
        for (const person of people.filter((p) => p.member_id === null)) {
          await tell(trx, event, person, { key: "reminder", subject: `Tomorrow: ${event.title}`, heading: "A reminder: see you tomorrow", paragraphs: [`“${event.title}” starts on ${when(event)}.`, where] });
        }
      }
      return claimed.length;
    });
    reminded += events;
    if (events < 50) return reminded;
  }
}

/** The 30-day rule: access needs go 30 days after their event ends. */
export function deleteExpiredAccessNeeds(db: Database, now = new Date()) {
  return deleteAccessNeedsEndedBefore(db, new Date(now.getTime() - ACCESS_NEEDS_RETENTION_DAYS * DAY));
}

// Calendar feed ------------------------------------------------------------------------------------

export async function calendarFeedToken(db: Database, memberId: number) {
  return signedVersionToken("calendar-feed", memberId, await getFeedVersion(db, memberId));
}

/** A new private address; the old one stops working at once. */
export async function newCalendarFeedAddress(db: Database, memberId: number) {
  return signedVersionToken("calendar-feed", memberId, await bumpFeedVersion(db, memberId));
}

/** The member a feed address belongs to, or null when it was never ours, was replaced, or the account is gone. */
export async function readCalendarFeedToken(db: Database, token: string) {
  const read = readSignedVersionToken("calendar-feed", token);
  if (!read) return null;
  if ((await getFeedVersion(db, read.id)) !== read.version) return null;
  return (await memberIsActive(db, read.id)) ? read.id : null;
}

// "Proposed at" ------------------------------------------------------------------------------------

/** The "Proposed at" lines for a demand's or a campaign's page (one bounded query), dates in each event's zone. */
export async function proposedAtLines(db: Database, subject: { demandId: number } | { campaignId: number }) {
  const rows = await listProposedAt(db, subject);
  return rows.map((r) => ({ id: r.id, eventId: r.event_id, eventTitle: r.event_title, date: formatInZone(r.starts_at, r.time_zone, "date"), note: r.note, amendment: r.amendment_id !== null }));
}
