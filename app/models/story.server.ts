import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "../../db";
import type { ContentNoteCategory, DB, StoryAudience, StoryConsentEventTable, StoryNameChoice, StoryReviewDecision, Topic } from "../../db/schema";
import type { StoryViewer } from "~/stories/consent";

/**
 * Stories (story and its join tables). Every list a reader sees goes through readableStories(), the
 * SQL twin of canReadStory() in app/stories/consent.ts, so a consent or a withdrawal takes effect on
 * every page, page's data, feed and pack at the next request: nothing about a story is cached.
 */

export const STORIES_PAGE_SIZE = 20;

export interface NewStory {
  tellerId: number | null;
  signatureId?: number | null;
  letterId?: number | null;
  title: string;
  body: string;
  easyRead: string | null;
  contentNotes: ContentNoteCategory[];
  contentNoteDetail: string | null;
  topics: Topic[];
  audience: StoryAudience;
  audienceCampaignIds: number[];
  nameChoice: StoryNameChoice;
  firstName: string | null;
  organisationId: number | null;
  place: string | null;
  mayQuote: boolean;
  forResearch: boolean;
  demandIds: number[];
}

export type ConsentActor = StoryConsentEventTable["actor"];

/** The published stories this viewer may read, plus their own whatever their status. */
export function readableStories(viewer: StoryViewer) {
  return (eb: ExpressionBuilder<DB, "story">) => {
    const published = eb("story.status", "=", "published");
    const forAudience =
      viewer.memberId === null
        ? eb("story.audience", "=", "public")
        : eb.or([
            eb("story.audience", "in", ["public", "members"]),
            eb.and([
              eb("story.audience", "=", "organisers"),
              eb.exists(
                eb
                  .selectFrom("story_audience_campaign")
                  .innerJoin("campaign_organiser", "campaign_organiser.campaign_id", "story_audience_campaign.campaign_id")
                  .select(sql<number>`1`.as("one"))
                  .whereRef("story_audience_campaign.story_id", "=", "story.id")
                  .where("campaign_organiser.member_id", "=", viewer.memberId),
              ),
            ]),
          ]);
    const readable = eb.and([published, forAudience]);
    return viewer.memberId === null ? readable : eb.or([readable, eb("story.teller_id", "=", viewer.memberId)]);
  };
}

/** A story's name parts and what a reader sees of it; never its teller's id, email or signature. */
export function storyCard(db: Database) {
  return db
    .selectFrom("story")
    .leftJoin("member", "member.id", "story.teller_id")
    .leftJoin("organisation", "organisation.id", "story.organisation_id")
    .select([
      "story.id",
      "story.title",
      "story.body",
      "story.easy_read as easyRead",
      "story.content_notes as contentNotes",
      "story.content_note_detail as contentNoteDetail",
      "story.topics",
      "story.status",
      "story.audience",
      "story.name_choice as nameChoice",
      "story.first_name as firstName",
      "story.place",
      "story.published_at as publishedAt",
      "organisation.name as organisationName",
      // Only the name the teller chose to be shown under is ever read out of member.
      sql<string | null>`case when story.name_choice = 'display_name' then member.display_name end`.as("displayName"),
    ]);
}
export type StoryCardRow = Awaited<ReturnType<ReturnType<typeof storyCard>["execute"]>>[number];

export interface StoryListOptions {
  page: number;
  /** Stories a page (20 unless a page shows only the newest few). */
  pageSize?: number;
  /** Only stories related to this demand (a demand's or its campaign's page). */
  demandId?: number;
  topic?: Topic;
  /** Words to find in the title or text (websearch syntax), through story_search_idx. */
  search?: string;
  /** A reader's hidden content notes: stories carrying any of them are left out. */
  hiding?: readonly ContentNoteCategory[];
  /** A member whose saved hidden content notes apply, read in the same statement (one query a page). */
  hiddenBy?: number;
}

/** The expression story_search_idx (2026-12-08_03) indexes; it must stay the same for the index to be used. */
const STORY_SEARCH_VECTOR = sql`(setweight(to_tsvector('english', story.title), 'A') || setweight(to_tsvector('english', story.body), 'B'))`;

/**
 * One page of the stories a viewer may read, newest first, and whether there is another. Bounded by
 * the page size whatever the table holds (the partial index on published stories, or story_demand's).
 */
