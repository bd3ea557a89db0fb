import { sql } from "kysely";
import type { Database } from "../../db";
import type { PetitionStatus } from "../../db/schema";

export interface PetitionFields {
  title: string;
  ask: string;
  why: string;
  addressedTo: string;
  goal: number;
  closesAt: Date | null;
}

export async function insertPetition(db: Database, campaignId: number, createdBy: number, slug: string, fields: PetitionFields) {
  const row = await db
    .insertInto("petition")
    .values({ campaign_id: campaignId, created_by: createdBy, slug, title: fields.title, ask: fields.ask, why: fields.why, addressed_to: fields.addressedTo, goal: fields.goal, closes_at: fields.closesAt })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
  return row;
}

export function getPetitionBySlug(db: Database, slug: string) {
  return db.selectFrom("petition").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export function listCampaignPetitions(db: Database, campaignId: number) {
  return db
    .selectFrom("petition")
    .select(["id", "slug", "title", "status", "signature_count", "goal", "closes_at"])
    .where("campaign_id", "=", campaignId)
    .orderBy("id")
    .limit(50)
    .execute();
}

export async function setPetitionStatus(db: Database, id: number, from: PetitionStatus[], to: PetitionStatus) {
  const row = await db
    .updateTable("petition")
    .set({ status: to, ...(to === "open" ? { opened_at: new Date() } : {}), ...(to === "closed" ? { closed_at: new Date() } : {}) })
    .where("id", "=", id)
    .where("status", "in", from)
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

/** The latest confirmed signers who chose to show their first name, with their outward code. */
export function listRecentPublicSigners(db: Database, petitionId: number, limit = 10) {
  return db
    .selectFrom("petition_signature")
    .select([sql<string>`split_part(name, ' ', 1)`.as("first_name"), "outward_code", "confirmed_at"])
    .where("petition_id", "=", petitionId)
    .where("status", "=", "confirmed")
    .where("show_name", "=", true)
    .orderBy("confirmed_at", "desc")
    .limit(limit)
    .execute();
}

export async function addCountDelta(db: Database, petitionId: number, delta: number) {
  await db.insertInto("petition_count_delta").values({ petition_id: petitionId, delta }).execute();
}

// Fold and recount take this lock, so a recount never reads deltas a fold is about to add in.
const COUNT_LOCK = 727_001;

/**
 * Folds waiting deltas into the petitions' counts: up to `limit` at a time, claimed with SKIP LOCKED
 * so concurrent folds never take the same row, summed per petition, deleted in the same statement
 * that adds them. Exact whatever order confirmations committed in. Returns how many were folded.
 */
export async function foldCountDeltas(db: Database, limit = 10_000) {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${COUNT_LOCK})`.execute(trx);
    const result = await sql<{ folded: number }>`
      with claimed as (
        delete from petition_count_delta where id in (select id from petition_count_delta order by id limit ${limit} for update skip locked)
        returning petition_id, delta
      ), sums as (
        select petition_id, sum(delta)::int as total, count(*)::int as n from claimed group by petition_id
      ), applied as (
        update petition set signature_count = petition.signature_count + sums.total from sums where petition.id = sums.petition_id returning sums.n
      )
      select coalesce(sum(n), 0)::int as folded from applied`.execute(trx);
    return result.rows[0]?.folded ?? 0;
  });
}

/**
 * Sets each petition's count from its confirmed signatures, less the deltas still waiting to be
 * folded (they are already among the confirmed), correcting any drift. Returns the petitions corrected.
 */
export async function recountPetitions(db: Database) {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${COUNT_LOCK})`.execute(trx);
    const result = await sql`
      update petition set signature_count = truth.n
      from (
        select p.id,
          (select count(*) from petition_signature s where s.petition_id = p.id and s.status = 'confirmed')::int
          - coalesce((select sum(delta) from petition_count_delta d where d.petition_id = p.id), 0)::int as n
        from petition p where p.status <> 'draft'
      ) truth
      where petition.id = truth.id and petition.signature_count <> truth.n`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}
