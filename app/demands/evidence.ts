import { z } from "zod";
import { SOURCE_KINDS, type DemandStage, type SourceKind } from "../../db/schema";
import { multiline } from "../utils/fields";

/** The kinds of source, as the evidence list and the form name them. */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  research: "Research",
  official_statistics: "Official statistics",
  inquiry: "Inquiry",
  lived_experience_survey: "Lived-experience survey",
};

/**
 * The stages in which a demand gathers evidence. A draft is its authors' own (only they see it, so
 * only they suggest); consultation and voting are when members weigh it; after adoption the authors
 * go on adding what the campaign can put in front of decision makers. A demand that is finished
 * (not adopted, won, closed, withdrawn) keeps the list it had.
 */
export const EVIDENCE_STAGES: readonly DemandStage[] = ["draft", "consultation", "voting", "adopted", "campaigning"];
export const gathersEvidence = (stage: DemandStage) => EVIDENCE_STAGES.includes(stage);

/** How many accepted sources the demand page shows beside the text (the cited ones first); the rest are a page away. */
export const EVIDENCE_ON_DEMAND_PAGE = 20;
/** The most distinct citations in a text that the demand page loads sources for. */
export const CITATIONS_LOADED = 100;
/** Sources per page of the evidence page. */
export const SOURCES_PER_PAGE = 25;

const thisYear = () => new Date().getUTCFullYear();

export const SourceSchema = z.object({
  title: z.string({ error: "Enter the title of the source" }).trim().min(3, { error: "Enter the title of the source (3 characters or more)" }).max(300, { error: "The title must be 300 characters or fewer" }),
  author: z.string({ error: "Enter who wrote or published it" }).trim().min(2, { error: "Enter who wrote or published it" }).max(300, { error: "The author or body must be 300 characters or fewer" }),
  year: z
    .string()
    .trim()
    .max(4, { error: "Enter the year as 4 digits, like 2019" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!/^\d{4}$/.test(v) || Number(v) < 1000) {
        ctx.addIssue({ code: "custom", message: "Enter the year as 4 digits, like 2019" });
        return z.NEVER;
      }
      if (Number(v) > thisYear()) {
        ctx.addIssue({ code: "custom", message: "The year cannot be in the future" });
        return z.NEVER;
      }
      return Number(v);
    }),
  url: z
    .string()
    .trim()
    .max(2000, { error: "The link must be 2,000 characters or fewer" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!isWebAddress(v)) {
        ctx.addIssue({ code: "custom", message: "Enter a link that starts with https:// or http://" });
        return z.NEVER;
      }
      return v;
    }),
  finding: z.string({ error: "Say in one line what it found" }).trim().min(10, { error: "Say in one line what it found (10 characters or more)" }).max(400, { error: "The finding must be 400 characters or fewer" }),
  kind: z.enum(SOURCE_KINDS, { error: "Choose what kind of source it is" }),
});
export type SourceInput = z.infer<typeof SourceSchema>;

export const DeclineSourceSchema = z.object({
  reason: multiline(z.string({ error: "Give a reason for declining" }).trim().min(5, { error: "Give a reason for declining (5 characters or more)" }).max(1000, { error: "The reason must be 1,000 characters or fewer" })),
});

function isWebAddress(value: string) {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/**
 * The numbers a text may cite ("[3]"), at most `limit` of them, to load their sources. Read from the
 * Markdown source, so a "[3]" in code is counted too: it costs one row, and the renderer decides
 * what becomes a link.
 */
export function citedNumbers(markdown: string, limit = CITATIONS_LOADED): number[] {
  const numbers = new Set<number>();
  for (const match of markdown.matchAll(/\[([1-9]\d{0,5})\]/g)) {
    numbers.add(Number(match[1]));
    if (numbers.size >= limit) break;
  }
  return [...numbers];
}
