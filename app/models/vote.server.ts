import { sql } from "kysely";
import type { Database } from "../../db";
import type { Perspective, VoteChoice } from "../../db/schema";
import { emptyTotals, type Totals } from "~/demands/decision";

/**
 * One vote per member per demand, enforced by the unique constraint; casting again changes it.
 * An upsert, so two submits racing each other leave one vote, the later choice.
 */
export async function upsertVote(db: Database, vote: { demandId: number; memberId: number; choice: VoteChoice; reason: string | null; reasonPublic: boolean }) {
  await db
    .insertInto("vote")
    .values({ demand_id: vote.demandId, member_id: vote.memberId, choice: vote.choice, reason: vote.reason, reason_public: vote.reasonPublic })
    .onConflict((oc) =>
      oc.columns(["demand_id", "member_id"]).doUpdateSet({ choice: vote.choice, reason: vote.reason, reason_public: vote.reasonPublic, updated_at: new Date() }),
    )
    .execute();
}

/** Everyone who has voted on a demand. */
export async function listVoterIds(db: Database, demandId: number) {
  const rows = await db.selectFrom("vote").select("member_id").where("demand_id", "=", demandId).execute();
  return rows.map((r) => Number(r.member_id));
}

export function getMemberVote(db: Database, demandId: number, memberId: number) {
  return db.selectFrom("vote").select(["choice", "reason", "reason_public", "updated_at"]).where("demand_id", "=", demandId).where("member_id", "=", memberId).executeTakeFirst();
}

/** Counts the ballots themselves: the exact tally a closing vote records. */
export async function tallyVotes(db: Database, demandId: number): Promise<Totals> {
  const rows = await db.selectFrom("vote").select(["choice", sql<number>`count(*)::int`.as("n")]).where("demand_id", "=", demandId).groupBy("choice").execute();
  const totals = emptyTotals();
  for (const r of rows) totals[r.choice] = Number(r.n);
  return totals;
}

/** The running totals a trigger keeps with every vote (2026-11-24_05): the live tally, three rows however many voted. */
export async function liveTally(db: Database, demandId: number): Promise<Totals> {
  const rows = await db.selectFrom("vote_count").select(["choice", "votes"]).where("demand_id", "=", demandId).execute();
  const totals = emptyTotals();
  for (const r of rows) totals[r.choice] = r.votes;
  return totals;
}

/** Totals per perspective, from members' current perspectives (withdrawn ones no longer count). */
export async function tallyVotesByPerspective(db: Database, demandId: number) {
  const rows = await db
    .selectFrom("vote")
    .innerJoin("member_perspective", "member_perspective.member_id", "vote.member_id")
    .select(["member_perspective.perspective", "vote.choice", sql<number>`count(*)::int`.as("n")])
    .where("vote.demand_id", "=", demandId)
    .groupBy(["member_perspective.perspective", "vote.choice"])
    .execute();
  const byPerspective = new Map<Perspective, Totals>();
  for (const r of rows) {
    const totals = byPerspective.get(r.perspective) ?? emptyTotals();
    totals[r.choice] = Number(r.n);
    byPerspective.set(r.perspective, totals);
  }
  return byPerspective;
}

/** Reasons voters chose to publish, without names (ballots are secret). */
export function listPublicReasons(db: Database, demandId: number, limit = 50) {
  return db
    .selectFrom("vote")
    .select(["choice", "reason"])
    .where("demand_id", "=", demandId)
    .where("reason_public", "=", true)
    .where("reason", "is not", null)
    .orderBy("updated_at", "desc")
    .limit(limit)
    .execute();
}

export async function unlinkMemberVotes(db: Database, memberId: number) {
  await db.updateTable("vote").set({ member_id: null }).where("member_id", "=", memberId).execute();
}
