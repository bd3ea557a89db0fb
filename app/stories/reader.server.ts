import { createCookie, type Cookie } from "@remix-run/node";
import type { CurrentMember } from "~/members/session.server";
import { listReadableStories, type StoryCardRow, type StoryListOptions } from "~/models/story.server";
import { db } from "~/utils/db.server";
import { readerText } from "~/utils/markdown.server";
import { getEnv } from "~/utils/env.server";
import type { StoryViewer } from "./consent";
import { isContentNoteCategory, type ContentNoteCategory } from "./labels";
import { excerptOf, toStoryCard, type StoryCardView } from "./view";

/**
 * What every page that lists stories shares: who is reading, which content notes they hide (saved
 * for a member, in a cookie for someone signed out), and a story as a card with an excerpt.
 */

/**
 * The viewer for readableStories(), the SQL rule, which finds the campaigns a member organises by
 * itself: so organiserOf is left empty rather than costing a query. Pass it to SQL only, never to
 * canReadStory().
 */
export function sqlStoryViewer(member: CurrentMember | null): StoryViewer {
  return { memberId: member?.id ?? null, organiserOf: [] };
}

// Made on first use, after the configuration is checked. A preference, not a secret: unsigned, and
// read strictly (only known categories survive), so a forged value can only hide fewer stories.
let cookie: Cookie | undefined;
function hiddenNotesCookie() {
  const production = getEnv().NODE_ENV === "production";
  return (cookie ??= createCookie(production ? "__Host-chorus-hidden-notes" : "chorus-hidden-notes", { httpOnly: true, sameSite: "lax", path: "/", secure: production, maxAge: 365 * 86_400 }));
}

/** The content notes a signed-out reader chose to hide, from their cookie. */
export async function hiddenNotesFromCookie(request: Request): Promise<ContentNoteCategory[]> {
  const header = request.headers.get("Cookie");
  if (!header?.includes("chorus-hidden-notes")) return [];
  const value: unknown = await hiddenNotesCookie().parse(header);
  return Array.isArray(value) ? [...new Set(value.filter((v): v is ContentNoteCategory => typeof v === "string" && isContentNoteCategory(v)))] : [];
}

/** The Set-Cookie header remembering a signed-out reader's hidden notes (cleared when there are none). */
export function hiddenNotesSetCookie(categories: readonly ContentNoteCategory[]) {
  return categories.length > 0 ? hiddenNotesCookie().serialize([...categories]) : hiddenNotesCookie().serialize([], { maxAge: 0, expires: new Date(0) });
}

/** The list option that leaves out what this reader hides: a member's saved choice is read in the list's own query. */
export async function readerHiding(request: Request, member: CurrentMember | null): Promise<Pick<StoryListOptions, "hiding" | "hiddenBy">> {
  return member ? { hiddenBy: member.id } : { hiding: await hiddenNotesFromCookie(request) };
}

// An excerpt needs only the story's first words: render no more of the text than that could take.
const EXCERPT_SOURCE = 2_000;

export type StoryListCard = StoryCardView & { hasEasyRead: boolean };

/** A story row as a card in a list: its excerpt is the start of the words a reader sees, no Markdown. */
export function storyListCard(row: StoryCardRow): StoryListCard {
  return { ...toStoryCard(row, { excerpt: excerptOf(readerText(row.body.slice(0, EXCERPT_SOURCE))) }), hasEasyRead: row.easyRead !== null };
}

/** How many of its stories a demand's page (and its campaign's) shows before "All stories about this demand". */
export const STORIES_ON_DEMAND_PAGE = 3;

/** The newest stories about a demand this reader may read and does not hide: one bounded query. */
export async function newestDemandStories(request: Request, member: CurrentMember | null, demandId: number) {
  const { stories } = await listReadableStories(db, sqlStoryViewer(member), { page: 1, pageSize: STORIES_ON_DEMAND_PAGE, demandId, ...(await readerHiding(request, member)) });
  return stories.map(storyListCard);
}
