import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database } from "../../db";
import type { SourceKind } from "../../db/schema";

/** Sources of evidence behind a demand (demand_source): suggested, then accepted (numbered) or declined. */

export interface NewSource {
  demandId: number;
  suggestedBy: number;
  title: string;
  author: string;
  year: number | null;
  url: string | null;
  finding: string;
  kind: SourceKind;
}

/** What any reader sees of a source: never who suggested it or how to reach them. */
const PUBLIC_COLUMNS = ["demand_source.id", "demand_source.number", "demand_source.title", "demand_source.author", "demand_source.year", "demand_source.url", "demand_source.finding", "demand_source.kind"] as const;

/** A new suggestion, or (`accepted`) a source its demand's author adds, numbered at once. */
export async function insertSource(db: Database, source: NewSource, accepted?: { number: number }) {
  const row = await db
    .insertInto("demand_source")
    .values({
      demand_id: source.demandId,
      suggested_by: source.suggestedBy,
      title: source.title,
      author: source.author,
      year: source.year,
      url: source.url,
      finding: source.finding,
      kind: source.kind,
      ...(accepted ? { status: "accepted" as const, number: accepted.number, decided_by: source.suggestedBy, decided_at: sql<Date>`now()` } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The next number in a demand's list. Numbers are never given back (a number once used stays with
 * its source), so this is one more than the highest ever given. The caller holds the demand's row
 * lock, so two acceptances cannot take the same number (the unique index would refuse it anyway).
 */
export async function nextSourceNumber(db: Database, demandId: number) {
  const row = await db
    .selectFrom("demand_source")
    .select((eb) => eb.fn.coalesce(eb.fn.max("number"), sql<number>`0`).as("highest"))
    .where("demand_id", "=", demandId)
    .where("number", "is not", null)
    .executeTakeFirstOrThrow();
  return Number(row.highest) + 1;
}

export function getSourceForUpdate(db: Database, id: number) {
  return db.selectFrom("demand_source").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function acceptSource(db: Database, id: number, deciderId: number, number: number) {
  await db.updateTable("demand_source").set({ status: "accepted", number, decided_by: deciderId, decided_at: sql<Date>`now()` }).where("id", "=", id).where("status", "=", "suggested").execute();
}

export async function declineSource(db: Database, id: number, deciderId: number, reason: string) {
  await db.updateTable("demand_source").set({ status: "declined", decline_reason: reason, decided_by: deciderId, decided_at: sql<Date>`now()` }).where("id", "=", id).where("status", "=", "suggested").execute();
}

/**
 * The demand page's evidence, in one bounded query: the accepted sources the text cites (at most
 * `cited.length`) and the first `first` by number, in number order, with how many are accepted and
 * how many suggestions wait for the authors.
 */
export async function getDemandEvidence(db: Database, demandId: number, { cited, first }: { cited: number[]; first: number }) {
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom("demand_source")
          .select(PUBLIC_COLUMNS)
          .where("demand_source.demand_id", "=", demandId)
          .where("demand_source.number", "is not", null)
          .where((w) => (cited.length ? w.or([w("demand_source.number", "<=", first), w("demand_source.number", "in", cited)]) : w("demand_source.number", "<=", first)))
          .orderBy("demand_source.number")
          .limit(first + cited.length),
      ).as("sources"),
      eb.selectFrom("demand_source").select((c) => c.fn.countAll<number>().as("n")).where("demand_id", "=", demandId).where("status", "=", "accepted").as("accepted"),
      eb.selectFrom("demand_source").select((c) => c.fn.countAll<number>().as("n")).where("demand_id", "=", demandId).where("status", "=", "suggested").as("suggested"),
    ])
    .executeTakeFirstOrThrow();
  return { sources: row.sources, accepted: Number(row.accepted ?? 0), suggested: Number(row.suggested ?? 0) };
}

/** One page of a demand's accepted sources, by number, with the total for the page links. */
export async function listAcceptedSources(db: Database, demandId: number, { page, perPage }: { page: number; perPage: number }) {
  const [sources, total] = await Promise.all([
    db
      .selectFrom("demand_source")
      .select(PUBLIC_COLUMNS)
      .where("demand_id", "=", demandId)
      .where("number", "is not", null)
      .orderBy("number")
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    db.selectFrom("demand_source").select((eb) => eb.fn.countAll<number>().as("n")).where("demand_id", "=", demandId).where("status", "=", "accepted").executeTakeFirstOrThrow(),
  ]);
  return { sources, total: Number(total.n) };
}

/** The suggestions waiting for a demand's authors, oldest first, at most `limit`, with who suggested them (by name). */
export function listSuggestedSources(db: Database, demandId: number, limit: number) {
  return db
    .selectFrom("demand_source")
    .leftJoin("member", "member.id", "demand_source.suggested_by")
    .select([...PUBLIC_COLUMNS, "demand_source.created_at", "member.display_name as suggested_by_name", "member.deleted_at as suggester_deleted_at"])
    .where("demand_source.demand_id", "=", demandId)
    .where("demand_source.status", "=", "suggested")
    .orderBy("demand_source.id")
    .limit(limit)
    .execute();
}

/** What a member suggested to this demand that is still waiting or was declined (so they can see why). */
export function listMySources(db: Database, demandId: number, memberId: number, limit: number) {
  return db
    .selectFrom("demand_source")
    .select([...PUBLIC_COLUMNS, "demand_source.status", "demand_source.decline_reason"])
    .where("demand_id", "=", demandId)
    .where("suggested_by", "=", memberId)
    .where("status", "in", ["suggested", "declined"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
