import type { EventRow } from "../../db/schema";
import type { IcsEvent } from "./ics";

/** One event as the .ics writer wants it; the joining link only when `withJoinLink` (a registrant's private feed). */
export function calendarEventOf(
  event: Pick<EventRow, "id" | "title" | "purpose" | "format" | "address" | "join_url" | "starts_at" | "ends_at" | "sequence" | "updated_at" | "status">,
  origin: string,
  withJoinLink: boolean,
): IcsEvent {
  const page = `${origin}/events/${event.id}`;
  const join = withJoinLink && event.format !== "in_person" && event.join_url ? event.join_url : null;
  const location = event.format === "online" ? (join ?? "Online") : event.format === "hybrid" ? `${event.address} (or online)` : event.address;
  const description = [event.purpose, join ? `Join online: ${join}` : null, `Details: ${page}`].filter(Boolean).join("\n\n");
  return {
    id: event.id,
    title: event.title,
    description,
    location,
    url: page,
    startsAt: new Date(event.starts_at),
    endsAt: new Date(event.ends_at),
    sequence: event.sequence,
    updatedAt: new Date(event.updated_at),
    cancelled: event.status === "cancelled",
  };
}
