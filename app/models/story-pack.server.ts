import { sql, type Expression, type RawBuilder } from "kysely";
import type { Database } from "../../db";
import { storyCard } from "./story.server";

/**
 * Story packs: the quotable stories a campaign carries to decision makers with a petition delivery or
 * an ask, printed. Whether a story may be in a pack is ONE rule, quotableFor(), used when the pack is
 * made and again at every render, so a teller who withdraws, un-ticks quotation or narrows who may
 * read their story drops out of every pack at the next request.
 */

/** The most stories one pack carries (and the most offered as checkboxes): a bounded page and print. */
export const MAX_PACK_STORIES = 200;
export const PACKS_PAGE_SIZE = 100;

/**
 * Whether `story` (in scope as "story") may be quoted in a pack of this campaign: published, its teller
 * agreed to quotation, it relates to the campaign's demand, and its audience lets the campaign's
 * organisers read it (anyone, members, or organisers of named campaigns including this one). The
 * organiser-only audience is read for the campaign, not for a particular organiser: a pack is the
 * campaign's, made and read only by its organisers.
 */
export function quotableFor(campaignId: number | Expression<number>): RawBuilder<boolean> {
  const campaign = typeof campaignId === "number" ? sql.val(campaignId) : campaignId;
  return sql<boolean>`(
    story.status = 'published'
    and story.may_quote
    and exists (
      select 1 from story_demand join campaign on campaign.demand_id = story_demand.demand_id
      where story_demand.story_id = story.id and campaign.id = ${campaign}
    )
    and (
      story.audience in ('public', 'members')
      or exists (select 1 from story_audience_campaign where story_audience_campaign.story_id = story.id and story_audience_campaign.campaign_id = ${campaign})
    )
  )`;
}

/** The stories an organiser may put in a new pack, newest first: one more than the bound, to say there are more. */
export function listQuotableStories(db: Database, campaignId: number, limit = MAX_PACK_STORIES) {
  return storyCard(db)
    .where(quotableFor(campaignId))
    .orderBy("story.published_at", "desc")
    .orderBy("story.id", "desc")
    .limit(limit + 1)
    .execute();
}

/**
 * Of these story ids, those quotable now for the campaign, locked against a withdrawal or consent
 * change racing the pack (those lock the story row for update).
 */
