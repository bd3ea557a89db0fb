import type { Database } from "../../db";
import type { Constituency, Representative } from "~/letters/lookup/uk-parliament";

/**
 * The representative lookup's caches: a postcode's constituency and a constituency's MP, each kept
 * until its `expires_at`. An expired row is simply not read; the next lookup overwrites it, and
 * deleteExpiredLookups clears the rest (postcodes are where supporters live).
 */

export function getCachedConstituency(db: Database, postcode: string, now: Date) {
  return db
    .selectFrom("postcode_constituency")
    .select(["constituency_code as code", "constituency_name as name"])
    .where("postcode", "=", postcode)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function saveConstituency(db: Database, postcode: string, constituency: Constituency, expiresAt: Date) {
  await db
    .insertInto("postcode_constituency")
    .values({ postcode, constituency_code: constituency.code, constituency_name: constituency.name, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column("postcode").doUpdateSet((eb) => ({
        constituency_code: eb.ref("excluded.constituency_code"),
        constituency_name: eb.ref("excluded.constituency_name"),
        fetched_at: new Date(),
        expires_at: eb.ref("excluded.expires_at"),
      })),
    )
    .execute();
}

export function getCachedRepresentative(db: Database, constituencyCode: string, now: Date) {
  return db
    .selectFrom("constituency_representative")
    .select(["member_id", "name", "party", "email"])
    .where("constituency_code", "=", constituencyCode)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

/** Stores a constituency's MP (null: no current member) and the address Parliament lists for them. */
export async function saveRepresentative(db: Database, constituency: Constituency, representative: (Representative & { email: string | null }) | null, expiresAt: Date) {
  const values = {
    constituency_code: constituency.code,
    constituency_name: constituency.name,
    member_id: representative?.memberId ?? null,
    name: representative?.name ?? null,
    party: representative?.party ?? null,
    email: representative?.email ?? null,
    expires_at: expiresAt,
  };
  await db
    .insertInto("constituency_representative")
    .values(values)
    .onConflict((oc) => oc.column("constituency_code").doUpdateSet({ ...values, fetched_at: new Date() }))
    .execute();
}

/** Clears cached lookups past their expiry; returns how many went. */
export async function deleteExpiredLookups(db: Database, now: Date) {
  const postcodes = await db.deleteFrom("postcode_constituency").where("expires_at", "<=", now).executeTakeFirst();
  const representatives = await db.deleteFrom("constituency_representative").where("expires_at", "<=", now).executeTakeFirst();
  return Number(postcodes.numDeletedRows) + Number(representatives.numDeletedRows);
}
