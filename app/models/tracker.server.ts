import { sql, type ExpressionBuilder, type SelectQueryBuilder } from "kysely";
import type { Database } from "../../db";
import type { AskStatus, DB, Topic } from "../../db/schema";
import type { AskRow } from "~/accountability/ask-view";

/**
 * What the public sees of asks: the tracker, its JSON and CSV, the campaign and demand pages and a
 * decision maker's page. Every query here selects the AskRow columns and never a decision maker's
 * email address (askWithContext in ask.server.ts, for organisers and mail, does).
 */

export interface AskFilters {
  status: AskStatus | null;
  targetId: number | null;
  topic: Topic | null;
  body: string | null;
  demandId: number | null;
}

const PUBLIC_STAGES = ["campaigning", "won", "closed"] as const;

type AskJoins = "ask" | "target" | "campaign" | "demand" | "petition" | "letter_campaign";

/** Asks with their decision maker, campaign, demand, petition and letter campaign: the AskRow columns. */
function publicAsks(db: Database | ExpressionBuilder<DB, never>) {
  return (db as Database)
    .selectFrom("ask")
    .innerJoin("target", "target.id", "ask.target_id")
    .innerJoin("campaign", "campaign.id", "ask.campaign_id")
    .innerJoin("demand", "demand.id", "campaign.demand_id")
    .leftJoin("petition", "petition.id", "ask.petition_id")
    .leftJoin("letter_campaign", "letter_campaign.id", "ask.letter_campaign_id")
    .select([
      "ask.id",
      "ask.campaign_id",
      "campaign.title as campaign_title",
      "campaign.demand_id",
      "demand.title as demand_title",
      "ask.target_id",
      "target.name as target_name",
      "target.role as target_role",
      "target.body as target_body",
      "ask.request",
      "ask.channel",
      "ask.link",
      "petition.slug as petition_slug",
      "petition.title as petition_title",
      "letter_campaign.slug as letter_campaign_slug",
      "letter_campaign.title as letter_campaign_title",
      "ask.threshold",
      "ask.asked_on",
      "ask.status",
      "ask.status_on",
      "ask.summary",
    ]);
}

/** The filters that narrow asks (the topic and demand narrow demands, applied to the campaign's demand). */
function whereAsksMatch<O>(qb: SelectQueryBuilder<DB, "ask" | "target" | "campaign" | "demand", O>, f: AskFilters) {
  return qb
    .$if(f.status !== null, (q) => q.where("ask.status", "=", f.status!))
    .$if(f.targetId !== null, (q) => q.where("ask.target_id", "=", f.targetId!))
    .$if(f.body !== null, (q) => q.where("target.body", "=", f.body!))
    .$if(f.topic !== null, (q) => q.where(sql<boolean>`demand.topics @> array[${f.topic}]::text[]`))
    .$if(f.demandId !== null, (q) => q.where("demand.id", "=", f.demandId!))
    .where("demand.stage", "in", PUBLIC_STAGES);
}

const narrowsAsks = (f: AskFilters) => f.status !== null || f.targetId !== null || f.body !== null;

/**
 * A page of the tracker: adopted demands with a campaign, newest campaign first. With a filter on the
 * asks (status, decision maker, body) only demands with a matching ask are listed. One row more than
 * the page says whether there is a next page.
 */
export function listTrackerDemands(db: Database, f: AskFilters, page: number, pageSize: number) {
  return db
    .selectFrom("campaign")
    .innerJoin("demand", "demand.id", "campaign.demand_id")
    .select(["campaign.id as campaign_id", "campaign.title as campaign_title", "campaign.status as campaign_status", "demand.id as demand_id", "demand.title as demand_title", "demand.topics"])
    .where("demand.stage", "in", PUBLIC_STAGES)
    .$if(f.topic !== null, (q) => q.where(sql<boolean>`demand.topics @> array[${f.topic}]::text[]`))
    .$if(f.demandId !== null, (q) => q.where("demand.id", "=", f.demandId!))
    .$if(narrowsAsks(f), (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("ask")
            .innerJoin("target", "target.id", "ask.target_id")
            .select(sql`1`.as("one"))
            .whereRef("ask.campaign_id", "=", "campaign.id")
            .$if(f.status !== null, (s) => s.where("ask.status", "=", f.status!))
            .$if(f.targetId !== null, (s) => s.where("ask.target_id", "=", f.targetId!))
            .$if(f.body !== null, (s) => s.where("target.body", "=", f.body!)),
        ),
      ),
    )
    .orderBy("campaign.id", "desc")
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .execute();
}

