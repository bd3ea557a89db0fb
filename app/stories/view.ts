import { tellerName, type StoryNameParts } from "./consent";
import { CONTENT_NOTES, type ContentNoteCategory } from "./labels";

/** What a reader's page gets of a story: never its teller's id, email, or how it reached us. */
export interface StoryCardView {
  id: number;
  title: string;
  tellerName: string;
  publishedAt: string | null;
  /** "Self-harm; Bereavement; Something else: hospital admission", or null when there is none. */
  contentNote: string | null;
  /** Sanitised HTML of the whole story (its own page), or a plain-text excerpt (lists). */
  html?: string;
  excerpt?: string;
}

export interface StoryCardSource extends StoryNameParts {
  id: number;
  title: string;
  publishedAt: Date | null;
  contentNotes: ContentNoteCategory[];
  contentNoteDetail: string | null;
}

export function contentNoteText(notes: readonly ContentNoteCategory[], detail: string | null): string | null {
  const labels = notes.filter((n) => n !== "other").map((n) => CONTENT_NOTES[n]);
  if (notes.includes("other") || detail) labels.push(detail ?? CONTENT_NOTES.other);
  return labels.length > 0 ? labels.join("; ") : null;
}

/** A story row (from app/models/story.server.ts) as a card, with its body as HTML or an excerpt. */
export function toStoryCard(row: StoryCardSource, body: { html: string } | { excerpt: string }): StoryCardView {
  return {
    id: row.id,
    title: row.title,
    tellerName: tellerName(row),
    publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
    contentNote: contentNoteText(row.contentNotes, row.contentNoteDetail),
    ...body,
  };
}

/** The first words of a story's plain text, cut at a word, for lists. */
export function excerptOf(plainText: string, length = 240): string {
  const flat = plainText.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