export function lockQuotableStoryIds(db: Database, campaignId: number, storyIds: readonly number[]) {
  if (storyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("story")
    .select("story.id")
    .where("story.id", "in", [...storyIds])
    .where(quotableFor(campaignId))
    .forShare()
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

export interface NewStoryPack {
  campaignId: number;
  petitionId: number | null;
  askId: number | null;
  title: string;
  createdBy: number;
}

/** A pack and its stories, numbered 1… newest first; the numbers never change afterwards. */
export async function insertStoryPack(db: Database, pack: NewStoryPack, storyIds: readonly number[]) {
  const { id } = await db
    .insertInto("story_pack")
    .values({ campaign_id: pack.campaignId, petition_id: pack.petitionId, ask_id: pack.askId, title: pack.title, created_by: pack.createdBy })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("story_pack_story")
    .columns(["pack_id", "story_id", "position"])
    .expression(
      db
        .selectFrom("story")
        .select([sql<number>`${id}::bigint`.as("pack_id"), "story.id", sql<number>`row_number() over (order by story.published_at desc, story.id desc)::int`.as("position")])
        .where("story.id", "in", [...storyIds]),
    )
    .execute();
  return id;
}

/** One pack with what its pages need of the petition or ask it goes with; the caller checks the campaign. */
export function getStoryPack(db: Database, packId: number) {
  return db
    .selectFrom("story_pack")
    .leftJoin("petition", "petition.id", "story_pack.petition_id")
    .leftJoin("ask", "ask.id", "story_pack.ask_id")
    .leftJoin("target", "target.id", "ask.target_id")
    .select([
      "story_pack.id",
      "story_pack.campaign_id as campaignId",
      "story_pack.title",
      "story_pack.created_at as createdAt",
      "story_pack.delivered_at as deliveredAt",
      "story_pack.petition_id as petitionId",
      "petition.title as petitionTitle",
      "petition.slug as petitionSlug",
      "petition.addressed_to as petitionAddressedTo",
      "story_pack.ask_id as askId",
      "ask.request as askRequest",
      "ask.asked_on as askedOn",
      "target.name as askTargetName",
      "target.body as askTargetBody",
    ])
    .where("story_pack.id", "=", packId)
    .executeTakeFirst();
}
export type StoryPackRecord = NonNullable<Awaited<ReturnType<typeof getStoryPack>>>;

/** Counts of a pack's stories still in it and dropped out, by the live rule, for lists of packs. */
function packCounts() {
  const live = sql<boolean>`(story_pack_story.withdrawn_at is null and ${quotableFor(sql.ref<number>("story_pack.campaign_id"))})`;
  return [
    sql<number>`(select count(*) filter (where ${live}) from story_pack_story join story on story.id = story_pack_story.story_id where story_pack_story.pack_id = story_pack.id)::int`.as("included"),
    sql<number>`(select count(*) filter (where not ${live}) from story_pack_story join story on story.id = story_pack_story.story_id where story_pack_story.pack_id = story_pack.id)::int`.as("dropped"),
    sql<number>`(select count(*) from story_pack_story where story_pack_story.pack_id = story_pack.id and story_pack.delivered_at is not null and story_pack_story.withdrawn_at >= story_pack.delivered_at)::int`.as("droppedSinceDelivery"),
  ] as const;
}

/** A campaign's packs, newest first, with what each goes with and how many stories it carries now. */
export function listCampaignStoryPacks(db: Database, campaignId: number) {
  return db
    .selectFrom("story_pack")
    .leftJoin("petition", "petition.id", "story_pack.petition_id")
    .leftJoin("ask", "ask.id", "story_pack.ask_id")
    .leftJoin("target", "target.id", "ask.target_id")
    .select(["story_pack.id", "story_pack.title", "story_pack.created_at as createdAt", "story_pack.delivered_at as deliveredAt", "petition.title as petitionTitle", "story_pack.ask_id as askId", "target.name as askTargetName", "ask.asked_on as askedOn"])
    .select(packCounts())
    .where("story_pack.campaign_id", "=", campaignId)
    .orderBy("story_pack.id", "desc")
    .limit(PACKS_PAGE_SIZE)
    .execute();
}

/** The packs that went with one ask, for the ask's page. */
export function listAskStoryPacks(db: Database, askId: number) {
  return db
    .selectFrom("story_pack")
    .select(["story_pack.id", "story_pack.title", "story_pack.created_at as createdAt", "story_pack.delivered_at as deliveredAt"])
    .select(packCounts())
    .where("story_pack.ask_id", "=", askId)
    .orderBy("story_pack.id", "desc")
    .limit(PACKS_PAGE_SIZE)
    .execute();
}

/** The stories a pack shows now, in their pack order: included when it was made, not dropped since, quotable now. */
export function listPackStories(db: Database, packId: number, campaignId: number) {
  return storyCard(db)
    .innerJoin("story_pack_story", "story_pack_story.story_id", "story.id")
    .select("story_pack_story.position")
    .where("story_pack_story.pack_id", "=", packId)
    .where("story_pack_story.withdrawn_at", "is", null)
    .where(quotableFor(campaignId))
    .orderBy("story_pack_story.position")
    .orderBy("story.id")
    .limit(MAX_PACK_STORIES)
    .execute();
}

/**
 * The stories a pack no longer shows, by number only: a withdrawn story's title is part of what its
 * teller took back. `withdrawn` says whether the teller withdrew it, rather than changing a consent.
 */
export function listPackDroppedStories(db: Database, packId: number, campaignId: number) {
  return db
    .selectFrom("story_pack_story")
    .innerJoin("story", "story.id", "story_pack_story.story_id")
    .select(["story_pack_story.position", "story_pack_story.withdrawn_at as droppedAt", sql<boolean>`story.status = 'withdrawn'`.as("withdrawn")])
    .where("story_pack_story.pack_id", "=", packId)
    .where((eb) => eb.or([eb("story_pack_story.withdrawn_at", "is not", null), eb.not(quotableFor(campaignId))]))
    .orderBy("story_pack_story.position")
    .limit(MAX_PACK_STORIES)
    .execute();
}

/**
 * Stories that dropped out of a pack after it was delivered, newest first, with whom the pack was
 * delivered to: the organisers must tell them the story should no longer be used.
 */
export function listDeliveredPackWarnings(db: Database, campaignId: number, limit = 50) {
  return db
    .selectFrom("story_pack_story")
    .innerJoin("story_pack", "story_pack.id", "story_pack_story.pack_id")
    .innerJoin("story", "story.id", "story_pack_story.story_id")
    .leftJoin("petition", "petition.id", "story_pack.petition_id")
    .leftJoin("ask", "ask.id", "story_pack.ask_id")
    .leftJoin("target", "target.id", "ask.target_id")
    .select([
      "story_pack.id as packId",
      "story_pack.title as packTitle",
      "story_pack_story.position",
      "story_pack_story.withdrawn_at as droppedAt",
      sql<boolean>`story.status = 'withdrawn'`.as("withdrawn"),
      "target.name as askTargetName",
      "petition.addressed_to as petitionAddressedTo",
    ])
    .where("story_pack.campaign_id", "=", campaignId)
    .where("story_pack.delivered_at", "is not", null)
    .whereRef("story_pack_story.withdrawn_at", ">=", "story_pack.delivered_at")
    .orderBy("story_pack_story.withdrawn_at", "desc")
    .orderBy("story_pack.id", "desc")
    .limit(limit)
    .execute();
}

/** Records when a pack was handed over (the start of that UK day). */
export async function setPackDelivered(db: Database, packId: number, deliveredAt: Date) {
  await db.updateTable("story_pack").set({ delivered_at: deliveredAt }).where("id", "=", packId).execute();
}

/**
 * Marks this story in every pack it no longer belongs in (after a consent change): it drops out at
 * once by the live rule, and the mark dates it, so a delivered pack shows the warning. A story once
 * dropped stays out of that pack even if its teller later agrees again: the pack is remade, not revived.
 */
export async function markPacksNoLongerQuotable(db: Database, storyId: number) {
  await db
    .updateTable("story_pack_story")
    .set({ withdrawn_at: sql<Date>`now()` })
    .where("story_pack_story.story_id", "=", storyId)
    .where("story_pack_story.withdrawn_at", "is", null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("story_pack")
          .innerJoin("story", "story.id", "story_pack_story.story_id")
          .select(sql<number>`1`.as("one"))
          .whereRef("story_pack.id", "=", "story_pack_story.pack_id")
          .where(sql<boolean>`not ${quotableFor(sql.ref<number>("story_pack.campaign_id"))}`),
      ),
    )
    .execute();
}
