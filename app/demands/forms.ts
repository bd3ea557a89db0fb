import { z } from "zod";
import { TOPICS } from "../../db/schema";
import { multiline } from "../utils/fields";

/** The fields of a demand's text, shared by proposing and editing. */
export const DemandTextSchema = z.object({
  title: z.string({ error: "Enter a title" }).trim().min(5, { error: "Title must be 5 characters or more" }).max(150, { error: "Title must be 150 characters or fewer" }),
  summary: multiline(z.string({ error: "Enter a one-paragraph summary" }).trim().min(20, { error: "Summary must be 20 characters or more" }).max(1000, { error: "Summary must be 1,000 characters or fewer" })),
  body: multiline(z.string({ error: "Enter the full text" }).trim().min(50, { error: "The full text must be 50 characters or more" }).max(50_000, { error: "The full text must be 50,000 characters or fewer" })),
  easyRead: multiline(z.string().trim().max(3000, { error: "The easy-read summary must be 3,000 characters or fewer" }).optional().default("")),
});

export const TopicsField = z
  .union([z.enum(TOPICS), z.array(z.enum(TOPICS))], { error: "Choose at least one topic" })
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])]);
