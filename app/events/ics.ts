/**
 * iCalendar (RFC 5545) for events, written by hand because it is small and the rules are exact:
 * CRLF line endings, lines folded at 75 octets without splitting a UTF-8 character, text escaped.
 *
 * Times are written in UTC ("20261025T090000Z") rather than with a TZID and a VTIMEZONE: every
 * calendar reads UTC the same way and shows it in the reader's own zone, while a VTIMEZONE we
 * generated would have to restate the zone's daylight-saving rules exactly, and a wrong one moves the
 * meeting (docs/decisions/033-event-times-ics-and-capacity.md). X-WR-TIMEZONE names the event's zone
 * for the calendars that use it as a display hint.
 */

export interface IcsEvent {
  id: number;
  title: string;
  description: string;
  location: string | null;
  url: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  updatedAt: Date;
  cancelled: boolean;
}

/** UID stable per event and per installation's address, so a calendar updates rather than duplicates. */
export function eventUid(eventId: number, host: string) {
  return `event-${eventId}@${host}`;
}

/** "20261025T090000Z". */
export function icsUtc(at: Date) {
  return at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

// Control characters (tab and line breaks aside, which are handled above) have no place in a content line.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11). */
export function escapeIcsText(text: string) {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n")
    // Other control characters have no place in a content line.
    .replace(CONTROL_CHARACTERS, "");
}

const encoder = new TextEncoder();
/**
 * One content line folded at 75 octets: a continuation starts with a space (which counts), and a
 * break never falls inside a UTF-8 sequence, so "café" or an emoji survives the fold.
 */
export function foldIcsLine(line: string) {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > 75) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n");
}

function vevent(event: IcsEvent, host: string, stamp: Date) {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${eventUid(event.id, host)}`,
    `DTSTAMP:${icsUtc(stamp)}`,
    `DTSTART:${icsUtc(event.startsAt)}`,
    `DTEND:${icsUtc(event.endsAt)}`,
    `SEQUENCE:${event.sequence}`,
    `LAST-MODIFIED:${icsUtc(event.updatedAt)}`,
    `SUMMARY:${escapeIcsText(event.title)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    ...(event.location ? [`LOCATION:${escapeIcsText(event.location)}`] : []),
    `URL:${event.url.replace(/[\r\n]/g, "")}`,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
  ];
  return lines;
}

/** A whole calendar: one event (the public .ics) or a member's feed. */
export function buildCalendar(options: { name: string; timeZone: string; host: string; events: IcsEvent[]; now?: Date; method?: boolean }) {
  const stamp = options.now ?? new Date();
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Chorus//Events//EN",
    "CALSCALE:GREGORIAN",
    ...(options.method ? ["METHOD:PUBLISH"] : []),
    `X-WR-CALNAME:${escapeIcsText(options.name)}`,
    `X-WR-TIMEZONE:${options.timeZone}`,
    ...options.events.flatMap((event) => vevent(event, options.host, stamp)),
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join("\r\n") + "\r\n";
}

/** "Add to Google Calendar" and "Add to Outlook.com": links that open the calendar with the event filled in. */
export function addToCalendarLinks(event: { title: string; details: string; location: string | null; startsAt: Date; endsAt: Date }) {
  const google = new URL("https://calendar.google.com/calendar/render");
  google.searchParams.set("action", "TEMPLATE");
  google.searchParams.set("text", event.title);
  google.searchParams.set("dates", `${icsUtc(event.startsAt)}/${icsUtc(event.endsAt)}`);
  google.searchParams.set("details", event.details);
  if (event.location) google.searchParams.set("location", event.location);
  const outlook = new URL("https://outlook.live.com/calendar/0/deeplink/compose");
  outlook.searchParams.set("path", "/calendar/action/compose");
  outlook.searchParams.set("rru", "addevent");
  outlook.searchParams.set("subject", event.title);
  outlook.searchParams.set("startdt", event.startsAt.toISOString());
  outlook.searchParams.set("enddt", event.endsAt.toISOString());
  outlook.searchParams.set("body", event.details);
  if (event.location) outlook.searchParams.set("location", event.location);
  return { google: google.toString(), outlook: outlook.toString() };
}
