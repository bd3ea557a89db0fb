import type { z } from "zod";
import { isMultiline } from "./multiline";
import { cleanMultiLine, cleanSingleLine } from "./text";

/** Field name → first message, the shape every form's error summary and fields read. */
export type FieldErrors = Record<string, string>;

export type FormValues = Record<string, string | string[]>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * What a rejected form sends back is bounded by the form's own field limits, never by the request:
 * a 1 MB value in a 60-character field comes back as 60 characters (the field's error says it was too
 * long), so answering a bad form costs work in proportion to the form, not to what was posted.
 */
const UNKNOWN_FIELD_CHARACTERS = 500; // fields outside the schema: intents, ids, return addresses
const UNKNOWN_FIELDS = 20;
const LIST_ITEMS = 200;

interface FieldLimit {
  characters: number;
  list: boolean;
  items: number;
  /** A textarea's field (see `multiline` in fields.ts); every other field is one line. */
  multiline: boolean;
}

type Def = { type: string; innerType?: Schema; in?: Schema; out?: Schema; element?: Schema; options?: Schema[]; shape?: Record<string, Schema>; values?: unknown[]; entries?: Record<string, unknown>; checks?: Array<{ _zod: { def: { check: string; maximum?: number } } }> };
type Schema = { _zod: { def: Def } };

function maxCheck(def: Def) {
  const check = def.checks?.find((c) => c._zod.def.check === "max_length");
  return check?._zod.def.maximum;
}

/** The most a field of this schema can hold: characters per value, whether it takes a list, whether it keeps line breaks. */
function limitOf(schema: Schema | undefined): FieldLimit {
  const limit = innerLimitOf(schema);
  return schema && isMultiline(schema) ? { ...limit, multiline: true } : limit;
}

function innerLimitOf(schema: Schema | undefined): FieldLimit {
  const one = (characters: number): FieldLimit => ({ characters, list: false, items: 1, multiline: false });
  if (!schema) return one(UNKNOWN_FIELD_CHARACTERS);
  const def = schema._zod.def;
  switch (def.type) {
    case "string":
      return one(maxCheck(def) ?? UNKNOWN_FIELD_CHARACTERS);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return limitOf(def.innerType);
    case "pipe":
      // The input side is what was typed; a transform has nothing to say about it.
      return def.in?._zod.def.type === "transform" ? limitOf(def.out) : limitOf(def.in);
    case "array": {
      const element = limitOf(def.element);
      return { ...element, list: true, items: Math.min(maxCheck(def) ?? LIST_ITEMS, LIST_ITEMS) };
    }
    case "union": {
      const options = (def.options ?? []).map(limitOf);
      return {
        characters: Math.max(...options.map((o) => o.characters)),
        list: options.some((o) => o.list),
        items: Math.max(...options.map((o) => o.items)),
        multiline: options.some((o) => o.multiline),
      };
    }
    case "enum":
      return one(Math.max(...Object.values(def.entries ?? {}).map((v) => String(v).length)));
    case "literal":
      return one(Math.max(...(def.values ?? []).map((v) => String(v).length)));
    case "number":
    case "bigint":
    case "int":
      return one(40);
    default:
      return one(UNKNOWN_FIELD_CHARACTERS);
  }
}

const limitsCache = new WeakMap<object, Map<string, FieldLimit>>();

/** Each field's limit, read once from a form's Zod object schema (wrapped or not). */
export function fieldLimits(schema: z.ZodType): Map<string, FieldLimit> {
  const cached = limitsCache.get(schema);
  if (cached) return cached;
  let current = schema as unknown as Schema;
  // An object schema may be wrapped by .transform() / .superRefine() / .pipe().
  while (current._zod.def.type === "pipe") current = current._zod.def.in!;
  const limits = new Map<string, FieldLimit>();
  for (const [name, field] of Object.entries(current._zod.def.shape ?? {})) limits.set(name, limitOf(field));
  limitsCache.set(schema, limits);
  return limits;
}

/**
 * What a form sent, as strings (or lists for list fields), to re-fill the form on error: each value
 * cut at its field's limit, lists at their length, and only a few short fields the schema does not name.
 */
export function formValues(formData: FormData, schema: z.ZodType): FormValues {
  const limits = fieldLimits(schema);
  const values: FormValues = {};
  let unknown = 0;
  for (const key of new Set(formData.keys())) {
    // Secrets are never sent back to the browser.
    if (/password/i.test(key)) continue;
    const limit = limits.get(key);
    if (!limit && (++unknown > UNKNOWN_FIELDS || key.length > 100)) continue;
    const { characters, list, items } = limit ?? { characters: UNKNOWN_FIELD_CHARACTERS, list: false, items: 1, multiline: false };
    const all = formData
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .slice(0, list ? items : 1)
      .map((v) => (v.length > characters ? v.slice(0, characters) : v));
    values[key] = list && all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/**
 * Parses a form with its Zod schema (shared by server and browser); repeated names become arrays.
 * Values are cleaned first (app/utils/text.ts): what a schema accepts is what gets stored and mailed.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.infer<S>> {
  const limits = fieldLimits(schema);
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    // Invisible characters go from every field; line breaks and control characters from one-line fields.
    const clean = limits.get(key)?.multiline ? cleanMultiLine : cleanSingleLine;
    const all = formData
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .map(clean);
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
  return { ok: false, errors, values: formValues(formData, schema) };
}

export function valueOf(values: FormValues | undefined, name: string): string {
  const value = values?.[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

export function valuesOf(values: FormValues | undefined, name: string): string[] {
  const value = values?.[name];
  return Array.isArray(value) ? value : value ? [value] : [];
}
