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
