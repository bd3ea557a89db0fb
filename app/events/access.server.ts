import { getEvent, listHostChoicesFor } from "~/models/event.server";
import { getDatePoll, isInvitee } from "~/models/event-date-poll.server";
import { isEventHost } from "~/services/event.server";
import { getCurrentMember, requireMember, type CurrentMember } from "../members/session.server";
import { db } from "../utils/db.server";
import { parseId } from "../utils/ids";
import { forbidden, notFound } from "~/utils/responses.server";

/**
 * Loads an event for whoever asks: a draft is its hosts' alone (404 for anyone else, as a draft
 * demand is); a members-only event sends visitors to sign in; everything else is public.
 */
export async function loadEvent(request: Request, rawId: string | undefined) {
  const id = parseId(rawId);
  const event = id !== null ? await getEvent(db, id) : undefined;
  if (!event) notFound();
  const { member } = await getCurrentMember(request);
  const isHost = await isEventHost(db, member, event);
  if (event.status === "draft" && !isHost) notFound();
  if (event.visibility === "members" && !member) await requireMember(request);
  return { event, member, isHost };
}

/** The hosts' pages: signed out goes to sign in, anyone else who is not a host gets 403 (404 for a draft). */
export async function requireEventHost(request: Request, rawId: string | undefined): Promise<{ event: Awaited<ReturnType<typeof loadEvent>>["event"]; member: CurrentMember }> {
  const member = await requireMember(request);
  const { event, isHost } = await loadEvent(request, rawId);
  if (!isHost) forbidden();
  return { event, member };
}

/** Whom this member may host for: the coalition (admins), organisations they run, campaigns they organise. */
export async function hostOptions(member: CurrentMember) {
  const { organisations, campaigns } = await listHostChoicesFor(db, member.id);
  return [
    ...(member.isAdmin ? [{ value: "coalition", label: "The coalition" }] : []),
    ...organisations.map((o) => ({ value: `organisation:${o.id}`, label: o.name })),
    ...campaigns.map((c) => ({ value: `campaign:${c.id}`, label: `The campaign “${c.title}”` })),
  ];
}

/**
 * The date poll's page: its hosts, and the members invited to answer. Anyone else gets 404 (the
 * event is usually a draft, and whether a poll exists is nobody else's business).
 */
export async function requireDatePollViewer(request: Request, rawId: string | undefined) {
  const member = await requireMember(request);
  const id = parseId(rawId);
  const event = id !== null ? await getEvent(db, id) : undefined;
  if (!event) notFound();
  const [isHost, poll] = await Promise.all([isEventHost(db, member, event), getDatePoll(db, event.id)]);
  const invited = poll ? await isInvitee(db, event.id, member.id) : false;
  if (!isHost && !invited) notFound();
  return { event, member, isHost, invited, poll };
}
