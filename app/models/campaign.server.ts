import { sql } from "kysely";
import type { Database } from "../../db";
import type { CampaignEventKind, CampaignStatus, Topic } from "../../db/schema";

export interface CampaignFields {
  title: string;
  pitch: string;
  ask: string;
  target: string;
  endsOn: string | null;
}

export async function insertCampaign(db: Database, demandId: number, startedBy: number, fields: CampaignFields) {
  const row = await db
    .insertInto("campaign")
    .values({ demand_id: demandId, started_by: startedBy, title: fields.title, pitch: fields.pitch, ask: fields.ask, target: fields.target, ends_on: fields.endsOn })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCampaignFields(db: Database, campaignId: number, fields: CampaignFields) {
  await db
    .updateTable("campaign")
    .set({ title: fields.title, pitch: fields.pitch, ask: fields.ask, target: fields.target, ends_on: fields.endsOn })
    .where("id", "=", campaignId)
    .execute();
}

export function getCampaign(db: Database, id: number) {
  return db
    .selectFrom("campaign")
    .innerJoin("demand", "demand.id", "campaign.demand_id")
    .selectAll("campaign")
    .select(["demand.title as demand_title", "demand.summary as demand_summary", "demand.easy_read as demand_easy_read", "demand.topics as demand_topics", "demand.stage as demand_stage"])
    .where("campaign.id", "=", id)
    .executeTakeFirst();
}

export function getCampaignTitle(db: Database, id: number) {
  return db.selectFrom("campaign").select(["id", "title"]).where("id", "=", id).executeTakeFirst();
}

/** What a letter campaign's pages need of its campaign. */
export function getCampaignHeading(db: Database, id: number) {
  return db.selectFrom("campaign").select(["id", "title", "status"]).where("id", "=", id).executeTakeFirstOrThrow();
}

export function getCampaignForUpdate(db: Database, id: number) {
  return db.selectFrom("campaign").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export function getCampaignForDemand(db: Database, demandId: number) {
  return db.selectFrom("campaign").select(["id", "title", "status"]).where("demand_id", "=", demandId).executeTakeFirst();
}

export async function setCampaignStatus(db: Database, campaignId: number, from: CampaignStatus, to: CampaignStatus) {
  const row = await db
    .updateTable("campaign")
    .set({ status: to, ended_at: to === "active" ? null : new Date() })
    .where("id", "=", campaignId)
    .where("status", "=", from)
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

export const CAMPAIGN_PAGE_SIZE = 20;

/** The public list: active first, then newest; optionally one topic (the demand's). Offset pages over a bounded size. */
export function listCampaigns(db: Database, options: { topic?: Topic; status?: "active" | "past"; page: number }) {
  return db
    .selectFrom("campaign")
    .innerJoin("demand", "demand.id", "campaign.demand_id")
    .select([
      "campaign.id",
      "campaign.title",
      "campaign.pitch",
      "campaign.target",
      "campaign.status",
      "campaign.ends_on",
      "campaign.created_at",
      "demand.topics",
      (eb) => eb.selectFrom("campaign_partner").select(sql<number>`count(*)::int`.as("n")).whereRef("campaign_partner.campaign_id", "=", "campaign.id").as("partner_count"),
    ])
    .$if(Boolean(options.topic), (qb) => qb.where(sql<boolean>`demand.topics @> array[${options.topic!}]::text[]`))
    .$if(options.status === "active", (qb) => qb.where("campaign.status", "=", "active"))
    .$if(options.status === "past", (qb) => qb.where("campaign.status", "!=", "active"))
    .orderBy(sql`(campaign.status = 'active')`, "desc")
    .orderBy("campaign.created_at", "desc")
    .orderBy("campaign.id", "desc")
    .limit(CAMPAIGN_PAGE_SIZE + 1)
    .offset((options.page - 1) * CAMPAIGN_PAGE_SIZE)
    .execute();
}

export async function addOrganiser(db: Database, campaignId: number, memberId: number, options: { lead?: boolean; organisationId?: number | null } = {}) {
  const row = await db
    .insertInto("campaign_organiser")
    .values({ campaign_id: campaignId, member_id: memberId, lead: options.lead ?? false, organisation_id: options.organisationId ?? null })
    .onConflict((oc) => oc.doNothing())
    .returning("member_id")
    .executeTakeFirst();
  return Boolean(row);
}

/** Removes a co-organiser; the lead organiser stays. */
export async function removeOrganiser(db: Database, campaignId: number, memberId: number) {
  const row = await db.deleteFrom("campaign_organiser").where("campaign_id", "=", campaignId).where("member_id", "=", memberId).where("lead", "=", false).returning("member_id").executeTakeFirst();
  return Boolean(row);
}

export async function isOrganiser(db: Database, campaignId: number, memberId: number) {
  return Boolean(await db.selectFrom("campaign_organiser").select("member_id").where("campaign_id", "=", campaignId).where("member_id", "=", memberId).executeTakeFirst());
}

/** Whether the member organises any running campaign (those may keep the decision-maker directory). */
export async function organisesActiveCampaign(db: Database, memberId: number) {
  const row = await db
    .selectFrom("campaign_organiser")
    .innerJoin("campaign", "campaign.id", "campaign_organiser.campaign_id")
    .select(sql`1`.as("x"))
    .where("campaign_organiser.member_id", "=", memberId)
    .where("campaign.status", "=", "active")
    .executeTakeFirst();
  return Boolean(row);
}

export function listOrganisers(db: Database, campaignId: number) {
  return db
    .selectFrom("campaign_organiser")
    .innerJoin("member", "member.id", "campaign_organiser.member_id")
    .leftJoin("organisation", "organisation.id", "campaign_organiser.organisation_id")
    .select(["member.id", "member.display_name", "campaign_organiser.lead", "organisation.name as organisation_name", "organisation.slug as organisation_slug"])
    .where("campaign_organiser.campaign_id", "=", campaignId)
    .where("member.deleted_at", "is", null)
    .orderBy("campaign_organiser.lead", "desc")
    .orderBy("campaign_organiser.added_at")
    .limit(100)
    .execute();
}

export async function addPartner(db: Database, campaignId: number, organisationId: number) {
  await db.insertInto("campaign_partner").values({ campaign_id: campaignId, organisation_id: organisationId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function removePartner(db: Database, campaignId: number, organisationId: number) {
  await db.deleteFrom("campaign_partner").where("campaign_id", "=", campaignId).where("organisation_id", "=", organisationId).execute();
}

export function listPartners(db: Database, campaignId: number) {
  return db
    .selectFrom("campaign_partner")
    .innerJoin("organisation", "organisation.id", "campaign_partner.organisation_id")
    .select(["organisation.id", "organisation.name", "organisation.slug", "organisation.status"])
    .where("campaign_partner.campaign_id", "=", campaignId)
    .orderBy("organisation.name")
    .limit(100)
    .execute();
}

/** Verified organisations that endorse the demand (and have not withdrawn): the ones that may be partners. */
export function listEligiblePartners(db: Database, demandId: number) {
  return db
    .selectFrom("endorsement")
    .innerJoin("organisation", "organisation.id", "endorsement.organisation_id")
    .select(["organisation.id", "organisation.name"])
    .where("endorsement.demand_id", "=", demandId)
    .where("endorsement.withdrawn_at", "is", null)
    .where("organisation.status", "=", "verified")
    .orderBy("organisation.name")
    .limit(100)
    .execute();
}

export async function insertCampaignEvent(
  db: Database,
  event: { campaignId: number; kind: CampaignEventKind; title: string; body?: string; link?: string | null; happenedOn: string; authorId: number | null },
) {
  const row = await db
    .insertInto("campaign_event")
    .values({ campaign_id: event.campaignId, kind: event.kind, title: event.title, body: event.body ?? "", link: event.link ?? null, happened_on: event.happenedOn, author_id: event.authorId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export const TIMELINE_PAGE_SIZE = 20;

/** A page of the timeline, newest first (by the date it happened, then by entry). */
export function listCampaignEvents(db: Database, campaignId: number, page: number) {
  return db
    .selectFrom("campaign_event")
    .leftJoin("member", "member.id", "campaign_event.author_id")
    .select(["campaign_event.id", "campaign_event.kind", "campaign_event.title", "campaign_event.body", "campaign_event.link", "campaign_event.happened_on", "campaign_event.created_at", "member.display_name as author_name"])
    .where("campaign_event.campaign_id", "=", campaignId)
    .orderBy("campaign_event.happened_on", "desc")
    .orderBy("campaign_event.id", "desc")
    .limit(TIMELINE_PAGE_SIZE + 1)
    .offset((page - 1) * TIMELINE_PAGE_SIZE)
    .execute();
}

/** Timeline entries per ISO week (Monday), for the dashboard's chart: bounded by the campaign's length. */
export async function countEventsByWeek(db: Database, campaignId: number) {
  const rows = await db
    .selectFrom("campaign_event")
    .select([sql<string>`to_char(date_trunc('week', happened_on), 'YYYY-MM-DD')`.as("week"), sql<number>`count(*)::int`.as("entries")])
    .where("campaign_id", "=", campaignId)
    .groupBy(sql`date_trunc('week', happened_on)`)
    .orderBy(sql`date_trunc('week', happened_on)`)
    .limit(520)
    .execute();
  return rows;
}

/** Campaigns the member organises, for their dashboard links. */
export function listOrganisedCampaigns(db: Database, memberId: number) {
  return db
    .selectFrom("campaign_organiser")
    .innerJoin("campaign", "campaign.id", "campaign_organiser.campaign_id")
    .select(["campaign.id", "campaign.title", "campaign.status"])
    .where("campaign_organiser.member_id", "=", memberId)
    .orderBy("campaign.created_at", "desc")
    .limit(50)
    .execute();
}

/** Every campaign with its figures, for the coalition's overview (admins). */
export function listCampaignOverview(db: Database, page: number) {
  return db
    .selectFrom("campaign")
    .select([
      "campaign.id",
      "campaign.title",
      "campaign.status",
      "campaign.created_at",
      "campaign.ends_on",
      (eb) => eb.selectFrom("campaign_organiser").select(sql<number>`count(*)::int`.as("n")).whereRef("campaign_organiser.campaign_id", "=", "campaign.id").as("organisers"),
      (eb) => eb.selectFrom("campaign_partner").select(sql<number>`count(*)::int`.as("n")).whereRef("campaign_partner.campaign_id", "=", "campaign.id").as("partners"),
      (eb) => eb.selectFrom("campaign_event").select(sql<number>`count(*)::int`.as("n")).whereRef("campaign_event.campaign_id", "=", "campaign.id").where("campaign_event.kind", "=", "update").as("updates"),
      (eb) => eb.selectFrom("campaign_event").select(sql<string | null>`max(happened_on)::text`.as("d")).whereRef("campaign_event.campaign_id", "=", "campaign.id").as("last_entry_on"),
    ])
    .orderBy(sql`(campaign.status = 'active')`, "desc")
    .orderBy("campaign.created_at", "desc")
    .orderBy("campaign.id", "desc")
    .limit(CAMPAIGN_PAGE_SIZE + 1)
    .offset((page - 1) * CAMPAIGN_PAGE_SIZE)
    .execute();
}

/**
 * The verified organisations each of these members is publicly listed in, in one query (for "acting
 * for" choices). Unlisted memberships stay private: an organiser searching by name must not learn them.
 */
export async function listVerifiedOrganisationsOf(db: Database, memberIds: number[]) {
  if (memberIds.length === 0) return new Map<number, Array<{ id: number; name: string }>>();
  const rows = await db
    .selectFrom("organisation_membership")
    .innerJoin("organisation", "organisation.id", "organisation_membership.organisation_id")
    .select(["organisation_membership.member_id", "organisation.id", "organisation.name"])
    .where("organisation_membership.member_id", "in", memberIds)
    .where("organisation_membership.listed", "=", true)
    .where("organisation.status", "=", "verified")
    .orderBy("organisation.name")
    .execute();
  const byMember = new Map<number, Array<{ id: number; name: string }>>();
  for (const r of rows) byMember.set(r.member_id, [...(byMember.get(r.member_id) ?? []), { id: r.id, name: r.name }]);
  return byMember;
}
