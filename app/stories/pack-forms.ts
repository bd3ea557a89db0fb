import { z } from "zod";
import { requiredUkDate } from "../utils/fields";
import { parseId } from "../utils/ids";
import { todayInLondon } from "../utils/london-time";

/** The organisers' forms for story packs: one schema each, shared by server and browser. */

/** The most stories one pack carries (the models' MAX_PACK_STORIES; kept here so the browser ships no model). */
export const PACK_STORY_LIMIT = 200;

/**
 * What a pack goes with, as one drop-down: "petition-12" (for that petition's delivery), "ask-7" (that
 * ask), or empty (neither). Anything else is a tampered form.
 */
const GoesWith = z
  .string()
  .trim()
  .max(30)
  .optional()
  .transform((v, ctx): { petitionId: number | null; askId: number | null } => {
    if (!v) return { petitionId: null, askId: null };
    const match = /^(petition|ask)-(\d{1,15})$/.exec(v);
    const id = match ? parseId(match[2]) : null;
    if (!match || id === null) {
      ctx.addIssue({ code: "custom", message: "Choose a petition or an ask from the list" });
      return z.NEVER;
    }
    return match[1] === "petition" ? { petitionId: id, askId: null } : { petitionId: null, askId: id };
  });

export const NO_STORY_TICKED = "Tick at least one story, or choose “Include every quotable story”";

/** Ticked stories (checkboxes named storyIds): not an id is a tampered form; duplicates count once. */
const ChosenStories = z
  .union([z.string().max(20), z.array(z.string().max(20))])
  .optional()
  .transform((v, ctx) => {
    const raw = Array.isArray(v) ? v : v ? [v] : [];
    const ids = raw.map((s) => parseId(s));
    if (ids.some((id) => id === null)) {
      ctx.addIssue({ code: "custom", message: "Choose stories from the list" });
      return z.NEVER;
    }
    const unique = [...new Set(ids as number[])];
    if (unique.length > PACK_STORY_LIMIT) {
      ctx.addIssue({ code: "custom", message: `Choose ${PACK_STORY_LIMIT} stories or fewer` });
      return z.NEVER;
    }
    return unique;
  });

/** "chosen" (the ticked stories) or "all" (every quotable story): the two submit buttons. */
export const MakePackSchema = z
  .object({
    // Optional here and required below, so a missing title and a missing story are both said at once.
    title: z.string().trim().max(200, { error: "The title must be 200 characters or fewer" }).optional().default(""),
    goesWith: GoesWith,
    storyIds: ChosenStories,
    intent: z.enum(["chosen", "all"]).optional().default("chosen"),
  })
  .superRefine((form, ctx) => {
    if (form.title === "") ctx.addIssue({ code: "custom", path: ["title"], message: "Enter a title for the pack" });
    if (form.intent === "chosen" && form.storyIds.length === 0) ctx.addIssue({ code: "custom", path: ["storyIds"], message: NO_STORY_TICKED });
  });
export type MakePackInput = z.infer<typeof MakePackSchema>;

export const DeliverPackSchema = z.object({
  deliveredOn: requiredUkDate("Enter the date the pack was delivered").refine((day) => day <= todayInLondon(), { error: "The date cannot be in the future" }),
});
