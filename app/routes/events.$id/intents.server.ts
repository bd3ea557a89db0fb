import type { CurrentMember } from "~/members/session.server";
import { MeetingSchema, MemberRegistrationSchema, PublicRegistrationSchema } from "~/events/forms";
import { addEventMeeting, cancelEvent, cancelMemberRegistration, removeEventMeeting, publishEvent, registerMember, registerPublic, type RegisterResult } from "~/services/event.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { badRequest, invalid } from "~/utils/responses.server";

/**
 * The event page's intents: registering (a member in one step, the public with an email to
 * confirm), cancelling, the hosts' publish and cancel, and a local event's meetings with decision makers. Each reads its form, calls one service
 * function and answers with a redirect and a flash, or the form's errors.
 */
interface Intent {
  request: Request;
  eventId: number;
  formData: FormData;
}

const back = (eventId: number, anchor = "register") => `/events/${eventId}#${anchor}`;

const REFUSED: Record<Exclude<RegisterResult, { ok: true }>["reason"], string> = {
  "not-published": "This event is not open for registration.",
  closed: "Registration for this event has closed.",
  ended: "This event has already happened.",
  already: "You are already registered for this event.",
  "members-only": "Only coalition members can register for this event. Sign in or join first.",
};

export async function registerIntent({ request, eventId, formData }: Intent, member: CurrentMember) {
  const parsed = parseForm(MemberRegistrationSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await registerMember(db, eventId, member, parsed.data);
  if (!result.ok) return invalid({ form: REFUSED[result.reason] }, {});
  return redirectWithFlash(request, back(eventId), {
    kind: "success",
    message: result.status === "registered" ? "You have a place. We have emailed you the details." : "The event is full, so you are on the waiting list. We will email you if a place comes free.",
  });
}

export async function registerPublicIntent({ request, eventId, formData }: Intent, clientIp: string | null) {
  const parsed = parseForm(PublicRegistrationSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await registerPublic(db, eventId, parsed.data, clientIp);
  if (!result.ok) {
    const message = result.reason === "rate-limited" ? result.message : REFUSED[result.reason];
    return invalid({ form: message }, { name: parsed.data.name, email: parsed.data.email }, result.reason === "rate-limited" ? 429 : 400);
  }
  // The same answer whoever the address belongs to: the email says what happens next.
  return redirectWithFlash(request, back(eventId), { kind: "success", message: `Check your email: we have sent a link to ${parsed.data.email}. Press the button on the page it opens to confirm your place.` });
}

export async function cancelIntent({ request, eventId }: Intent, member: CurrentMember) {
  const result = await cancelMemberRegistration(db, eventId, member.id);
  return redirectWithFlash(request, back(eventId), result.ok ? { kind: "success", message: "You have given up your place. Thank you for letting us know." } : { kind: "error", message: "You were not registered for this event." });
}

export async function publishIntent({ request, eventId }: Intent) {
  const result = await publishEvent(db, eventId);
  if (!result.ok) return redirectWithFlash(request, back(eventId, "hosts"), { kind: "error", message: "Only a draft can be published." });
  return redirectWithFlash(request, back(eventId, "hosts"), { kind: "success", message: "The event is published: it is listed on the events page and people can register." });
}

export async function cancelEventIntent({ request, eventId }: Intent) {
  const result = await cancelEvent(db, eventId);
  return redirectWithFlash(request, `/events/${eventId}`, result.ok ? { kind: "success", message: "The event is cancelled. Everyone registered or waiting has been told." } : { kind: "error", message: "The event was already cancelled." });
}

/** A local event's hosts record a meeting booked with a decision maker (its lobby day counts them). */
export async function addMeetingIntent({ request, eventId, formData }: Intent, member: CurrentMember, event: { id: number; parent_id: number | null }) {
  const parsed = parseForm(MeetingSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await addEventMeeting(db, member, event, parsed.data.target);
  if (!result.ok) {
    if (result.reason === "target") return invalid({ target: "Choose the decision maker from the list" }, {});
    const message = result.reason === "already" ? "That meeting is already recorded." : "Only a lobby day's local events record meetings.";
    return redirectWithFlash(request, back(eventId, "meetings"), { kind: "error", message });
  }
  return redirectWithFlash(request, back(eventId, "meetings"), { kind: "success", message: "The meeting is recorded. It counts towards the lobby day's totals." });
}

export async function removeMeetingIntent({ request, eventId, formData }: Intent) {
  const parsed = parseForm(MeetingSchema, formData);
  if (!parsed.ok) badRequest();
  await removeEventMeeting(db, eventId, parsed.data.target);
  return redirectWithFlash(request, back(eventId, "meetings"), { kind: "success", message: "The meeting is taken off the list." });
}