export async function listReadableStories(db: Database, viewer: StoryViewer, options: StoryListOptions) {
  let query = storyCard(db).where(readableStories(viewer)).where("story.status", "=", "published");
  if (options.demandId !== undefined) {
    const demandId = options.demandId;
    query = query.where((eb) => eb.exists(eb.selectFrom("story_demand").select(sql<number>`1`.as("one")).whereRef("story_demand.story_id", "=", "story.id").where("story_demand.demand_id", "=", demandId)));
  }
  if (options.topic) query = query.where(sql<boolean>`story.topics @> array[${options.topic}]::text[]`);
  if (options.hiding && options.hiding.length > 0) query = query.where(sql<boolean>`not (story.content_notes && ${sql.val([...options.hiding])}::text[])`);
  if (options.hiddenBy !== undefined) {
    query = query.where(sql<boolean>`not (story.content_notes && array(select category from member_hidden_content_note where member_id = ${options.hiddenBy}))`);
  }
  // The index's own condition is spelt out so the planner can use it.
  if (options.search) query = query.where(sql<boolean>`${STORY_SEARCH_VECTOR} @@ websearch_to_tsquery('english', ${options.search}) and story.status = 'published'`);
  const size = options.pageSize ?? STORIES_PAGE_SIZE;
  const rows = await query
    .orderBy("story.published_at", "desc")
    .orderBy("story.id", "desc")
    .limit(size + 1)
    .offset((options.page - 1) * size)
    .execute();
  return { stories: rows.slice(0, size), hasMore: rows.length > size };
}

/** The demands each of these stories relates to (a page's worth, in one query), for the JSON feed. */
export async function listStoryDemandIds(db: Database, storyIds: readonly number[]) {
  const byStory = new Map<number, number[]>();
  if (storyIds.length === 0) return byStory;
  const rows = await db.selectFrom("story_demand").select(["story_id", "demand_id"]).where("story_id", "in", [...storyIds]).orderBy("demand_id").execute();
  for (const row of rows) byStory.set(row.story_id, [...(byStory.get(row.story_id) ?? []), row.demand_id]);
  return byStory;
}

/** The content-note categories a member chose to hide from their lists. */
export function listHiddenContentNotes(db: Database, memberId: number) {
  return db.selectFrom("member_hidden_content_note").select("category").where("member_id", "=", memberId).orderBy("category").execute().then((rows) => rows.map((r) => r.category));
}

/** Replaces a member's hidden content notes with these. */
export async function setHiddenContentNotes(db: Database, memberId: number, categories: readonly ContentNoteCategory[]) {
  await db.deleteFrom("member_hidden_content_note").where("member_id", "=", memberId).execute();
  if (categories.length > 0) await db.insertInto("member_hidden_content_note").values(categories.map((category) => ({ member_id: memberId, category }))).execute();
}

