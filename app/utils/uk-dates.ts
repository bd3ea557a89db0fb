// Kept apart from the form schemas (fields.ts) so the pages showing date fields ship no Zod.

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * A date as people in the UK type it (GOV.UK pattern: day, month, year): "27 3 2027", "27/03/2027",
 * "27-3-2027", "27 March 2027", "27 Mar 2027", or "2027-03-27" (what a browser's date picker and older
 * pages send). Returns "YYYY-MM-DD", or null when it is not a real date (31 February, a two-digit year).
 */
export function parseUkDate(text: string): string | null {
  const value = text.trim().toLowerCase().replace(/,/g, " ");
  let day: number, month: number, year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const numeric = /^(\d{1,2})\s*[\s/.-]\s*(\d{1,2})\s*[\s/.-]\s*(\d{4})$/.exec(value);
  const named = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?\s+(\d{4})$/.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  else if (named) {
    const index = MONTHS.findIndex((m) => named[2]!.length >= 3 && m.startsWith(named[2]!));
    if (index < 0) return null;
    [day, month, year] = [Number(named[1]), index + 1, Number(named[3])];
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** "2027-03-27" as a UK date field shows it: "27 3 2027" (the hint's own pattern). */
export function toUkDateInput(isoDate: string | null | undefined) {
  const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate) : null;
  return match ? `${Number(match[3])} ${Number(match[2])} ${match[1]}` : (isoDate ?? "");
}

export const UK_DATE_HINT = "For example, 27 3 2027";