/** The newest-moved asks of each of these campaigns (at most `perCampaign` each), matching the filters: one query. */
export async function listAsksOfCampaigns(db: Database, campaignIds: number[], f: AskFilters, perCampaign: number): Promise<AskRow[]> {
  if (!campaignIds.length) return [];
  const rows = await db
    .selectFrom("campaign as page")
    .innerJoinLateral(
      (eb) =>
        whereAsksMatch(publicAsks(eb as never) as SelectQueryBuilder<DB, AskJoins, AskRow>, f)
          .whereRef("ask.campaign_id", "=", sql.ref("page.id"))
          .orderBy("ask.status_on", "desc")
          .orderBy("ask.id", "desc")
          .limit(perCampaign)
          .as("a"),
      (join) => join.onTrue(),
    )
    .selectAll("a")
    .where("page.id", "in", campaignIds)
    .execute();
  return rows as AskRow[];
}

/** How the asks of these campaigns stand, by status, under the filters. */
export async function countAsksOfCampaigns(db: Database, campaignIds: number[], f: AskFilters) {
  if (!campaignIds.length) return [];
  return whereAsksMatch(db.selectFrom("ask").innerJoin("target", "target.id", "ask.target_id").innerJoin("campaign", "campaign.id", "ask.campaign_id").innerJoin("demand", "demand.id", "campaign.demand_id"), f)
    .select(["ask.campaign_id", "ask.status", (eb) => eb.fn.countAll<string>().as("n")])
    .where("ask.campaign_id", "in", campaignIds)
    .groupBy(["ask.campaign_id", "ask.status"])
    .execute()
    .then((rows) => rows.map((r) => ({ campaignId: r.campaign_id, status: r.status, n: Number(r.n) })));
}

/**
 * Every public ask by status, under the filters. Unfiltered (or one decision maker) it reads the
 * tallies the triggers keep, so it costs the same however many asks there are; other filters count
 * the asks they select.
 */
export async function countAsksByStatus(db: Database, f: AskFilters): Promise<Array<{ status: AskStatus; n: number }>> {
  if (!f.status && !f.body && !f.topic && !f.demandId) {
    const rows = await db
      .selectFrom("decision_maker_tally")
      .select(["measure", (eb) => eb.fn.sum<string>("n").as("n")])
      .where("measure", "like", "ask\\_%")
      .$if(f.targetId !== null, (q) => q.where("target_id", "=", f.targetId!))
      .groupBy("measure")
      .execute();
    return rows.map((r) => ({ status: r.measure.slice(4) as AskStatus, n: Number(r.n) }));
  }
  const rows = await whereAsksMatch(db.selectFrom("ask").innerJoin("target", "target.id", "ask.target_id").innerJoin("campaign", "campaign.id", "ask.campaign_id").innerJoin("demand", "demand.id", "campaign.demand_id"), f)
    .select(["ask.status", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy("ask.status")
    .execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

/** The decision makers and bodies that have been asked anything, for the tracker's filters (read from the tallies). */
export function listAskedDecisionMakers(db: Database) {
  return db
    .selectFrom("target")
    .select(["target.id", "target.name", "target.role", "target.body"])
    .where((eb) => eb.exists(eb.selectFrom("decision_maker_tally").select(sql`1`.as("one")).whereRef("decision_maker_tally.target_id", "=", "target.id").where("measure", "like", "ask\\_%").where("n", ">", 0)))
    .orderBy(sql`lower(target.name)`)
    .orderBy("target.id")
    .limit(1000)
    .execute();
}

/** The newest-moved asks of one campaign, for its page and its demand's page. */
export function listLatestCampaignAsks(db: Database, campaignId: number, limit: number): Promise<AskRow[]> {
  return publicAsks(db).where("ask.campaign_id", "=", campaignId).orderBy("ask.status_on", "desc").orderBy("ask.id", "desc").limit(limit).execute();
}

/** A decision maker's asks, newest first, a page at a time (one more row says whether there is a next page). */
export function listDecisionMakerAsks(db: Database, targetId: number, page: number, pageSize: number): Promise<AskRow[]> {
  return publicAsks(db)
    .where("ask.target_id", "=", targetId)
    .where("demand.stage", "in", PUBLIC_STAGES)
    .orderBy("ask.asked_on", "desc")
    .orderBy("ask.id", "desc")
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .execute();
}

/** Asks for the CSV, in id order after `afterId`: keyset batches, so the export never holds the table in memory. */
export function listAsksForExport(db: Database, f: AskFilters, afterId: number, limit: number) {
  return whereAsksMatch(publicAsks(db), f)
    .select((eb) => [
      "campaign.status as campaign_status",
      eb.selectFrom("ask_response").select((r) => r.fn.max("received_on").as("latest")).whereRef("ask_response.ask_id", "=", "ask.id").as("latest_response_on"),
    ])
    .where("ask.id", ">", afterId)
    .orderBy("ask.id")
    .limit(limit)
    .execute();
}
