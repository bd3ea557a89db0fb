import { z } from "zod";
import type { ReportCategory } from "../../db/schema";
import { IdField } from "../utils/ids";
import { multiline } from "../utils/fields";

/** What a member can say is wrong with a comment, in the order the report form offers them. */
export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  harassment: "Harassment or abuse",
  personal_information: "It shares someone's personal information",
  spam: "Spam or advertising",
  other: "Something else",
};
export const REPORT_CATEGORIES = Object.keys(REPORT_CATEGORY_LABELS) as ReportCategory[];

export const ReportSchema = z
  .object({
    commentId: IdField,
    category: z.enum(REPORT_CATEGORIES as [ReportCategory, ...ReportCategory[]], { error: "Choose what is wrong with the comment" }),
    details: multiline(z.string().trim().max(500, { error: "Details must be 500 characters or fewer" }).optional().default("")),
  })
  .superRefine((report, ctx) => {
    // "Something else" says nothing by itself: the moderator needs a few words.
    if (report.category === "other" && report.details.length < 3) {
      ctx.addIssue({ code: "custom", path: ["details"], message: "Say what is wrong with the comment" });
    }
  });

/** How a report reads in the moderation queue: its category, then the reporter's words if any. */
export function describeReport(category: ReportCategory | null, details: string) {
  if (!category) return details;
  return details ? `${REPORT_CATEGORY_LABELS[category]}: ${details}` : REPORT_CATEGORY_LABELS[category];
}
