import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarEventOf } from "~/events/calendar";
import { buildCalendar } from "~/events/ics";
import { listMemberRegistrations } from "~/models/event.server";
import { readCalendarFeedToken } from "~/services/event.server";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/responses.server";

/**
 * A member's private calendar: the events they have a place at (or are waiting for), with joining
 * links for those with a place. The address is signed and revocable (Settings, Calendar): an old
 * one answers 404, as does one we never made.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const memberId = await readCalendarFeedToken(db, token);
  if (memberId === null) notFound();
  const since = new Date(Date.now() - 90 * 86_400_000);
  const registrations = await listMemberRegistrations(db, memberId, { activeOnly: true, since });
  const origin = new URL(request.url);
  const events = registrations.map((r) => calendarEventOf({ ...r, id: r.event_id, status: r.event_status }, origin.origin, r.status === "registered"));
  const body = buildCalendar({ name: "Chorus: my events", timeZone: "Europe/London", host: origin.hostname, events });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store" } });
}
