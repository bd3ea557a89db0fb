import { data } from "@remix-run/node";
import type { FieldErrors } from "./forms";

/** The one shape of a rejected form: errors by field and what was typed, with status 400. */
export function invalid(errors: FieldErrors, values: Record<string, string | string[]> = {}, status = 400) {
  return data({ ok: false as const, errors, values }, { status });
}

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}
