import type { LoaderFunctionArgs } from "@remix-run/node";
import { listReadableStories, listStoryDemandIds } from "~/models/story.server";
import { tellerName } from "~/stories/consent";
import { readStoryFilters, storiesQuery } from "~/stories/filters";
import { contentNoteText } from "~/stories/view";
import { db } from "~/utils/db.server";
import { getAppUrl } from "~/utils/env.server";

/**
 * Published stories as open data: public ones only, whoever asks (a members-only story stays on the
 * signed-in pages even when a member's browser fetches this), under the same filters as /stories, a
 * page at a time with `next`. Each story as its teller chose to be named, with its Markdown source;
 * never an id of the teller, a signature or a letter. Not cached: a withdrawn story is gone at the
 * next request.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { topic, q, page } = readStoryFilters(new URL(request.url).searchParams);
  const filters = { q, topic: topic ?? "" };
  const { stories, hasMore } = await listReadableStories(db, { memberId: null, organiserOf: [] }, { page, topic, search: q || undefined });
  const demandIds = await listStoryDemandIds(db, stories.map((s) => s.id));
  const base = getAppUrl();
  const body = {
    source: `${base}/stories${storiesQuery(filters, page)}`,
    licence: "Each story belongs to the person who told it. Quote it only with a link to its page, and check it is still there: the person who told it can withdraw it at any time.",
    filters: { q: q || null, topic: topic ?? null },
    page,
    stories: stories.map((s) => ({
      id: s.id,
      url: `${base}/stories/${s.id}`,
      title: s.title,
      name: tellerName(s),
      publishedAt: s.publishedAt ? new Date(s.publishedAt).toISOString() : null,
      contentNote: contentNoteText(s.contentNotes, s.contentNoteDetail),
      contentNoteCategories: s.contentNotes,
      topics: s.topics,
      demandIds: demandIds.get(s.id) ?? [],
      markdown: s.body,
      easyRead: s.easyRead,
    })),
    next: hasMore ? `${base}/stories.json${storiesQuery(filters, page + 1)}` : null,
  };
  return new Response(JSON.stringify(body), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" },
  });
}
