import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadEvent } from "~/events/access.server";
import { buildCalendar } from "~/events/ics";
import { calendarEventOf } from "~/events/calendar";

/**
 * The event as an iCalendar file. Public, so it never holds the joining link (people with a place
 * get it in their private feed); its UID and SEQUENCE let a calendar update the copy it has.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await loadEvent(request, params.id);
  const origin = new URL(request.url);
  const body = buildCalendar({ name: event.title, timeZone: event.time_zone, host: origin.hostname, events: [calendarEventOf(event, origin.origin, false)], method: true });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="event-${event.id}.ics"`,
      "Cache-Control": "no-cache",
    },
  });
}
