import { diffWordsWithSpace } from "diff";
import { readerText } from "~/utils/markdown.server";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** A word-by-word comparison of two texts, as parts the page marks with <ins> and <del>. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({ kind: part.added ? "added" : part.removed ? "removed" : "same", text: part.value }));
}

export type MarkdownComparison = { kind: "same" } | { kind: "formatting-only" } | { kind: "changed"; parts: DiffPart[] };

/**
 * Two versions of a Markdown text compared as a reader sees them (readerText: paragraph by
 * paragraph, headings and list items on their own lines, no `**` or `#`), so bold, headings or list
 * marks changing are not shown as changed words. A change of formatting alone says so.
 */
export function compareMarkdown(before: string, after: string): MarkdownComparison {
  if (before === after) return { kind: "same" };
  const [a, b] = [readerText(before), readerText(after)];
  return a === b ? { kind: "formatting-only" } : { kind: "changed", parts: wordDiff(a, b) };
}
