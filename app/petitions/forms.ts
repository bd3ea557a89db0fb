import { z } from "zod";
import { ChosenDecisionMakers, EmailField, multiline, OptionalUkDate } from "../utils/fields";
import { parseLondonDateTime } from "../utils/london-time";
import { parseWholeNumber, parseWholeNumbers } from "../utils/numbers";
import { outwardCode } from "./signers";

const MAX_THRESHOLD = 10_000_000;

/** An optional threshold, typed as people type numbers ("10,000"); null when left empty. */
const threshold = (name: string) =>
  z
    .string()
    .max(20, { error: `Enter the ${name} as a whole number, like 10,000` })
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = parseWholeNumber(v);
      if (n === null) ctx.addIssue({ code: "custom", message: `Enter the ${name} as a whole number, like 10,000, or leave it empty` });
      else if (n < 1) ctx.addIssue({ code: "custom", message: `The ${name} must be at least 1 signature` });
      else if (n > MAX_THRESHOLD) ctx.addIssue({ code: "custom", message: `The ${name} must be 10,000,000 or fewer` });
      else return n;
      return z.NEVER;
    });

/** Who a petition is addressed to in the directory, and the counts at which they are asked. */
const asksShape = {
  targetIds: ChosenDecisionMakers,
  responseThreshold: threshold("response threshold"),
  meetingThreshold: threshold("meeting threshold"),
};

type AsksInput = { targetIds: number[]; responseThreshold: number | null; meetingThreshold: number | null };

/** A threshold asks someone: it needs decision makers, and the meeting comes after the response. */
function checkAsks(v: AsksInput, ctx: z.RefinementCtx) {
  if ((v.responseThreshold !== null || v.meetingThreshold !== null) && !v.targetIds.length)
    ctx.addIssue({ code: "custom", path: ["targetIds"], message: "Choose at least one decision maker to ask, or leave both thresholds empty" });
  if (v.meetingThreshold !== null && v.responseThreshold === null)
    ctx.addIssue({ code: "custom", path: ["meetingThreshold"], message: "Set a response threshold too: the meeting threshold must be higher than it" });
  else if (v.meetingThreshold !== null && v.responseThreshold !== null && v.meetingThreshold <= v.responseThreshold)
    ctx.addIssue({ code: "custom", path: ["meetingThreshold"], message: `The meeting threshold must be higher than the response threshold (${v.responseThreshold.toLocaleString("en-GB")})` });
}

/** Decision makers and thresholds alone: what organisers may still change once a petition is open. */
export const PetitionAsksSchema = z.object(asksShape).superRefine(checkAsks);

export const PetitionSchema = z.object({
  ...asksShape,
  title: z.string({ error: "Enter a title" }).trim().min(5, { error: "Title must be 5 characters or more" }).max(150, { error: "Title must be 150 characters or fewer" }),
  ask: z.string({ error: "Enter the ask, in one sentence" }).trim().min(10, { error: "The ask must be 10 characters or more" }).max(300, { error: "The ask must be 300 characters or fewer" }),
  why: multiline(z.string({ error: "Say why it matters" }).trim().min(20, { error: "Why it matters must be 20 characters or more" }).max(10_000, { error: "Why it matters must be 10,000 characters or fewer" })),
  addressedTo: z.string({ error: "Enter who it is addressed to" }).trim().min(3, { error: "Enter who it is addressed to" }).max(300, { error: "Who it is addressed to must be 300 characters or fewer" }),
  // "10,000" or "10000": people type numbers with separators.
  goal: z
    .string({ error: "Enter a goal, like 10,000" })
    .max(20, { error: "Enter the goal as a whole number, like 10,000" })
    .transform((v, ctx) => {
      const goal = parseWholeNumber(v);
      if (goal === null) ctx.addIssue({ code: "custom", message: "Enter the goal as a whole number, like 10,000" });
      else if (goal < 10) ctx.addIssue({ code: "custom", message: "The goal must be at least 10 signatures" });
      else if (goal > 10_000_000) ctx.addIssue({ code: "custom", message: "The goal must be 10,000,000 or fewer" });
      else return goal;
      return z.NEVER;
    }),
  // "1,000, 5,000": each is announced on the campaign's timeline when passed, as is the goal.
  milestones: z
    .string()
    .max(200, { error: "Give up to 10 milestones, like 1,000, 5,000" })
    .optional()
    .transform((v, ctx) => {
      const parsed = parseWholeNumbers(v ?? "");
      const numbers = parsed ? [...new Set(parsed)].sort((a, b) => a - b) : null;
      if (!numbers || numbers.length > 10 || numbers.some((n) => n < 1 || n > 10_000_000)) {
        ctx.addIssue({ code: "custom", message: "Give up to 10 milestones, whole numbers like 1,000, 5,000" });
        return z.NEVER;
      }
      return numbers;
    }),
  // The petition closes at the end of that day, UK time. Typed as any UK date (OptionalUkDate).
  closesOn: OptionalUkDate.transform((day, ctx) => {
    if (!day) return null;
    const at = parseLondonDateTime(`${day}T23:59`)!;
    if (at.getTime() <= Date.now()) {
      ctx.addIssue({ code: "custom", message: "The closing date must be in the future" });
      return z.NEVER;
    }
    return at;
  }),
}).superRefine(checkAsks);

export const SignSchema = z.object({
  name: z.string({ error: "Enter your name" }).trim().min(1, { error: "Enter your name" }).max(100, { error: "Your name must be 100 characters or fewer" }),
  email: EmailField,
  postcode: z
    .string()
    .trim()
    .max(10, { error: "Enter a UK postcode, like LS6 1AN" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const code = outwardCode(v);
      if (!code) {
        ctx.addIssue({ code: "custom", message: "Enter a UK postcode, like LS6 1AN, or leave it empty" });
        return z.NEVER;
      }
      return code;
    }),
  showName: z.literal("yes").optional().transform((v) => v === "yes"),
  campaignConsent: z.literal("yes").optional().transform((v) => v === "yes"),
  // A field people never see: only scripts fill it in.
  website: z.string().optional(),
});

export const DeliverSchema = z.object({
  note: multiline(z.string({ error: "Say who received it and what happened" }).trim().min(10, { error: "Say who received it and what happened" }).max(10_000, { error: "The note must be 10,000 characters or fewer" })),
});

export const NewsSchema = z.object({
  subject: z.string({ error: "Enter a subject" }).trim().min(3, { error: "Enter a subject" }).max(150, { error: "The subject must be 150 characters or fewer" }),
  message: multiline(z.string({ error: "Write the message" }).trim().min(10, { error: "Write the message (10 characters or more)" }).max(5_000, { error: "The message must be 5,000 characters or fewer" })),
});
