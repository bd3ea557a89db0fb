/**
 * Chorus's dates are UK dates: a "datetime-local" field's value is read as Europe/London time
 * (GMT or BST, whichever applies on that day).
 */
export function parseLondonDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc)) return null;
  const offset = londonOffsetMs(new Date(asUtc));
  const result = new Date(asUtc - offset);
  // Reject impossible dates (31 February) that Date.UTC silently rolls over.
  return toLondonInput(result) === value.trim() || londonOffsetMs(result) !== offset ? result : null;
}

// Building an Intl.DateTimeFormat with a time zone is slow (toLocaleString builds one per call, and
// that was a third of a busy demand page's CPU): each format is made once and reused.
const partsFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
// Shown times name their zone (GMT or BST): members outside the UK, and deadlines near the clock change, need it.
const shown = { timeZone: "Europe/London", hourCycle: "h23", day: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" } as const;
const mediumFormat = new Intl.DateTimeFormat("en-GB", { ...shown, month: "short" });
const longFormat = new Intl.DateTimeFormat("en-GB", { ...shown, month: "long" });

const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });

/** "4 December 2026": the day of this moment in UK time (never "04/12/2026", which reads as April in the US). */
export const formatLondonDate = (at: Date | string) => dateFormat.format(new Date(at));
/** "24 Nov 2026, 14:05 GMT" in UK time. */
export const formatLondonMedium = (at: Date | string) => mediumFormat.format(new Date(at));
/** "24 November 2026 at 14:05 GMT" in UK time. */
export const formatLondonLong = (at: Date | string) => longFormat.format(new Date(at));

function londonOffsetMs(at: Date) {
  const parts = Object.fromEntries(
    partsFormat
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return local - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** The value a datetime-local field shows for this moment in London. */
export function toLondonInput(at: Date) {
  const parts = Object.fromEntries(
    partsFormat
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
const dateOnlyFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** Today's date in the UK, "YYYY-MM-DD" (en-CA formats dates that way). */
export const todayInLondon = (at: Date = new Date()) => dayFormat.format(at);

/** A calendar date ("2026-11-24") as "24 November 2026": a date has no zone, so it is shown as written. */
export const formatCalendarDate = (day: string) => dateOnlyFormat.format(new Date(`${day}T00:00:00Z`));
