import { z } from "zod";
import { DECISION_RULES } from "../../db/schema";
import { parseLondonDateTime } from "../utils/london-time";
import { multiline } from "../utils/fields";

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

/** A future UK date and time, at least an hour away and within a year. */
export function futureDateTime(label: string) {
  return z
    .string({ error: `Enter when the ${label} ends` })
    .transform((v, ctx) => {
      const date = parseLondonDateTime(v);
      if (!date) {
        ctx.addIssue({ code: "custom", message: `Enter when the ${label} ends, as a real date and time` });
        return z.NEVER;
      }
      if (date.getTime() < Date.now() + 60 * 60 * 1000) {
        ctx.addIssue({ code: "custom", message: `The ${label} must end at least an hour from now` });
        return z.NEVER;
      }
      if (date.getTime() > Date.now() + YEAR_MS) {
        ctx.addIssue({ code: "custom", message: `The ${label} must end within a year` });
        return z.NEVER;
      }
      return date;
    });
}

export const OpenConsultationSchema = z.object({ consultationEndsAt: futureDateTime("consultation") });

export const OpenVotingSchema = z.object({
  votingEndsAt: futureDateTime("vote"),
  rule: z.enum(DECISION_RULES, { error: "Choose the decision rule" }),
  quorum: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 100_000) {
        ctx.addIssue({ code: "custom", message: "Quorum must be a whole number of members, 1 or more, or left blank" });
        return z.NEVER;
      }
      return n;
    }),
  liveResults: z
    .literal("yes")
    .optional()
    .transform((v) => v === "yes"),
});

export const WithdrawSchema = z.object({
  reason: multiline(z.string({ error: "Say why it is being withdrawn" }).trim().min(5, { error: "Say why it is being withdrawn" }).max(1000, { error: "The reason must be 1,000 characters or fewer" })),
});
