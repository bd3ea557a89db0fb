import type { DemandStage, SourceKind } from "../../db/schema";

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
