import { z } from "zod";
import { parseId } from "./ids";
import { parseUkDate } from "./uk-dates";

/** Field schemas shared by forms (server and browser): one wording for each kind of mistake. */

export { isMultiline, multiline } from "./multiline";

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

/** The Zod field for an id posted in a form (hidden inputs; a bad one is a tampered form). */
export const IdField = z
  .string({ error: "Choose one" })
  .refine((v) => parseId(v) !== null, { error: "Choose one" })
  .transform((v) => parseId(v)!);

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

/** The most decision makers one form can choose: far more than any campaign asks, far fewer than a query's parameter limit. */
export const MAX_CHOSEN_DECISION_MAKERS = 200;

/**
 * Ticked decision makers' ids (checkboxes named targetIds): anything that is not an id is ignored,
 * duplicates count once, and more than MAX_CHOSEN_DECISION_MAKERS is refused by the field (a forged
 * form with 70,000 ids would otherwise reach PostgreSQL's limit of 65,535 parameters).
 */
export const ChosenDecisionMakers = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v, ctx) => {
    const ids = [...new Set((Array.isArray(v) ? v : v ? [v] : []).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0))];
    if (ids.length <= MAX_CHOSEN_DECISION_MAKERS) return ids;
    ctx.addIssue({ code: "custom", message: `Choose ${MAX_CHOSEN_DECISION_MAKERS} decision makers or fewer` });
    return z.NEVER;
  });
