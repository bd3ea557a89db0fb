import { z } from "zod";
import { CONTENT_NOTE_CATEGORIES } from "./labels";

/**
 * "Hide stories about…": the content-note categories a reader ticks. None ticked is a choice too
 * (show everything). Kept apart from the pages' components so their browser bundles carry no Zod.
 */
export const HiddenNotesSchema = z.object({
  note: z
    .union([z.enum(CONTENT_NOTE_CATEGORIES), z.array(z.enum(CONTENT_NOTE_CATEGORIES))], { error: "Choose from the content notes listed" })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v])),
});
