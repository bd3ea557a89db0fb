import { z } from "zod";
import { parseId } from "./ids";

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
