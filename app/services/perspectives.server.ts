import type { Database } from "../../db";
import type { Perspective } from "../../db/schema";
import { hasActiveConsent, PERSPECTIVES_CONSENT_VERSION, recordConsent, replacePerspectives, withdrawConsent } from "~/models/consent.server";

/**
 * A member's perspectives are health data: kept only with their explicit consent, which is recorded
 * the first time they answer, and withdrawing deletes the answers (not just hides them).
 */
export async function savePerspectives(db: Database, memberId: number, perspectives: Perspective[]) {
  await db.transaction().execute(async (trx) => {
    if (!(await hasActiveConsent(trx, memberId, "perspectives"))) await recordConsent(trx, memberId, "perspectives", PERSPECTIVES_CONSENT_VERSION);
    await replacePerspectives(trx, memberId, [...new Set(perspectives)]);
  });
}

export async function withdrawPerspectives(db: Database, memberId: number) {
  await db.transaction().execute(async (trx) => {
    await replacePerspectives(trx, memberId, []);
    await withdrawConsent(trx, memberId, "perspectives");
  });
}
