import { z } from "zod";
import { IdField, multiline, OptionalUkDate, requiredUkDate } from "../utils/fields";

const webAddress = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a full web address starting with https://" }).max(300, { error: "The link must be 300 characters or fewer" }).nullable());

/** A campaign's public details, the same when starting and when editing. */
export const CampaignSchema = z.object({
  title: z.string({ error: "Enter a title" }).trim().min(5, { error: "Title must be 5 characters or more" }).max(150, { error: "Title must be 150 characters or fewer" }),
  pitch: multiline(z.string({ error: "Enter a short pitch" }).trim().min(20, { error: "The pitch must be 20 characters or more" }).max(500, { error: "The pitch must be 500 characters or fewer" })),
  ask: multiline(z.string({ error: "Enter what the campaign asks for" }).trim().min(20, { error: "The ask must be 20 characters or more" }).max(2000, { error: "The ask must be 2,000 characters or fewer" })),
  target: z.string({ error: "Enter who the campaign is aimed at" }).trim().min(3, { error: "Enter who the campaign is aimed at" }).max(300, { error: "Who it is aimed at must be 300 characters or fewer" }),
  endsOn: OptionalUkDate,
  partners: z.union([IdField, z.array(IdField)]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

// Field names differ between the entry and the ending forms: both are on the manage page, and each
// field's id comes from its name.
export const EntrySchema = z.object({
  kind: z.enum(["update", "petition_delivered", "meeting_held", "response_received"], { error: "Choose what kind of entry this is" }),
  headline: z.string({ error: "Enter a headline" }).trim().min(3, { error: "The headline must be 3 characters or more" }).max(150, { error: "The headline must be 150 characters or fewer" }),
  text: multiline(z.string().trim().max(10_000, { error: "The text must be 10,000 characters or fewer" }).optional().default("")),
  link: webAddress,
  happenedOn: requiredUkDate("Enter the date it happened"),
});

export const EndSchema = z.object({
  outcome: z.enum(["won", "closed"], { error: "Choose won or closed" }),
  result: z.string({ error: "Say in a line what happened" }).trim().min(3, { error: "Say in a line what happened" }).max(150, { error: "The line must be 150 characters or fewer" }),
  resultText: multiline(z.string().trim().max(10_000, { error: "The text must be 10,000 characters or fewer" }).optional().default("")),
  resultLink: webAddress,
});