/** How many of a teller's stories are published (the account deletion form asks about those). */
export async function countPublishedTellerStories(db: Database, tellerId: number) {
  const row = await db.selectFrom("story").select((eb) => eb.fn.countAll<string>().as("n")).where("teller_id", "=", tellerId).where("status", "=", "published").executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * At account deletion, the teller's published stories stay, anonymous and no longer linked to anyone:
 * no teller, no name, first name, place or organisation. Returns their ids (the caller records the
 * consent change in each story's history).
 */
export async function leavePublishedStoriesAnonymously(db: Database, tellerId: number) {
  const rows = await db
    .updateTable("story")
    .set({ teller_id: null, left_anonymously_at: sql<Date>`now()`, name_choice: "anonymous", first_name: null, place: null, organisation_id: null, updated_at: sql<Date>`now()` })
    .where("teller_id", "=", tellerId)
    .where("status", "=", "published")
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Deletes every story still linked to this teller, with its history and reviews (cascade), and their
 * reading and moderation settings: their account is being deleted.
 */
export async function deleteTellerStories(db: Database, memberId: number) {
  await db.deleteFrom("story").where("teller_id", "=", memberId).execute();
  await db.deleteFrom("member_hidden_content_note").where("member_id", "=", memberId).execute();
  await db.deleteFrom("moderator_story_category").where("member_id", "=", memberId).execute();
}

/** One story with everything its own page needs, or undefined; the caller applies canReadStory. */
export async function getStory(db: Database, id: number) {
  const story = await storyCard(db)
    .select([
      "story.teller_id as tellerId",
      "story.signature_id as signatureId",
      "story.letter_id as letterId",
      "story.organisation_id as organisationId",
      "story.may_quote as mayQuote",
      "story.for_research as forResearch",
      "story.teller_link_version as tellerLinkVersion",
      "story.created_at as createdAt",
      "story.updated_at as updatedAt",
      "story.withdrawn_at as withdrawnAt",
      "story.left_anonymously_at as leftAnonymouslyAt",
    ])
    .where("story.id", "=", id)
    .executeTakeFirst();
  if (!story) return undefined;
  const [audienceCampaigns, demands] = await Promise.all([
    db.selectFrom("story_audience_campaign").innerJoin("campaign", "campaign.id", "story_audience_campaign.campaign_id").select(["campaign.id", "campaign.title"]).where("story_audience_campaign.story_id", "=", id).orderBy("campaign.id").execute(),
    db.selectFrom("story_demand").innerJoin("demand", "demand.id", "story_demand.demand_id").select(["demand.id", "demand.title", "demand.stage"]).where("story_demand.story_id", "=", id).orderBy("demand.id").execute(),
  ]);
  return { ...story, audienceCampaigns, demands };
}
export type StoryRecord = NonNullable<Awaited<ReturnType<typeof getStory>>>;

/** The story row, locked, for a change that must not race another (consent, withdrawal, review). */
export function getStoryForUpdate(db: Database, id: number) {
  return db.selectFrom("story").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function insertStory(db: Database, story: NewStory, actor: ConsentActor) {
  const { id } = await db
    .insertInto("story")
    .values({
      teller_id: story.tellerId,
      signature_id: story.signatureId ?? null,
      letter_id: story.letterId ?? null,
      title: story.title,
      body: story.body,
      easy_read: story.easyRead,
      content_notes: story.contentNotes,
      content_note_detail: story.contentNoteDetail,
      topics: story.topics,
      audience: story.audience,
      name_choice: story.nameChoice,
      first_name: story.firstName,
      organisation_id: story.organisationId,
      place: story.place,
      may_quote: story.mayQuote,
      for_research: story.forResearch,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await setStoryDemands(db, id, story.demandIds);
  await setStoryAudienceCampaigns(db, id, story.audienceCampaignIds);
  await recordConsents(db, id, consentValues(story), actor);
  return id;
}

export async function setStoryDemands(db: Database, storyId: number, demandIds: readonly number[]) {
  await db.deleteFrom("story_demand").where("story_id", "=", storyId).execute();
  if (demandIds.length > 0) await db.insertInto("story_demand").values(demandIds.map((demandId) => ({ story_id: storyId, demand_id: demandId }))).execute();
}

export async function setStoryAudienceCampaigns(db: Database, storyId: number, campaignIds: readonly number[]) {
  await db.deleteFrom("story_audience_campaign").where("story_id", "=", storyId).execute();
  if (campaignIds.length > 0) await db.insertInto("story_audience_campaign").values(campaignIds.map((campaignId) => ({ story_id: storyId, campaign_id: campaignId }))).execute();
}

export interface StoryConsents {
  audience: StoryAudience;
  audienceCampaignIds: readonly number[];
  nameChoice: StoryNameChoice;
  firstName: string | null;
  organisationId: number | null;
  place: string | null;
  mayQuote: boolean;
  forResearch: boolean;
}

/** Each consent as the line its history records ("organisers:3,7", "place:Leeds", "yes"). */
export function consentValues(c: StoryConsents): Record<"audience" | "name" | "quote" | "research", string> {
  const name = c.nameChoice === "first_name" ? `first_name:${c.firstName}` : c.nameChoice === "place" ? `place:${c.place}` : c.nameChoice === "organisation" ? `organisation:${c.organisationId}` : c.nameChoice;
  return {
    audience: c.audience === "organisers" ? `organisers:${[...c.audienceCampaignIds].sort((a, b) => a - b).join(",")}` : c.audience,
    name: name.slice(0, 300),
    quote: c.mayQuote ? "yes" : "no",
    research: c.forResearch ? "yes" : "no",
  };
}

export async function recordConsents(db: Database, storyId: number, values: Partial<Record<"audience" | "name" | "quote" | "research" | "withdrawn", string>>, actor: ConsentActor) {
  const rows = Object.entries(values).map(([consent, value]) => ({ story_id: storyId, consent: consent as keyof typeof values, value: value!, actor }));
  if (rows.length > 0) await db.insertInto("story_consent_event").values(rows).execute();
}

/** Replaces the story's consents (the caller records what changed). */
export async function updateStoryConsents(db: Database, storyId: number, c: StoryConsents) {
  await db
    .updateTable("story")
    .set({ audience: c.audience, name_choice: c.nameChoice, first_name: c.firstName, organisation_id: c.organisationId, place: c.place, may_quote: c.mayQuote, for_research: c.forResearch, updated_at: sql<Date>`now()` })
    .where("id", "=", storyId)
    .execute();
  await setStoryAudienceCampaigns(db, storyId, c.audience === "organisers" ? c.audienceCampaignIds : []);
}

export function listStoryAudienceCampaignIds(db: Database, storyId: number) {
  return db.selectFrom("story_audience_campaign").select("campaign_id").where("story_id", "=", storyId).execute().then((rows) => rows.map((r) => r.campaign_id));
}

/**
 * Withdraws a story: hidden from everyone but its teller from this statement on, and every pack that
 * carried it marked (a delivered pack keeps the mark so organisers can tell the decision maker).
 */
export async function markStoryWithdrawn(db: Database, storyId: number) {
  await db.updateTable("story").set({ status: "withdrawn", withdrawn_at: sql<Date>`now()`, updated_at: sql<Date>`now()` }).where("id", "=", storyId).execute();
  await db.updateTable("story_pack_story").set({ withdrawn_at: sql<Date>`now()` }).where("story_id", "=", storyId).where("withdrawn_at", "is", null).execute();
}

export function listStoryConsentHistory(db: Database, storyId: number) {
  return db.selectFrom("story_consent_event").select(["id", "consent", "value", "actor", "created_at as createdAt"]).where("story_id", "=", storyId).orderBy("id").execute();
}

export function listStoryReviews(db: Database, storyId: number) {
  return db.selectFrom("story_review").select(["id", "decision", "reason", "created_at as createdAt"]).where("story_id", "=", storyId).orderBy("id").execute();
}

/** A teller's own stories, newest first, every status (their "my stories" list). */
export function listTellerStories(db: Database, tellerId: number, limit: number) {
  return db.selectFrom("story").select(["id", "title", "status", "audience", "created_at as createdAt", "published_at as publishedAt"]).where("teller_id", "=", tellerId).orderBy("id", "desc").limit(limit).execute();
}

/** Campaigns a member organises: for the "organisers of named campaigns" audience. */
export function listOrganisedCampaignIds(db: Database, memberId: number) {
  return db.selectFrom("campaign_organiser").select("campaign_id").where("member_id", "=", memberId).execute().then((rows) => rows.map((r) => r.campaign_id));
}

/** How many of these ids are demands anyone may see (drafts are private to their authors). */
export async function countVisibleDemands(db: Database, ids: readonly number[]) {
  if (ids.length === 0) return 0;
  const row = await db.selectFrom("demand").select((eb) => eb.fn.countAll<string>().as("n")).where("id", "in", [...ids]).where("stage", "<>", "draft").executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countCampaigns(db: Database, ids: readonly number[]) {
  if (ids.length === 0) return 0;
  const row = await db.selectFrom("campaign").select((eb) => eb.fn.countAll<string>().as("n")).where("id", "in", [...ids]).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A moderator's decision, appended to the story's review history, and the status it leads to. */
export async function recordStoryReview(db: Database, storyId: number, moderatorId: number, decision: StoryReviewDecision, reason: string | null) {
  await db.insertInto("story_review").values({ story_id: storyId, moderator_id: moderatorId, decision, reason }).execute();
  await db
    .updateTable("story")
    .set({ status: decision, updated_at: sql<Date>`now()`, ...(decision === "published" ? { published_at: sql<Date>`coalesce(story.published_at, now())` } : {}) })
    .where("id", "=", storyId)
    .execute();
}

export interface StoryText {
  title: string;
  body: string;
  easyRead: string | null;
  contentNotes: ContentNoteCategory[];
  contentNoteDetail: string | null;
  topics: Topic[];
}

/** Replaces a story's words, content notes and topics; `status` when the edit sends it back for review. */
export async function updateStoryText(db: Database, storyId: number, text: StoryText, status?: "waiting") {
  await db
    .updateTable("story")
    .set({
      title: text.title,
      body: text.body,
      easy_read: text.easyRead,
      content_notes: text.contentNotes,
      content_note_detail: text.contentNoteDetail,
      topics: text.topics,
      updated_at: sql<Date>`now()`,
      ...(status ? { status } : {}),
    })
    .where("id", "=", storyId)
    .execute();
}

/** Demands a story can relate to: open or adopted (never drafts or closed ones), newest first, bounded. */
export function listStoryDemandChoices(db: Database, limit: number) {
  return db.selectFrom("demand").select(["id", "title"]).where("stage", "in", ["consultation", "voting", "adopted", "campaigning"]).orderBy("id", "desc").limit(limit).execute();
}

/** One demand a story can relate to (the one its form was opened from), if it is open or adopted. */
export function getStoryDemandChoice(db: Database, id: number) {
  return db.selectFrom("demand").select(["id", "title"]).where("id", "=", id).where("stage", "in", ["consultation", "voting", "adopted", "campaigning"]).execute();
}

/** Campaigns still running, newest first, bounded: for the "organisers of named campaigns" audience. */
export function listStoryCampaignChoices(db: Database, limit: number) {
  return db.selectFrom("campaign").select(["id", "title"]).where("status", "=", "active").orderBy("id", "desc").limit(limit).execute();
}

/** What a story told without an account came through; the row is locked so counting stories per source cannot race. */
export function getSignatureForStory(db: Database, petitionId: number, tokenHash: string) {
  return db.selectFrom("petition_signature").select(["id", "status", "confirmed_at as confirmedAt", "email"]).where("token_hash", "=", tokenHash).where("petition_id", "=", petitionId).forUpdate().executeTakeFirst();
}

export function getLetterForStory(db: Database, letterCampaignId: number, tokenHash: string) {
  return db.selectFrom("letter").select(["id", "status", "confirmed_at as confirmedAt", "email"]).where("token_hash", "=", tokenHash).where("letter_campaign_id", "=", letterCampaignId).forUpdate().executeTakeFirst();
}

/** Stories told through one signature or one letter, whatever their status. */
export async function countStoriesFrom(db: Database, source: { signatureId: number } | { letterId: number }) {
  const row = await db
    .selectFrom("story")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .$if("signatureId" in source, (qb) => qb.where("signature_id", "=", (source as { signatureId: number }).signatureId))
    .$if("letterId" in source, (qb) => qb.where("letter_id", "=", (source as { letterId: number }).letterId))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The address a teller without an account is reached at (their signature's or letter's), and what they signed or wrote. */
export async function getNoAccountTeller(db: Database, storyId: number) {
  const row = await db
    .selectFrom("story")
    .leftJoin("petition_signature", "petition_signature.id", "story.signature_id")
    .leftJoin("petition", "petition.id", "petition_signature.petition_id")
    .leftJoin("letter", "letter.id", "story.letter_id")
    .leftJoin("letter_campaign", "letter_campaign.id", "letter.letter_campaign_id")
    .select([sql<string | null>`coalesce(petition_signature.email, letter.email)`.as("email"), "petition.title as petitionTitle", "letter_campaign.title as letterTitle"])
    .where("story.id", "=", storyId)
    .where("story.teller_id", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  return { email: row.email, kind: row.petitionTitle !== null ? ("signature" as const) : ("letter" as const), title: row.petitionTitle ?? row.letterTitle ?? "a campaign" };
}

/** A new teller link: every older one stops working. */
export async function bumpTellerLinkVersion(db: Database, storyId: number) {
  const row = await db.updateTable("story").set({ teller_link_version: sql<number>`teller_link_version + 1` }).where("id", "=", storyId).returning("teller_link_version").executeTakeFirstOrThrow();
  return row.teller_link_version;
}
