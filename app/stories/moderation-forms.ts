import { z } from "zod";
import { multiline } from "~/utils/fields";
import { CONTENT_NOTE_CATEGORIES, type ContentNoteCategory } from "./labels";

export const STORY_DECISIONS = ["published", "changes_requested", "declined", "safeguarding"] as const;
export type StoryDecision = (typeof STORY_DECISIONS)[number];

export const REVIEW_REASON_MAX = 2000;

/** What a moderator is asked for with each decision that needs a reason, and who will read it. */
export const REASON_WORDING: Record<Exclude<StoryDecision, "published">, { label: string; hint: string; missing: string; button: string }> = {
  changes_requested: {
    label: "What should the teller change?",
    hint: "The teller is shown this and emailed it, so say it kindly and plainly.",
    missing: "Say what the teller should change",
    button: "Ask for a change",
  },
  declined: {
    label: "Why is it not being published?",
    hint: "The teller is shown this and emailed it.",
    missing: "Say why the story is not being published",
    button: "Decline it",
  },
  safeguarding: {
    label: "What worried you?",
    hint: "Kept within the coalition: coalition admins read it, the teller does not. The teller is shown where to get help now and told someone may contact them.",
    missing: "Say what worried you",
    button: "Pass to the safeguarding route",
  },
};

/** One decision on a story waiting for review; every decision but publishing needs a reason. */
export const ReviewStorySchema = z
  .object({
    decision: z.enum(STORY_DECISIONS),
    reason: multiline(
      z
        .string()
        .trim()
        .max(REVIEW_REASON_MAX, { error: `Your reason must be ${REVIEW_REASON_MAX.toLocaleString("en-GB")} characters or fewer` })
        .optional(),
    ),
  })
  .superRefine((form, ctx) => {
    if (form.decision !== "published" && !form.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: REASON_WORDING[form.decision].missing });
  });

/** The content-note categories a moderator reviews; none ticked means all of them. */
const Category = z.enum(CONTENT_NOTE_CATEGORIES as [ContentNoteCategory, ...ContentNoteCategory[]]);
export const ModeratorCategoriesSchema = z.object({
  category: z
    .union([Category, z.array(Category).max(CONTENT_NOTE_CATEGORIES.length)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});
