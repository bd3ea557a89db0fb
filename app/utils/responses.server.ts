import { data } from "@remix-run/node";
import type { FieldErrors } from "./forms";

/**
 * The one way a loader or action says no. A refused form is `invalid(...)` (its errors by field and
 * what was typed, status 400); anything else throws one of the responses below, which the nearest
 * error boundary turns into a page in plain words. Services never throw these: they return a code
 * (a union type) and the route decides what it means for the page.
 */
export function invalid(errors: FieldErrors, values: Record<string, string | string[]> = {}, status = 400) {
  return data({ ok: false as const, errors, values }, { status });
}

/** No such thing, or not one this person may know exists (drafts, hidden pages). */
export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** Signed in, but not allowed to do this. */
export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

/** A request no page of ours sends (an unknown intent, a missing field a form always has). */
export function badRequest(): never {
  throw new Response("Bad request", { status: 400 });
}
