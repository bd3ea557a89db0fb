import type { z } from "zod";

/** Field name → first message, the shape every form's error summary and fields read. */
export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/** Everything a form sent, as strings (or lists for repeated names), to re-fill the form on error. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    // Secrets are never sent back to the browser.
    if (/password/i.test(key)) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/** Parses a form with its Zod schema (shared by server and browser); repeated names become arrays. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    // A blank field counts as missing, so it gets the field's "Enter a title" message rather than a length rule's.
    raw[key] = all.length > 1 ? all : all[0]?.trim() === "" ? undefined : all[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const name = issue.path.length ? String(issue.path[0]) : "form";
    errors[name] ??= issue.message;
  }
  return { ok: false, errors, values: formValues(formData) };
}

export function valueOf(values: Record<string, string | string[]> | undefined, name: string): string {
  const value = values?.[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

export function valuesOf(values: Record<string, string | string[]> | undefined, name: string): string[] {
  const value = values?.[name];
  return Array.isArray(value) ? value : value ? [value] : [];
}
