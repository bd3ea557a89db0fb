import { sql } from "kysely";
import type { Database } from "../../db";
import type { ContentNoteCategory } from "../../db/schema";

/**
 * What moderators read of stories (the queue, the review page's history) and who hears of their
 * decisions. Kept apart from app/models/story.server.ts, whose queries are the readers': nothing here
 * goes through readableStories(), so nothing here may be used on a reader's page.
 */

export const STORY_QUEUE_PAGE_SIZE = 20;

/**
 * One page of stories waiting for review, oldest first (story_waiting_idx), without their text. A
 * moderator who chose content-note categories sees the stories carrying any of them and the stories
 * with no content note at all; one who chose none sees every story.
 */
export async function listStoriesWaiting(db: Database, categories: readonly ContentNoteCategory[], page: number) {
  let query = db
    .selectFrom("story")
    .select(["story.id", "story.title", "story.content_notes as contentNotes", "story.content_note_detail as contentNoteDetail", "story.created_at as createdAt"])
    .where("story.status", "=", "waiting");
  if (categories.length > 0) query = query.where(sql<boolean>`(story.content_notes && ${sql.val([...categories])}::text[] or story.content_notes = '{}')`);
  const rows = await query
    .orderBy("story.created_at")
    .orderBy("story.id")
    .limit(STORY_QUEUE_PAGE_SIZE + 1)
    .offset((page - 1) * STORY_QUEUE_PAGE_SIZE)
    .execute();
  return { stories: rows.slice(0, STORY_QUEUE_PAGE_SIZE), hasMore: rows.length > STORY_QUEUE_PAGE_SIZE };
}

/** The content-note categories this moderator chose to review (none: all of them). */
export async function listModeratorStoryCategories(db: Database, memberId: number): Promise<ContentNoteCategory[]> {
  const rows = await db.selectFrom("moderator_story_category").select("category").where("member_id", "=", memberId).orderBy("category").execute();
  return rows.map((r) => r.category);
}

export async function setModeratorStoryCategories(db: Database, memberId: number, categories: readonly ContentNoteCategory[]) {
  await db.deleteFrom("moderator_story_category").where("member_id", "=", memberId).execute();
  if (categories.length > 0) await db.insertInto("moderator_story_category").values([...new Set(categories)].map((category) => ({ member_id: memberId, category }))).execute();
}

/** Every decision on a story with the moderator's name, for the review page (moderators only). */
export function listStoryReviewHistory(db: Database, storyId: number) {
  return db
    .selectFrom("story_review")
    .leftJoin("member", "member.id", "story_review.moderator_id")
    .select(["story_review.id", "story_review.decision", "story_review.reason", "story_review.created_at as createdAt", "member.display_name as moderatorName"])
    .where("story_review.story_id", "=", storyId)
    .orderBy("story_review.id")
    .execute();
}

/**
 * The decisions as the teller sees them: the reason of a safeguarding decision is what worried the
 * moderator and stays within the coalition, so it is never read out for the teller's page.
 */
export function listStoryReviewsForTeller(db: Database, storyId: number) {
  return db
    .selectFrom("story_review")
    .select(["id", "decision", sql<string | null>`case when decision = 'safeguarding' then null else reason end`.as("reason"), "created_at as createdAt"])
    .where("story_id", "=", storyId)
    .orderBy("id")
    .execute();
}

/** The demands a story is about, for the words of its notifications (titles are public). */
export function listStoryDemands(db: Database, storyId: number) {
  return db
    .selectFrom("story_demand")
    .innerJoin("demand", "demand.id", "story_demand.demand_id")
    .select(["demand.id", "demand.title"])
    .where("story_demand.story_id", "=", storyId)
    .orderBy("demand.id")
    .execute();
}

/**
 * Where a teller without an account hears of a decision: the address they signed or wrote with, and
 * the page they came from. Null addresses once the signature or letter is gone or anonymised.
 */
export function getStoryTellerContact(db: Database, storyId: number) {
  return db
    .selectFrom("story")
    .leftJoin("petition_signature", "petition_signature.id", "story.signature_id")
    .leftJoin("petition", "petition.id", "petition_signature.petition_id")
    .leftJoin("letter", "letter.id", "story.letter_id")
    .leftJoin("letter_campaign", "letter_campaign.id", "letter.letter_campaign_id")
    .select([
      "story.teller_id as tellerId",
      "story.teller_link_version as tellerLinkVersion",
      sql<string | null>`case when petition_signature.status in ('pending', 'confirmed') then petition_signature.email end`.as("signatureEmail"),
      "petition.slug as petitionSlug",
      "letter.email as letterEmail",
      "letter_campaign.slug as letterSlug",
    ])
    .where("story.id", "=", storyId)
    .executeTakeFirst();
}

/**
 * The moderators and admins who review a story with these content notes: those who chose none of the
 * categories (they review everything), and those who chose one the story carries; a story without a
 * content note is everyone's.
 */
export async function listModeratorIdsForStory(db: Database, contentNotes: readonly ContentNoteCategory[]) {
  const rows = await db
    .selectFrom("member_role")
    .select("member_role.member_id")
    .distinct()
    .where("member_role.role", "in", ["moderator", "admin"])
    .$if(contentNotes.length > 0, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb.not(eb.exists(eb.selectFrom("moderator_story_category").select(sql<number>`1`.as("one")).whereRef("moderator_story_category.member_id", "=", "member_role.member_id"))),
          eb.exists(
            eb
              .selectFrom("moderator_story_category")
              .select(sql<number>`1`.as("one"))
              .whereRef("moderator_story_category.member_id", "=", "member_role.member_id")
              .where("moderator_story_category.category", "in", [...contentNotes]),
          ),
        ]),
      ),
    )
    .execute();
  return rows.map((r) => Number(r.member_id));
}
