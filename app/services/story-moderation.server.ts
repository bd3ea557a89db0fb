import type { Database } from "../../db";
import type { ContentNoteCategory, StoryReviewDecision } from "../../db/schema";
import { recordAuditEvent } from "~/models/audit.server";
import { getMemberAddresses, listAdminIds } from "~/models/member.server";
import { getStoryTellerContact, listModeratorIdsForStory, listStoryDemands, setModeratorStoryCategories } from "~/models/story-review.server";
import { getStoryForUpdate, recordStoryReview } from "~/models/story.server";
import { getAppUrl } from "~/utils/env.server";
import { emailAddress, emailMember, notifyFollowers, notifyMembers } from "./notifications.server";
import { tellerLinkUrl } from "./story-links.server";

export type ReviewStoryResult = { ok: true } | { ok: false; reason: "no-such-story" | "not-waiting" | "reason-needed" };

/**
 * A moderator decides on a story waiting for review: publish it, ask its teller to change something,
 * decline it, or hold it for the safeguarding route. Every decision but publishing needs a reason:
 * the teller is shown it, except a safeguarding reason (what worried the moderator), which stays
 * within the coalition. A story is reviewed once per submission: the row lock makes two moderators'
 * racing decisions one decision and one "not-waiting".
 *
 * In the same transaction: the audit event (never the story's words, title or the reason, which can
 * describe the story: they stay with the story and are deleted with it), the teller's email, and the
 * notifications. No email or notification carries the story's title or text; they say "your story"
 * or name the demand it is about.
 */
export async function reviewStory(db: Database, storyId: number, moderatorId: number, decision: StoryReviewDecision, reason: string | null): Promise<ReviewStoryResult> {
  return db.transaction().execute(async (trx) => {
    const story = await getStoryForUpdate(trx, storyId);
    if (!story) return { ok: false, reason: "no-such-story" } as const;
    if (story.status !== "waiting") return { ok: false, reason: "not-waiting" } as const;
    const given = reason?.trim() || null;
    if (decision !== "published" && !given) return { ok: false, reason: "reason-needed" } as const;
    await recordStoryReview(trx, storyId, moderatorId, decision, given);
    await recordAuditEvent(trx, { actorId: moderatorId, action: `story.${decision}`, subjectType: "story", subjectId: storyId });
    const demands = await listStoryDemands(trx, storyId);
    await tellTeller(trx, storyId, { decision, reason: decision === "changes_requested" || decision === "declined" ? given : null, demandTitle: demands[0]?.title ?? null });
    if (decision === "safeguarding") {
      await notifyMembers(trx, await listAdminIds(trx), {
        kind: "story_safeguarding",
        title: "A moderator passed a story to the safeguarding route",
        paragraphs: ["It is not published. Open it to see what worried them, and decide whether someone from the coalition should contact its teller."],
        url: `/admin/stories/${storyId}`,
        action: "Open the story's review",
        group: { key: "moderation", title: "Moderation" },
        reason: "You get this because you are a coalition admin.",
        actorId: moderatorId,
      });
    }
    // Followers hear of a story they may read; one shown only to named campaigns' organisers is not announced.
    if (decision === "published" && story.audience !== "organisers") {
      for (const demand of demands) {
        await notifyFollowers(trx, [`demand:${demand.id}`], {
          kind: "new_story",
          title: `A new story about ${demand.title} was published`,
          url: `/stories/${storyId}`,
          action: "Read it on Chorus",
          group: { key: `demand:${demand.id}`, title: demand.title },
          reason: "You get this because you follow this demand.",
          actorId: moderatorId,
          excluded: story.teller_id ? [story.teller_id] : [],
        });
      }
    }
    return { ok: true } as const;
  });
}

/**
 * The teller hears of the decision: a member through their own address, someone who told it after
 * signing a petition or writing a letter at the address they used there. A story left anonymously at
 * account deletion has nobody to tell.
 */
async function tellTeller(trx: Database, storyId: number, about: { decision: StoryReviewDecision; reason: string | null; demandTitle: string | null }) {
  const contact = await getStoryTellerContact(trx, storyId);
  if (!contact) return;
  const props = { decision: about.decision, reason: about.reason, demandTitle: about.demandTitle };
  if (contact.tellerId !== null) {
    await emailMember(trx, { memberId: contact.tellerId, template: "StoryDecision", props: { ...props, url: `${getAppUrl()}/stories/${storyId}`, withoutAccount: false } });
    return;
  }
  // Without an account, the email carries the teller's own link (the story's current link version).
  const to = contact.signatureEmail ?? contact.letterEmail;
  if (to) await emailAddress(trx, { to, template: "StoryDecision", props: { ...props, url: tellerLinkUrl(storyId, contact.tellerLinkVersion), withoutAccount: true } });
}

/**
 * Moderators hear that a story waits for review (a daily digest unless they chose otherwise): only
 * those who review its content notes (see listModeratorIdsForStory). Called in the transaction that
 * saves the story for review. Never its title or text.
 */
export async function tellModeratorsStoryWaiting(trx: Database, contentNotes: readonly ContentNoteCategory[], tellerId: number | null) {
  await notifyMembers(trx, await listModeratorIdsForStory(trx, contentNotes), {
    kind: "stories_waiting",
    title: "A story is waiting for review",
    url: "/admin/stories",
    action: "Open the stories waiting for review",
    group: { key: "moderation", title: "Moderation" },
    reason: "You get this because you are a moderator.",
    actorId: tellerId,
  });
}

/** Which content-note categories this moderator reviews (none: all of them). */
export async function saveModeratorStoryCategories(db: Database, moderatorId: number, categories: readonly ContentNoteCategory[]) {
  await db.transaction().execute((trx) => setModeratorStoryCategories(trx, moderatorId, categories));
}

export type TellerContactResult = { ok: true; email: string; via: "account" | "petition" | "letter" } | { ok: false; reason: "no-such-story" | "not-safeguarding" | "no-address" };

/**
 * A coalition admin looks up how to reach the teller of a story held for the safeguarding route, to
 * check they are safe. Only for such a story, and every look-up is audited (who, which story, never
 * the address), so the address is read when it is needed and never browsed.
 */
export async function lookUpStoryTellerContact(db: Database, storyId: number, adminId: number): Promise<TellerContactResult> {
  return db.transaction().execute(async (trx) => {
    const story = await getStoryForUpdate(trx, storyId);
    if (!story) return { ok: false, reason: "no-such-story" } as const;
    if (story.status !== "safeguarding") return { ok: false, reason: "not-safeguarding" } as const;
    const contact = await getStoryTellerContact(trx, storyId);
    const member = contact?.tellerId ? await getMemberAddresses(trx, contact.tellerId) : undefined;
    const found = member?.email
      ? { email: member.email, via: "account" as const }
      : contact?.signatureEmail
        ? { email: contact.signatureEmail, via: "petition" as const }
        : contact?.letterEmail
          ? { email: contact.letterEmail, via: "letter" as const }
          : null;
    if (!found) return { ok: false, reason: "no-address" } as const;
    await recordAuditEvent(trx, { actorId: adminId, action: "story.contact_viewed", subjectType: "story", subjectId: storyId });
    return { ok: true, ...found } as const;
  });
}
