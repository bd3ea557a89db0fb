import { z } from "zod";
import { TARGET_ROLES, REPLY_OUTCOMES, type TargetRole } from "../../db/schema";
import { ChosenDecisionMakers, EmailField, multiline, OptionalUkDate } from "../utils/fields";
import { fullPostcode, parseAreas, PERSONAL_MAX, PERSONAL_MIN, TARGET_ROLE_LABELS } from "./rules";

const text = (label: string, min: number, max: number, missing = `Enter ${label}`) =>
  z
    .string({ error: missing })
    .trim()
    .min(min, { error: min <= 1 ? missing : `${label[0]!.toUpperCase()}${label.slice(1)} must be ${min} characters or more` })
    .max(max, { error: `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max.toLocaleString("en-GB")} characters or fewer` });

/** A role as typed in a form or a spreadsheet: "mp", "MP", "Health body" all work. */
const RoleField = z
  .string({ error: "Choose a role" })
  .transform((v, ctx) => {
    const key = v.trim().toLowerCase().replace(/\s+/g, "_");
    const role = (TARGET_ROLES as readonly string[]).includes(key)
      ? (key as TargetRole)
      : (Object.entries(TARGET_ROLE_LABELS).find(([, label]) => label.toLowerCase() === v.trim().toLowerCase())?.[0] as TargetRole | undefined);
    if (!role) {
      ctx.addIssue({ code: "custom", message: `Choose a role: ${Object.values(TARGET_ROLE_LABELS).join(", ")}` });
      return z.NEVER;
    }
    return role;
  });

export const TargetSchema = z.object({
  name: text("the name", 2, 150, "Enter the decision maker's name"),
  role: RoleField,
  body: text("the body", 2, 150, "Enter the body they belong to, like House of Commons or Leeds City Council"),
  email: z
    .string({ error: "Enter their email address" })
    .trim()
    .min(1, { error: "Enter their email address" })
    .max(254, { error: "Email address must be 254 characters or fewer" })
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.org" })),
  areas: z
    .string({ error: "Enter the postcode areas or districts covered, like LS or LS6, or everywhere" })
    .transform((v, ctx) => {
      const parsed = parseAreas(v);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return { areas: parsed.areas, everywhere: parsed.everywhere };
    }),
});
export type TargetInput = z.infer<typeof TargetSchema>;

const hour = (label: string, min: number, max: number) =>
  z.coerce.number({ error: `Choose ${label}` }).int({ error: `Choose ${label}` }).min(min, { error: `Choose ${label}` }).max(max, { error: `Choose ${label}` });

export const LetterCampaignSchema = z
  .object({
    title: text("the title", 5, 150, "Enter a title"),
    ask: text("the ask", 10, 300, "Enter the ask, in one sentence"),
    talkingPoints: multiline(text("the talking points", 10, 5_000, "Give supporters some talking points")),
    suggestedSubject: text("the suggested subject", 3, 150, "Suggest a subject line"),
    guidance: multiline(text("the guidance", 10, 2_000, "Say what supporters might write about in their own words")),
    targetIds: ChosenDecisionMakers,
    ownRoles: z
      .union([z.enum(TARGET_ROLES), z.array(z.enum(TARGET_ROLES))])
      .optional()
      .transform((v) => (Array.isArray(v) ? v : v ? [v] : [])),
    hourlyCap: z.coerce
      .number({ error: "Enter how many letters a decision maker may get in an hour, like 20" })
      .int({ error: "Enter a whole number, like 20" })
      .min(1, { error: "The hourly cap must be at least 1" })
      .max(1000, { error: "The hourly cap must be 1,000 or fewer" }),
    windowDays: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v, ctx) => {
        const days = [...new Set((Array.isArray(v) ? v : v ? [v] : []).map(Number).filter((d) => d >= 1 && d <= 7))].sort();
        if (!days.length) {
          ctx.addIssue({ code: "custom", message: "Choose at least one day on which letters may be sent" });
          return z.NEVER;
        }
        return days;
      }),
    windowStart: hour("the hour sending starts", 0, 23),
    windowEnd: hour("the hour sending stops", 1, 24),
    endsOn: OptionalUkDate,
    testMode: z.literal("yes").optional().transform((v) => v === "yes"),
  })
  .superRefine((v, ctx) => {
    if (v.windowEnd <= v.windowStart) ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "Sending must stop after it starts" });
    if (!v.targetIds.length && !v.ownRoles.length)
      ctx.addIssue({ code: "custom", path: ["targetIds"], message: "Choose decision makers, or which of the supporter's own representatives to write to, or both" });
  });
export type LetterCampaignInput = z.infer<typeof LetterCampaignSchema>;

export const PostcodeField = z
  .string({ error: "Enter your full postcode, like LS6 1AN" })
  .trim()
  .max(10, { error: "Enter your full postcode, like LS6 1AN" })
  .transform((v, ctx) => {
    const parsed = fullPostcode(v);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: "Enter your full postcode, like LS6 1AN" });
      return z.NEVER;
    }
    return parsed;
  });

/** The letter a supporter writes. */
export const WriteSchema = z.object({
  postcode: PostcodeField,
  name: text("your name", 1, 100, "Enter your name"),
  email: EmailField,
  subject: text("the subject", 3, 150, "Enter a subject"),
  opening: multiline(text("the opening", 20, 1_000, "Write an opening: say who you are and what you are asking for")),
  personal: multiline(z
    .string({ error: "Write your own paragraph: why this matters to you" })
    .trim()
    .min(PERSONAL_MIN, { error: `Your own paragraph must be ${PERSONAL_MIN} characters or more: say in your own words why this matters to you` })
    .max(PERSONAL_MAX, { error: `Your own paragraph must be ${PERSONAL_MAX.toLocaleString("en-GB")} characters or fewer` })),
  // "Email me when decision makers respond to this campaign": unticked unless they tick it.
  campaignNews: z.literal("yes").optional().transform((v) => v === "yes"),
  // A field people never see: only scripts fill it in.
  website: z.string().optional(),
});
export type WriteInput = z.infer<typeof WriteSchema>;

export const ReplySchema = z.object({
  outcome: z.enum(REPLY_OUTCOMES, { error: "Choose what happened" }),
  summary: multiline(z
    .string()
    .trim()
    .max(1_000, { error: "The summary must be 1,000 characters or fewer" })
    .optional()
    .transform((v) => v || null)),
  mayPublish: z.literal("yes").optional().transform((v) => v === "yes"),
});
