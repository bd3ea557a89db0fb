import type { Database } from "../../db";
import { existingTargetEmails, upsertTarget, type TargetFields } from "~/models/target.server";
import { TargetSchema } from "~/letters/forms";
import { IMPORT_COLUMNS, parseCsv } from "~/letters/rules";

export const IMPORT_MAX_ROWS = 2_000;

export interface ImportRow {
  line: number;
  cells: Record<(typeof IMPORT_COLUMNS)[number], string>;
  problems: string[];
  /** What saving would do with a row that has no problems. */
  outcome: "add" | "update" | null;
  fields: TargetFields | null;
}

/**
 * Reads a spreadsheet of decision makers (a header row naming name, role, body, email and areas, in
 * any order) into rows, each with its problems, before anything is saved. The same address twice in
 * one file is a problem on the later row; an address already listed updates that decision maker.
 */
export type ImportRefusal = { ok: false; reason: "empty" } | { ok: false; reason: "missing-columns"; missing: string[] } | { ok: false; reason: "too-many-rows" };

export async function previewTargetImport(db: Database, text: string): Promise<{ ok: true; rows: ImportRow[] } | ImportRefusal> {
  const table = parseCsv(text);
  if (!table.length) return { ok: false, reason: "empty" };
  const header = table[0]!.map((h) => h.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, reason: "missing-columns", missing };
  if (table.length - 1 > IMPORT_MAX_ROWS) return { ok: false, reason: "too-many-rows" };
  const seen = new Set<string>();
  const rows: ImportRow[] = table.slice(1).map((cells, i) => {
    const record = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, (cells[header.indexOf(c)] ?? "").trim()])) as ImportRow["cells"];
    const parsed = TargetSchema.safeParse({ ...record, ...Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === "" ? undefined : v])) });
    const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    const email = record.email.toLowerCase();
    if (email && seen.has(email)) problems.push("This email address is on an earlier row too");
    seen.add(email);
    return { line: i + 2, cells: record, problems, outcome: null, fields: parsed.success && problems.length === 0 ? parsed.data : null };
  });
  const existing = await existingTargetEmails(db, rows.filter((r) => r.fields).map((r) => r.fields!.email));
  for (const row of rows) if (row.fields) row.outcome = existing.has(row.fields.email.toLowerCase()) ? "update" : "add";
  return { ok: true, rows };
}

/** Saves the rows without problems, in one transaction; rows with problems are left out. */
export async function importTargets(db: Database, text: string, actorId: number) {
  const preview = await previewTargetImport(db, text);
  if (!preview.ok) return preview;
  return db.transaction().execute(async (trx) => {
    let added = 0;
    let updated = 0;
    for (const row of preview.rows) {
      if (!row.fields) continue;
      const { inserted } = await upsertTarget(trx, row.fields, actorId);
      if (inserted) added++;
      else updated++;
    }
    return { ok: true as const, added, updated, skipped: preview.rows.filter((r) => !r.fields).length };
  });
}
