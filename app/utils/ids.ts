import { notFound } from "~/utils/responses.server";

/**
 * The one way ids and page numbers are read from paths, query strings and forms. Only plain digits
 * are accepted: "1.5", "1e30", "-1", "0x10" or 20 digits never reach a query (where they would be
 * a 500 from PostgreSQL or a fractional OFFSET); they are simply "not found" or page 1.
 */
export function parseId(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^[1-9][0-9]{0,15}$/.test(raw.trim())) return null;
  const id = Number(raw.trim());
  return Number.isSafeInteger(id) ? id : null;
}

/** A page number from a query string: 1 when missing or malformed, never more than `max`. */
export function parsePage(raw: string | null | undefined, max = 1000): number {
  return Math.min(parseId(raw) ?? 1, max);
}

/** An id in a path: anything else is a 404, like an id that does not exist. */
export function requireId(raw: string | undefined): number {
  const id = parseId(raw);
  if (id === null) notFound();
  return id;
}
