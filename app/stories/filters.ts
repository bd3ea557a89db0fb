import { TOPICS, type Topic } from "~/demands/labels";
import { parsePage } from "~/utils/ids";
import { cleanSingleLine } from "~/utils/text";

/** The longest search kept (longer is cut, never an error: it is a GET form). */
export const STORY_SEARCH_MAX = 200;

/** The filters of /stories and /stories.json, read from the address: a topic only from the list, a search cut to its limit. */
export function readStoryFilters(params: URLSearchParams) {
  const rawTopic = params.get("topic") ?? "";
  const topic = (TOPICS as readonly string[]).includes(rawTopic) ? (rawTopic as Topic) : undefined;
  // Cleaned as every form field is: a NUL or control character would otherwise reach PostgreSQL.
  const q = cleanSingleLine(params.get("q") ?? "").trim().slice(0, STORY_SEARCH_MAX);
  return { topic, q, page: parsePage(params.get("page"), 500) };
}

/** The filters as a query string for page links: "?q=…&topic=…&page=2", or "" when there are none. */
export function storiesQuery(filters: { q: string; topic: string }, page = 1) {
  const params = new URLSearchParams(Object.entries({ q: filters.q, topic: filters.topic, page: page > 1 ? String(page) : "" }).filter(([, v]) => v));
  return params.size ? `?${params}` : "";
}
