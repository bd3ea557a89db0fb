import { z } from "zod";

/** Field schemas shared by forms (server and browser): one wording for each kind of mistake. */

const MULTILINE = new WeakSet<object>();

/**
 * Marks a text field that takes several lines (a textarea): it keeps its line breaks. Every other
 * field is one line, and parseForm turns any line break or control character in it into a space, so
 * a name or subject can never carry "\r\nBcc:" into an email header.
 */
export function multiline<T extends z.ZodType>(schema: T): T {
  MULTILINE.add(schema);
  return schema;
}

export function isMultiline(schema: object): boolean {
  return MULTILINE.has(schema);
}
export const EmailField = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, { error: "Enter your email address" })
  .max(254, { error: "Email address must be 254 characters or fewer" })
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }));

export const DisplayNameField = z
  .string({ error: "Enter the name you want others to see" })
  .trim()
  .min(1, { error: "Enter the name you want others to see" })
  .max(60, { error: "Name must be 60 characters or fewer" });

export function optionalText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .optional()
    .transform((v) => (v ? v : null));
}

export function requiredCheckbox(message: string) {
  return z.literal("yes", { error: message });
}

export const optionalCheckbox = z
  .literal("yes")
  .optional()
  .transform((v) => v === "yes");

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
const UK_DATE_MESSAGE = "Enter a real date, for example 27 3 2027";

/** A required UK date field: gives "YYYY-MM-DD". */
export const requiredUkDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(40, { error: UK_DATE_MESSAGE })
    .transform((v, ctx) => {
      const date = parseUkDate(v);
      if (!date) {
        ctx.addIssue({ code: "custom", message: UK_DATE_MESSAGE });
        return z.NEVER;
      }
      return date;
    });

/** An optional UK date field: gives "YYYY-MM-DD" or null when left empty. */
export const OptionalUkDate = z
  .string()
  .trim()
  .max(40, { error: UK_DATE_MESSAGE })
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const date = parseUkDate(v);
    if (!date) {
      ctx.addIssue({ code: "custom", message: UK_DATE_MESSAGE });
      return z.NEVER;
    }
    return date;
  });
