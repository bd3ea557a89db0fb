import type { Database } from "../../db";

const LIMIT = 10;

/**
 * What is waiting for this member, most urgent first: votes they have not cast, consultations they can
 * still shape, amendments to their own demands that need a decision, and their private drafts. Each
 * list is bounded; the open stages are small by nature (a coalition votes on a handful at a time).
 */
export async function listNeedsInput(db: Database, memberId: number) {
  const [votes, consultations, amendments, drafts] = await Promise.all([
    db
      .selectFrom("demand")
      .select(["demand.id", "demand.title", "demand.voting_ends_at as ends_at"])
      .where("demand.stage", "=", "voting")
      .where((eb) => eb.not(eb.exists(eb.selectFrom("vote").select("vote.id").whereRef("vote.demand_id", "=", "demand.id").where("vote.member_id", "=", memberId))))
      .orderBy("demand.voting_ends_at")
      .orderBy("demand.id")
      .limit(LIMIT)
      .execute(),
    db
      .selectFrom("demand")
      .select(["demand.id", "demand.title", "demand.consultation_ends_at as ends_at", "demand.comment_count"])
      .where("demand.stage", "=", "consultation")
      .orderBy("demand.consultation_ends_at")
      .orderBy("demand.id")
      .limit(LIMIT)
      .execute(),
    db
      .selectFrom("amendment")
      .innerJoin("demand_author", (join) => join.onRef("demand_author.demand_id", "=", "amendment.demand_id").on("demand_author.member_id", "=", memberId))
      .innerJoin("demand", "demand.id", "amendment.demand_id")
      .leftJoin("member", "member.id", "amendment.author_id")
      .select(["amendment.id", "amendment.demand_id", "demand.title", "member.display_name as author_name", "amendment.support_count", "amendment.created_at"])
      .where("amendment.status", "=", "open")
      .where("demand.stage", "in", ["draft", "consultation"])
      .orderBy("amendment.created_at")
      .limit(LIMIT)
      .execute(),
    db
      .selectFrom("demand")
      .innerJoin("demand_author", (join) => join.onRef("demand_author.demand_id", "=", "demand.id").on("demand_author.member_id", "=", memberId))
      .select(["demand.id", "demand.title", "demand.last_activity_at"])
      .where("demand.stage", "=", "draft")
      .orderBy("demand.id", "desc")
      .limit(LIMIT)
      .execute(),
  ]);
  return { votes, consultations, amendments, drafts };
}
