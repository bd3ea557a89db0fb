import type { Database } from "../../db";
import { updateTarget, upsertTarget, type TargetFields } from "~/models/target.server";

/**
 * The directory of decision makers letters go to (the CSV import is target-import.server.ts). One
 * entry per email address: adding a known address updates it; a new address clears a bounce flag.
 */
export function addTarget(db: Database, fields: TargetFields, actorId: number) {
  return upsertTarget(db, fields, actorId);
}

/** False when another decision maker has that email address. */
export function editTarget(db: Database, targetId: number, fields: TargetFields) {
  return updateTarget(db, targetId, fields);
}
