import { lookUpStoryTellerContact, reviewStory } from "~/services/story-moderation.server";
import { ReviewStorySchema, STORY_DECISIONS, type StoryDecision } from "~/stories/moderation-forms";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { badRequest, forbidden, invalid, notFound } from "~/utils/responses.server";

const DONE: Record<StoryDecision, string> = {
  published: "The story is published. Its teller has been emailed, and people following its demands will hear that a new story was published.",
  changes_requested: "The teller has been asked to change their story and emailed your reason.",
  declined: "The story is not published. Its teller has been emailed your reason.",
  safeguarding: "The story is held for the safeguarding route. Coalition admins have been told, and its teller has been shown where to get help now.",
};

/**
 * A moderator's decision. Each decision has a form of its own, so a refused reason is keyed
 * "reason-<decision>" to put its message by the right box.
 */
export async function decideIntent(request: Request, formData: FormData, storyId: number, moderatorId: number) {
  const parsed = parseForm(ReviewStorySchema, formData);
  if (!parsed.ok) {
    const decision = parsed.values.decision;
    if (typeof decision !== "string" || !(STORY_DECISIONS as readonly string[]).includes(decision) || parsed.errors.decision) badRequest();
    return invalid({ [`reason-${decision}`]: parsed.errors.reason ?? "Check your reason" }, parsed.values);
  }
  const { decision, reason } = parsed.data;
  const result = await reviewStory(db, storyId, moderatorId, decision, reason ?? null);
  if (!result.ok) {
    if (result.reason === "no-such-story") notFound();
    if (result.reason === "reason-needed") return invalid({ [`reason-${decision}`]: "Give a reason" }, { decision, reason: reason ?? "" });
    // Another moderator decided first, or the teller withdrew it: a message, not an error.
    return redirectWithFlash(request, `/admin/stories/${storyId}`, {
      kind: "info",
      message: "This story is no longer waiting for review (another moderator has decided on it, or its teller withdrew it), so your decision was not recorded. What happened is in its history below.",
    });
  }
  return redirectWithFlash(request, "/admin/stories", { kind: "success", message: DONE[decision] });
}

const NO_CONTACT = {
  "not-safeguarding": "Contact details are only shown for a story held for the safeguarding route, and this one is not.",
  "no-address": "There is no address for its teller any more: their account, signature or letter is gone.",
} as const;

/** A coalition admin looks up the teller's address, for a story held for safeguarding only (audited). */
export async function contactIntent(storyId: number, member: { id: number; isAdmin: boolean }) {
  if (!member.isAdmin) forbidden();
  const result = await lookUpStoryTellerContact(db, storyId, member.id);
  if (!result.ok) {
    if (result.reason === "no-such-story") notFound();
    return { contact: null, contactMessage: NO_CONTACT[result.reason] };
  }
  return { contact: { email: result.email, via: result.via }, contactMessage: null };
}
