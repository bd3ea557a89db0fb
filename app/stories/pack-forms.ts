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

export const MakePackSchema = z.object({
  title: z.string({ error: "Enter a title for the pack" }).trim().min(1, { error: "Enter a title for the pack" }).max(200, { error: "The title must be 200 characters or fewer" }),
  goesWith: GoesWith,
  storyIds: ChosenStories,
});
export type MakePackInput = z.infer<typeof MakePackSchema>;

export const DeliverPackSchema = z.object({
  deliveredOn: requiredUkDate("Enter the date the pack was delivered").refine((day) => day <= todayInLondon(), { error: "The date cannot be in the future" }),
});
