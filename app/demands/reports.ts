import { z } from "zod";
import type { ReportCategory } from "../../db/schema";
import { REPORT_CATEGORIES } from "./report-labels";
import { IdField } from "../utils/fields";
import { multiline } from "../utils/fields";

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
