import type { Database } from "../../db";
import type { Perspective } from "../../db/schema";

export const TERMS_VERSION = "2026-11";
export const PERSPECTIVES_CONSENT_VERSION = "2026-11";

export async function recordConsent(db: Database, memberId: number, kind: "terms" | "perspectives", version: string) {
  await db.insertInto("consent").values({ member_id: memberId, kind, version }).execute();
}

export async function withdrawConsent(db: Database, memberId: number, kind: "terms" | "perspectives") {
  await db
    .updateTable("consent")
    .set({ withdrawn_at: new Date() })
    .where("member_id", "=", memberId)
    .where("kind", "=", kind)
    .where("withdrawn_at", "is", null)
    .execute();
}

export async function hasActiveConsent(db: Database, memberId: number, kind: "terms" | "perspectives") {
  const row = await db
    .selectFrom("consent")
    .select("id")
    .where("member_id", "=", memberId)
    .where("kind", "=", kind)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  return Boolean(row);
}

export function listConsents(db: Database, memberId: number) {
  return db.selectFrom("consent").select(["kind", "version", "given_at", "withdrawn_at"]).where("member_id", "=", memberId).orderBy("id").execute();
}

export async function listPerspectives(db: Database, memberId: number): Promise<Perspective[]> {
  const rows = await db.selectFrom("member_perspective").select("perspective").where("member_id", "=", memberId).execute();
  return rows.map((r) => r.perspective);
}

export async function replacePerspectives(db: Database, memberId: number, perspectives: Perspective[]) {
  await db.deleteFrom("member_perspective").where("member_id", "=", memberId).execute();
  if (perspectives.length) {
    await db
      .insertInto("member_perspective")
      .values(perspectives.map((perspective) => ({ member_id: memberId, perspective })))
      .execute();
  }
}
