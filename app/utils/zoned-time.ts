/**
 * Times in a named IANA zone (an event's "Europe/London"), without a library: Intl knows every zone's
 * rules. Formats are built once per zone and kept, because building one is slow.
 */
const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(zone: string) {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    partsFormats.set(zone, format);
  }
  return format;
}

let zones: Set<string> | undefined;
/** Whether Intl knows this zone ("Europe/London"; "UTC" too). */
export function isTimeZone(zone: string): boolean {
  zones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return zones.has(zone);
}

/** The wall-clock date and time of an instant in a zone: { date: "2026-10-25", time: "09:30" }. */
export function wallClock(at: Date, zone: string) {
  const p = Object.fromEntries(partsFormat(zone).formatToParts(at).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

function offsetMs(at: Date, zone: string) {
  const { date, time } = wallClock(at, zone);
  const local = Date.parse(`${date}T${time}:00Z`);
  return local - Math.floor(at.getTime() / 60_000) * 60_000;
}

/**
 * The instant a wall-clock date and time ("2026-10-25", "09:30") names in a zone, or null when it
 * names none: a time skipped when the clocks go forward. A time that happens twice (the hour the
 * clocks go back) is the first of the two, as most calendars read it.
 */
export function instantFromWallClock(date: string, time: string, zone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  // Try the offsets in force a day either side; the earlier instant that shows this wall clock wins.
  const candidates = [...new Set([offsetMs(new Date(asUtc - 86_400_000), zone), offsetMs(new Date(asUtc + 86_400_000), zone)])]
    .map((offset) => new Date(asUtc - offset))
    .filter((at) => {
      const shown = wallClock(at, zone);
      return shown.date === date && shown.time === time;
    })
    .sort((a, b) => a.getTime() - b.getTime());
  return candidates[0] ?? null;
}

const shownFormats = new Map<string, Intl.DateTimeFormat>();
/** "Sunday 25 October 2026, 09:30 GMT": a moment as people in that zone read it, naming the zone. */
export function formatInZone(at: Date | string, zone: string, style: "long" | "time" | "date" = "long") {
  const key = `${zone}|${style}`;
  let format = shownFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === "time"
        ? { timeZone: zone, hourCycle: "h23", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }
        : style === "date"
          ? { timeZone: zone, weekday: "long", day: "numeric", month: "long", year: "numeric" }
          : { timeZone: zone, hourCycle: "h23", weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
    format = new Intl.DateTimeFormat("en-GB", options);
    shownFormats.set(key, format);
  }
  // "Saturday 6 March", as GOV.UK writes dates, rather than Intl's "Saturday, 6 March".
  return format.format(new Date(at)).replace(/^([A-Za-z]+day),/, "$1");
}
