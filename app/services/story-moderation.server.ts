import type { Database } from "../../db";
import type { StoryReviewDecision } from "../../db/schema";
import { getStoryForUpdate, recordStoryReview } from "~/models/story.server";

export type ReviewStoryResult = { ok: true } | { ok: false; reason: "no-such-story" | "not-waiting" | "reason-needed" };

/**
 * A moderator decides on a story waiting for review: publish it, ask its teller to change something,
 * decline it, or hold it for the safeguarding route. Every decision but publishing needs a reason,
 * which the teller is shown. A story is reviewed once per submission: the row lock makes two
 * moderators' racing decisions one decision and one "not-waiting".
 */
export async function reviewStory(db: Database, storyId: number, moderatorId: number, decision: StoryReviewDecision, reason: string | null): Promise<ReviewStoryResult> {
  return db.transaction().execute(async (trx) => {
    const story = await getStoryForUpdate(trx, storyId);
    if (!story) return { ok: false, reason: "no-such-story" } as const;
    if (story.status !== "waiting") return { ok: false, reason: "not-waiting" } as const;
    if (decision !== "published" && !reason?.trim()) return { ok: false, reason: "reason-needed" } as const;
    await recordStoryReview(trx, storyId, moderatorId, decision, decision === "published" ? reason : reason!.trim());
    return { ok: true } as const;
  });
}
