import { sql } from "kysely";
import type { Database } from "../../db";
import type { DecisionRule, DemandOutcome, DemandStage, Topic } from "../../db/schema";
import { follow } from "./follow.server";

export interface DemandText {
  title: string;
  summary: string;
  body: string;
  easyRead: string;
}

export async function insertDemand(
  db: Database,
  demand: DemandText & { topics: Topic[]; organisationId: number | null; createdBy: number },
) {
  const row = await db
    .insertInto("demand")
    .values({
      title: demand.title,
      summary: demand.summary,
      body: demand.body,
      easy_read: demand.easyRead,
      topics: demand.topics,
      organisation_id: demand.organisationId,
      created_by: demand.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("demand_author").values({ demand_id: row.id, member_id: demand.createdBy, lead: true }).execute();
  await db
    .insertInto("demand_revision")
    .values({ demand_id: row.id, number: 1, title: demand.title, summary: demand.summary, body: demand.body, easy_read: demand.easyRead, author_id: demand.createdBy, note: "First draft" })
    .execute();
  return row.id;
}

export function getDemand(db: Database, id: number) {
  return db.selectFrom("demand").selectAll().where("id", "=", id).executeTakeFirst();
}

export function getDemandForUpdate(db: Database, id: number) {
  return db.selectFrom("demand").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export function getDemandTitle(db: Database, id: number) {
  return db.selectFrom("demand").select("title").where("id", "=", id).executeTakeFirstOrThrow();
}

/** Whether a vote is open, under a shared lock: many votes at once, but none while the close job holds the row. */
export function getVotingStateForShare(db: Database, id: number) {
  return db.selectFrom("demand").select(["stage", "voting_ends_at"]).where("id", "=", id).forShare().executeTakeFirst();
}

export async function isDemandAuthor(db: Database, demandId: number, memberId: number) {
  const row = await db.selectFrom("demand_author").select("member_id").where("demand_id", "=", demandId).where("member_id", "=", memberId).executeTakeFirst();
  return Boolean(row);
}

/** A demand's authors, the proposer first; `deleted_at` is set for an account since deleted ("Former member"). */
export function listDemandAuthors(db: Database, demandId: number) {
  return db
    .selectFrom("demand_author")
    .innerJoin("member", "member.id", "demand_author.member_id")
    .select(["member.id", "member.display_name", "member.deleted_at", "demand_author.lead"])
    .where("demand_author.demand_id", "=", demandId)
    .orderBy("demand_author.lead", "desc")
    .orderBy("demand_author.added_at")
    .execute();
}

export async function addDemandAuthor(db: Database, demandId: number, memberId: number) {
  await db.insertInto("demand_author").values({ demand_id: demandId, member_id: memberId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function removeDemandAuthor(db: Database, demandId: number, memberId: number) {
  await db.deleteFrom("demand_author").where("demand_id", "=", demandId).where("member_id", "=", memberId).where("lead", "=", false).execute();
}

/** Writes the next numbered revision and makes it the demand's current text. */
export async function insertRevision(
  db: Database,
  demandId: number,
  revision: DemandText & { authorId: number | null; note: string; amendmentId?: number | null },
) {
  const demand = await db
    .updateTable("demand")
    .set((eb) => ({
      title: revision.title,
      summary: revision.summary,
      body: revision.body,
      easy_read: revision.easyRead,
      current_revision: eb("current_revision", "+", 1),
      last_activity_at: new Date(),
    }))
    .where("id", "=", demandId)
    .returning("current_revision")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("demand_revision")
    .values({
      demand_id: demandId,
      number: demand.current_revision,
      title: revision.title,
      summary: revision.summary,
      body: revision.body,
      easy_read: revision.easyRead,
      author_id: revision.authorId,
      note: revision.note,
      amendment_id: revision.amendmentId ?? null,
    })
    .execute();
  return demand.current_revision;
}

export function listRevisions(db: Database, demandId: number) {
  return db
    .selectFrom("demand_revision")
    .leftJoin("member", "member.id", "demand_revision.author_id")
    .select(["demand_revision.number", "demand_revision.note", "demand_revision.created_at", "demand_revision.amendment_id", "member.display_name as author_name"])
    .where("demand_revision.demand_id", "=", demandId)
    .orderBy("demand_revision.number", "desc")
    .limit(500)
    .execute();
}

export function getRevision(db: Database, demandId: number, number: number) {
  return db.selectFrom("demand_revision").selectAll().where("demand_id", "=", demandId).where("number", "=", number).executeTakeFirst();
}

export async function setDemandStage(
  db: Database,
  demandId: number,
  from: DemandStage[],
  to: DemandStage,
  fields: { consultationEndsAt?: Date; votingEndsAt?: Date; decisionRule?: DecisionRule; quorum?: number | null; liveResults?: boolean; outcome?: DemandOutcome } = {},
) {
  const row = await db
    .updateTable("demand")
    .set({
      stage: to,
      last_activity_at: new Date(),
      ...(fields.consultationEndsAt ? { consultation_ends_at: fields.consultationEndsAt } : {}),
      ...(fields.votingEndsAt ? { voting_ends_at: fields.votingEndsAt, voting_opened_at: new Date() } : {}),
      ...(fields.decisionRule ? { decision_rule: fields.decisionRule } : {}),
      ...(fields.quorum !== undefined ? { quorum: fields.quorum } : {}),
      ...(fields.liveResults !== undefined ? { live_results: fields.liveResults } : {}),
      ...(fields.outcome ? { outcome: JSON.stringify(fields.outcome) } : {}),
    })
    .where("id", "=", demandId)
    .where("stage", "in", from)
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

export async function recordDemandEvent(
  db: Database,
  event: { demandId: number; actorId: number | null; from: DemandStage | null; to: DemandStage; reason?: string; detail?: Record<string, unknown> },
) {
  await db
    .insertInto("demand_event")
    .values({ demand_id: event.demandId, actor_id: event.actorId, from_stage: event.from, to_stage: event.to, reason: event.reason ?? "", detail: JSON.stringify(event.detail ?? {}) })
    .execute();
}

export function listDemandEvents(db: Database, demandId: number) {
  return db
    .selectFrom("demand_event")
    .leftJoin("member", "member.id", "demand_event.actor_id")
    .select(["demand_event.id", "demand_event.from_stage", "demand_event.to_stage", "demand_event.reason", "demand_event.detail", "demand_event.created_at", "member.display_name as actor_name"])
    .where("demand_event.demand_id", "=", demandId)
    .orderBy("demand_event.id")
    .limit(200)
    .execute();
}

export async function followDemand(db: Database, demandId: number, memberId: number) {
  await follow(db, `demand:${demandId}`, memberId);
}

export async function isFollowing(db: Database, demandId: number, memberId: number) {
  return Boolean(await db.selectFrom("follow").select("member_id").where("subject", "=", `demand:${demandId}`).where("member_id", "=", memberId).executeTakeFirst());
}

export const DEMAND_PAGE_SIZE = 20;
export type DemandSort = "open_first" | "newest" | "supported_amendments" | "closing_soon";

/** The public list: filters, full-text search and a sort, paginated by offset over a bounded page size. */
export function listDemands(
  db: Database,
  options: { stage?: DemandStage; topic?: Topic; organisationId?: number; query?: string; sort: DemandSort; page: number; viewerId?: number | null },
) {
  const tsquery = options.query ? sql`websearch_to_tsquery('english', ${options.query})` : null;
  let q = db
    .selectFrom("demand")
    .leftJoin("organisation", "organisation.id", "demand.organisation_id")
    .select([
      "demand.id",
      "demand.title",
      "demand.summary",
      "demand.stage",
      "demand.topics",
      "demand.created_at",
      "demand.voting_ends_at",
      "demand.consultation_ends_at",
      "organisation.name as organisation_name",
      "organisation.slug as organisation_slug",
      "demand.comment_count",
      // Decided demands show how much support they had; the totals are part of the stored outcome.
      sql<{ support: number; oppose: number; abstain: number } | null>`demand.outcome->'totals'`.as("final_totals"),
      // Endorsements per demand are bounded by the number of organisations, and indexed by demand.
      (eb) => eb.selectFrom("endorsement").select(sql<number>`count(*)::int`.as("n")).whereRef("endorsement.demand_id", "=", "demand.id").where("endorsement.withdrawn_at", "is", null).as("endorsement_count"),
    ])
    // Drafts are private to their authors, everywhere.
    .where((eb) =>
      eb.or([
        eb("demand.stage", "!=", "draft"),
        ...(options.viewerId ? [eb.exists(eb.selectFrom("demand_author").select("member_id").whereRef("demand_author.demand_id", "=", "demand.id").where("demand_author.member_id", "=", options.viewerId))] : []),
      ]),
    )
    .$if(Boolean(options.stage), (qb) => qb.where("demand.stage", "=", options.stage!))
    .$if(Boolean(options.topic), (qb) => qb.where(sql<boolean>`demand.topics @> array[${options.topic!}]::text[]`))
    .$if(Boolean(options.organisationId), (qb) => qb.where("demand.organisation_id", "=", options.organisationId!))
    .$if(Boolean(tsquery), (qb) => qb.where(sql<boolean>`demand.search @@ ${tsquery}`));

  if (options.sort === "closing_soon") {
    q = q
      .where("demand.stage", "in", ["consultation", "voting"])
      .orderBy(sql`coalesce(demand.voting_ends_at, demand.consultation_ends_at)`, "asc");
  } else if (options.sort === "supported_amendments") {
    q = q.orderBy(
      (eb) => eb.selectFrom("amendment").select(sql<number>`coalesce(sum(support_count), 0)`.as("s")).whereRef("amendment.demand_id", "=", "demand.id"),
      "desc",
    );
  }
  // Open demands (the ones members can still shape or vote on) first; the expression matches
  // demand_public_open_first_idx, so the first page is read from the index.
  if (options.sort === "open_first") q = q.orderBy(sql`(demand.stage in ('consultation', 'voting'))`, "desc");
  if (tsquery && (options.sort === "newest" || options.sort === "open_first")) q = q.orderBy(sql`ts_rank(demand.search, ${tsquery})`, "desc");
  return q
    .orderBy("demand.created_at", "desc")
    .orderBy("demand.id", "desc")
    .limit(DEMAND_PAGE_SIZE + 1)
    .offset((options.page - 1) * DEMAND_PAGE_SIZE)
    .execute();
}

export function listDueVotingDemands(db: Database) {
  return db.selectFrom("demand").select("id").where("stage", "=", "voting").where("voting_ends_at", "<=", new Date()).limit(100).execute();
}

export function listEndorsements(db: Database, demandId: number) {
  return db
    .selectFrom("endorsement")
    .innerJoin("organisation", "organisation.id", "endorsement.organisation_id")
    .select(["organisation.id", "organisation.name", "organisation.slug", "organisation.status", "endorsement.statement", "endorsement.created_at"])
    .where("endorsement.demand_id", "=", demandId)
    .where("endorsement.withdrawn_at", "is", null)
    .orderBy("endorsement.created_at")
    .limit(200)
    .execute();
}

export function listOrganisationEndorsements(db: Database, organisationId: number) {
  return db
    .selectFrom("endorsement")
    .innerJoin("demand", "demand.id", "endorsement.demand_id")
    .select(["demand.id", "demand.title", "demand.stage", "endorsement.statement", "endorsement.created_at"])
    .where("endorsement.organisation_id", "=", organisationId)
    .where("endorsement.withdrawn_at", "is", null)
    .orderBy("endorsement.created_at", "desc")
    .limit(100)
    .execute();
}

/** An organisation's endorsement of a demand, if it ever made one (withdrawn or not). */
export function getEndorsement(db: Database, demandId: number, organisationId: number) {
  return db.selectFrom("endorsement").select("withdrawn_at").where("demand_id", "=", demandId).where("organisation_id", "=", organisationId).executeTakeFirst();
}

export async function upsertEndorsement(db: Database, demandId: number, organisationId: number, statement: string, memberId: number) {
  await db
    .insertInto("endorsement")
    .values({ demand_id: demandId, organisation_id: organisationId, statement, endorsed_by: memberId })
    .onConflict((oc) => oc.columns(["demand_id", "organisation_id"]).doUpdateSet({ statement, endorsed_by: memberId, withdrawn_at: null, created_at: new Date() }))
    .execute();
}

export async function withdrawEndorsement(db: Database, demandId: number, organisationId: number) {
  await db.updateTable("endorsement").set({ withdrawn_at: new Date() }).where("demand_id", "=", demandId).where("organisation_id", "=", organisationId).execute();
}

/** Moves a vote's deadline (the demo and tests put it in the past, as time would). */
export async function setVotingDeadline(db: Database, demandId: number, endsAt: Date) {
  await db.updateTable("demand").set({ voting_ends_at: endsAt }).where("id", "=", demandId).execute();
}
