import type { EventRow } from "../../db/schema";
import { toUkDateInput } from "../utils/uk-dates";
import { wallClock } from "../utils/zoned-time";

/** An event's stored details as the form shows them: dates and times back in the event's zone. */
export function eventFormValues(event: EventRow, host: string): Record<string, string> {
  const start = wallClock(new Date(event.starts_at), event.time_zone);
  const end = wallClock(new Date(event.ends_at), event.time_zone);
  const closes = wallClock(new Date(event.registration_closes_at), event.time_zone);
  const closesAtStart = new Date(event.registration_closes_at).getTime() === new Date(event.starts_at).getTime();
  return {
    host,
    title: event.title,
    purpose: event.purpose,
    audience: event.audience_note,
    kind: event.kind,
    format: event.format,
    address: event.address ?? "",
    accessNotes: event.access_notes ?? "",
    joinUrl: event.join_url ?? "",
    region: event.region ?? "",
    startDate: toUkDateInput(start.date),
    startTime: start.time,
    endTime: end.time,
    endDate: end.date === start.date ? "" : toUkDateInput(end.date),
    timeZone: event.time_zone,
    closesDate: closesAtStart ? "" : toUkDateInput(closes.date),
    closesTime: closesAtStart ? "" : closes.time,
    capacity: event.capacity === null ? "" : String(event.capacity),
    visibility: event.visibility,
    payment: event.payment_pence === null ? "" : (event.payment_pence / 100).toFixed(2).replace(/\.00$/, ""),
    travelExpenses: event.travel_expenses ? "yes" : "",
    agenda: event.agenda ?? "",
    agendaEasyRead: event.agenda_easy_read ?? "",
  };
}
