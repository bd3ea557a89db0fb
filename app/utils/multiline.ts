import type { z } from "zod";

// Kept apart from the field schemas (fields.ts) so that code shipped to the browser, such as
// forms.ts's valueOf, does not pull in Zod: its schemas are built by calls the bundler must keep.

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
