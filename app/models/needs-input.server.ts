import { sql } from "kysely";
import type { Database } from "../../db";
import { WAITING_COUNT_CAP } from "~/admin/waiting";

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

const CAMPAIGN_LIMIT = 20;
const ROW_LIMIT = 50;

/** Running campaigns the member organises, newest first (campaign_organiser_member_idx), at most 20. */
export function listOrganisedRunningCampaigns(db: Database, memberId: number) {
  return db
    .selectFrom("campaign_organiser")
    .innerJoin("campaign", "campaign.id", "campaign_organiser.campaign_id")
    .select(["campaign.id", "campaign.title"])
    .where("campaign_organiser.member_id", "=", memberId)
    .where("campaign.status", "=", "active")
    .orderBy("campaign.created_at", "desc")
    .orderBy("campaign.id", "desc")
    .limit(CAMPAIGN_LIMIT)
    .execute();
}

/**
 * Letter campaigns with letters held for an organiser's review, in running campaigns (the only ones
 * whose organisers can still decide), most held first. `campaignIds` narrows it to an organiser's
 * campaigns; without it, every running campaign (coalition admins). One query driven from the running
 * campaigns (a handful) to their letter campaigns; each count reads at most WAITING_COUNT_CAP entries
 * of letter_message_held_idx, so a long-neglected queue costs no more than a full one.
 */
export function listHeldLetters(db: Database, options: { campaignIds?: number[] } = {}) {
  if (options.campaignIds && options.campaignIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom("letter_campaign")
        .innerJoin("campaign", "campaign.id", "letter_campaign.campaign_id")
        .select([
          "letter_campaign.id",
          "letter_campaign.slug",
          "letter_campaign.title",
          "campaign.id as campaign_id",
          "campaign.title as campaign_title",
          (sub) =>
            sub
              .selectFrom((inner) =>
                inner
                  .selectFrom("letter_message")
                  .select("letter_message.id")
                  .whereRef("letter_message.letter_campaign_id", "=", "letter_campaign.id")
                  .where("letter_message.status", "=", "held")
                  .limit(WAITING_COUNT_CAP)
                  .as("w"),
              )
              .select(sql<number>`count(*)::int`.as("n"))
              .as("held"),
        ])
        .where("campaign.status", "=", "active")
        .$if(Boolean(options.campaignIds), (qb) => qb.where("campaign.id", "in", options.campaignIds!))
        .as("lc"),
    )
    .selectAll("lc")
    .where("lc.held", ">", 0)
    .$narrowType<{ held: number }>()
    .orderBy("lc.held", "desc")
    .orderBy("lc.id")
    .limit(ROW_LIMIT)
    .execute();
}

/**
 * The petitions of these campaigns that have signatures to show: open ones, and closed ones waiting
 * to be delivered (petition_campaign_idx), each with its confirmed count. Drafts and delivered ones
 * are left out: neither needs the organiser today.
 */
export function listCampaignPetitions(db: Database, campaignIds: number[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("petition")
    .select(["petition.id", "petition.slug", "petition.title", "petition.campaign_id", "petition.status", "petition.signature_count", "petition.goal"])
    .where("petition.campaign_id", "in", campaignIds)
    .where("petition.status", "in", ["open", "closed"])
    .orderBy("petition.campaign_id")
    .orderBy("petition.id")
    .limit(ROW_LIMIT)
    .execute();
}

/**
 * The organiser's running campaigns, each with its live and to-deliver petitions (with their counts)
 * and its letters held for review. Three bounded queries, whatever the number of campaigns.
 */
export async function listCampaignTasks(db: Database, memberId: number) {
  const campaigns = await listOrganisedRunningCampaigns(db, memberId);
  const ids = campaigns.map((c) => c.id);
  const [held, petitions] = await Promise.all([listHeldLetters(db, { campaignIds: ids }), listCampaignPetitions(db, ids)]);
  return campaigns.map((c) => ({
    ...c,
    heldLetters: held.filter((h) => h.campaign_id === c.id).map((h) => ({ slug: h.slug, title: h.title, held: h.held })),
    petitions: petitions
      .filter((p) => p.campaign_id === c.id)
      .map((p) => ({ slug: p.slug, title: p.title, status: p.status, signatures: p.signature_count, goal: p.goal })),
  }));
}

/**
 * How many organisations wait for verification, and how many comments and stories wait for a
 * moderator, in one query, each counted to WAITING_COUNT_CAP through its partial index
 * (organisation_pending_idx, comment_reported_idx, story_waiting_idx), so a neglected queue costs no
 * more than a short one.
 */
export async function countWaitingReviews(db: Database) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom((w) => w.selectFrom("organisation").select("organisation.id").where("organisation.status", "=", "pending").limit(WAITING_COUNT_CAP).as("w"))
        .select(sql<number>`count(*)::int`.as("n"))
        .as("organisations"),
      eb
        .selectFrom((w) => w.selectFrom("comment").select("comment.id").where("comment.open_reports", ">", 0).limit(WAITING_COUNT_CAP).as("w"))
        .select(sql<number>`count(*)::int`.as("n"))
        .as("comments"),
      eb
        .selectFrom((w) => w.selectFrom("story").select("story.id").where("story.status", "=", "waiting").limit(WAITING_COUNT_CAP).as("w"))
        .select(sql<number>`count(*)::int`.as("n"))
        .as("stories"),
    ])
    .executeTakeFirstOrThrow();
  return { organisations: row.organisations ?? 0, comments: row.comments ?? 0, stories: row.stories ?? 0 };
}

/**
 * Waiting work for the coalition team, for the kinds this person may do (null where they may not):
 * organisations to verify and held letters (admins), reported comments and stories waiting for
 * review (admins and moderators).
 */
export async function countWaitingWork(db: Database, may: { verify: boolean; moderate: boolean; reviewLetters: boolean }) {
  const [reviews, heldLetters] = await Promise.all([may.verify || may.moderate ? countWaitingReviews(db) : null, may.reviewLetters ? listHeldLetters(db) : null]);
  return {
    organisations: may.verify ? reviews!.organisations : null,
    comments: may.moderate ? reviews!.comments : null,
    stories: may.moderate ? reviews!.stories : null,
    heldLetters: heldLetters?.map((h) => ({ slug: h.slug, title: h.title, campaignTitle: h.campaign_title, held: h.held })) ?? null,
  };
}
