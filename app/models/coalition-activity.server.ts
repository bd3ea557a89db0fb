import { sql } from "kysely";
import type { Database } from "../../db";

/**
 * What the coalition is doing, for anyone (the home page and the list of live petitions): open votes,
 * live petitions, running campaigns and recent wins. Only public things: drafts of demands and
 * petitions never appear. Each list is a few rows read in order from a partial index
 * (2026-12-05_01_home_page_indexes), so none grows with the tables behind it.
 */

/**
 * Demands in a vote, closing soonest first (demand_voting_due_idx). A vote past its deadline is over
 * even in the seconds before its closing job runs, so it is not offered as open.
 */
export function listOpenVotes(db: Database, limit: number) {
  return db
    .selectFrom("demand")
    .select(["demand.id", "demand.title", "demand.voting_ends_at as ends_at"])
    .where("demand.stage", "=", "voting")
    .where("demand.voting_ends_at", ">", sql<Date>`now()`)
    .orderBy("demand.voting_ends_at")
    .orderBy("demand.id")
    .limit(limit)
    .execute();
}

export const PETITION_PAGE_SIZE = 20;

/**
 * Petitions taking signatures, closing soonest first and open-ended ones last (petition_open_idx),
 * with their confirmed count (folded every few seconds) and goal. Offset pages over a bounded size;
 * asks for one row more than `limit` so a list can tell whether there is another page.
 */
export function listLivePetitions(db: Database, options: { limit: number; page?: number }) {
  return db
    .selectFrom("petition")
    .innerJoin("campaign", "campaign.id", "petition.campaign_id")
    .select([
      "petition.id",
      "petition.slug",
      "petition.title",
      "petition.ask",
      "petition.signature_count",
      "petition.goal",
      "petition.closes_at",
      "campaign.id as campaign_id",
      "campaign.title as campaign_title",
    ])
    .where("petition.status", "=", "open")
    .where((eb) => eb.or([eb("petition.closes_at", "is", null), eb("petition.closes_at", ">", sql<Date>`now()`)]))
    .orderBy("petition.closes_at")
    .orderBy("petition.id")
    .limit(options.limit + 1)
    .offset(((options.page ?? 1) - 1) * options.limit)
    .execute();
}

/** Campaigns running now, newest first (campaign_list_idx, whose order puts active ones first). */
export function listRunningCampaigns(db: Database, limit: number) {
  return db
    .selectFrom("campaign")
    .select(["campaign.id", "campaign.title", "campaign.pitch", "campaign.target", "campaign.ends_on"])
    .where("campaign.status", "=", "active")
    .orderBy(sql`(campaign.status = 'active')`, "desc")
    .orderBy("campaign.created_at", "desc")
    .orderBy("campaign.id", "desc")
    .limit(limit)
    .execute();
}

export type RecentWin = { kind: "campaign_won" | "demand_adopted"; id: number; title: string; at: Date };

/**
 * Campaigns won and demands adopted, newest first: the newest `limit` of each (campaign_won_idx,
 * demand_adopted_idx), merged. A demand counts as adopted when its vote closed (its deadline), and
 * stays adopted once campaigned for or won.
 */
export async function listRecentWins(db: Database, limit: number): Promise<RecentWin[]> {
  const [won, adopted] = await Promise.all([
    db
      .selectFrom("campaign")
      .select(["campaign.id", "campaign.title", "campaign.ended_at"])
      .where("campaign.status", "=", "won")
      .orderBy("campaign.ended_at", "desc")
      .orderBy("campaign.id", "desc")
      .limit(limit)
      .execute(),
    db
      .selectFrom("demand")
      .select(["demand.id", "demand.title", "demand.voting_ends_at"])
      .where("demand.stage", "in", ["adopted", "campaigning", "won"])
      .orderBy("demand.voting_ends_at", "desc")
      .orderBy("demand.id", "desc")
      .limit(limit)
      .execute(),
  ]);
  const wins: RecentWin[] = [
    ...won.map((c) => ({ kind: "campaign_won" as const, id: c.id, title: c.title, at: c.ended_at ?? new Date(0) })),
    ...adopted.map((d) => ({ kind: "demand_adopted" as const, id: d.id, title: d.title, at: d.voting_ends_at ?? new Date(0) })),
  ];
  return wins.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
