import type { ReportCategory } from "../../db/schema";

// Kept apart from the report form's schema so the page that shows the form ships no Zod.

/** What a member can say is wrong with a comment, in the order the report form offers them. */
export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  harassment: "Harassment or abuse",
  personal_information: "It shares someone's personal information",
  spam: "Spam or advertising",
  other: "Something else",
};
export const REPORT_CATEGORIES = Object.keys(REPORT_CATEGORY_LABELS) as ReportCategory[];

/** How a report reads in the moderation queue: its category, then the reporter's words if any. */
export function describeReport(category: ReportCategory | null, details: string) {
  if (!category) return details;
  return details ? `${REPORT_CATEGORY_LABELS[category]}: ${details}` : REPORT_CATEGORY_LABELS[category];
}
