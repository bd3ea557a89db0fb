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

function londonOffsetMs(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return local - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** The value a datetime-local field shows for this moment in London. */
export function toLondonInput(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
