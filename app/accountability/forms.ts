import { z } from "zod";
import { ASK_CHANNELS, ASK_STATUSES } from "../../db/schema";
import { multiline, requiredUkDate } from "../utils/fields";
import { parseId } from "../utils/ids";
import { todayInLondon } from "../utils/london-time";
import { RESPONSE_MAX, RESPONSE_POSITIONS } from "./positions";

/** The organisers' forms for asks, and the decision maker's response form: one schema each. */

/** A required UK date that has already happened (today counts): asks and steps are records, not plans. */
const pastUkDate = (missing: string) =>
  requiredUkDate(missing).refine((day) => day <= todayInLondon(), { error: "The date cannot be in the future" });

/** A select's optional id: empty means none chosen; anything else that is not an id is a tampered form. */
const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const id = parseId(v);
      if (id === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return id;
    });

const webAddress = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a full web address starting with https://" }).max(300, { error: "The link must be 300 characters or fewer" }).nullable());

export const RecordAskSchema = z
  .object({
    targetId: z
      .string({ error: "Choose who was asked" })
      .trim()
      .max(20)
      .refine((v) => parseId(v) !== null, { error: "Choose who was asked" })
      .transform((v) => parseId(v)!),
    request: multiline(z.string({ error: "Enter what was asked" }).trim().min(10, { error: "What was asked must be 10 characters or more" }).max(5_000, { error: "What was asked must be 5,000 characters or fewer" })),
    channel: z.enum(ASK_CHANNELS, { error: "Choose how they were asked" }),
    petitionId: optionalId("Choose a petition from the list"),
    letterCampaignId: optionalId("Choose a letter campaign from the list"),
    link: webAddress,
    askedOn: pastUkDate("Enter the date they were asked"),
    sendLink: z
      .literal("yes")
      .optional()
      .transform((v) => v === "yes"),
  })
  .superRefine((ask, ctx) => {
    if (ask.channel === "petition" && ask.petitionId === null) ctx.addIssue({ code: "custom", path: ["petitionId"], message: "Choose which petition was delivered" });
    if (ask.channel === "letter_campaign" && ask.letterCampaignId === null) ctx.addIssue({ code: "custom", path: ["letterCampaignId"], message: "Choose which letter campaign asked them" });
  })
  // Only the chosen channel's petition or letter campaign is kept: a select left filled in for another channel means nothing.
  .transform((ask) => ({ ...ask, petitionId: ask.channel === "petition" ? ask.petitionId : null, letterCampaignId: ask.channel === "letter_campaign" ? ask.letterCampaignId : null }));

const summaryField = z
  .string({ error: "Say in plain words where things stand" })
  .trim()
  .min(3, { error: "Say in plain words where things stand" })
  .max(500, { error: "The summary must be 500 characters or fewer" });

// Field names differ between the step and the response forms: both are on the ask's page, and each
// field's id comes from its name.
export const AskStepSchema = z.object({
  status: z.enum(ASK_STATUSES, { error: "Choose where the ask stands now" }),
  summary: summaryField,
  happenedOn: pastUkDate("Enter the date it happened"),
});

export const EnterResponseSchema = z.object({
  body: multiline(z.string({ error: "Enter their response" }).trim().min(1, { error: "Enter their response" }).max(RESPONSE_MAX, { error: "The response must be 20,000 characters or fewer" })),
  responder: z.string({ error: "Enter who responded" }).trim().min(2, { error: "Enter who responded" }).max(150, { error: "Who responded must be 150 characters or fewer" }),
  source: z.string({ error: "Say where the response came from" }).trim().min(3, { error: "Say where the response came from, for example “Letter by post”" }).max(150, { error: "Where it came from must be 150 characters or fewer" }),
  receivedOn: pastUkDate("Enter the date it was received"),
  meaning: z.union([z.literal("keep"), z.enum(ASK_STATUSES)], { error: "Choose what the response means for the ask" }),
  responseSummary: z
    .string({ error: "Say in plain words what they said" })
    .trim()
    .min(3, { error: "Say in plain words what they said" })
    .max(500, { error: "The summary must be 500 characters or fewer" }),
});

export const RespondSchema = z.object({
  response: multiline(z.string({ error: "Enter your response" }).trim().min(1, { error: "Enter your response" }).max(RESPONSE_MAX, { error: "Your response must be 20,000 characters or fewer" })),
  position: z.enum(RESPONSE_POSITIONS, { error: "Choose your position on what was asked" }),
});
