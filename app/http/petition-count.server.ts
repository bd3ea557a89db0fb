import type { Request, Response } from "express";
import type { Database } from "../../db";
import { getPetitionBySlug } from "~/models/petition.server";

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FRESH_MS = 1_000;
const MAX_ENTRIES = 1_000;
const HEADERS = { "Cache-Control": "public, max-age=5, stale-while-revalidate=30", "Access-Control-Allow-Origin": "*" };

/**
 * `GET /petitions/:slug/count.json`: the live count that pages, partners' embeds and 100,000 watchers
 * poll. Answered before Remix from a one-second in-process cache, so a surge costs one query a second
 * per petition, and cacheable for 5 seconds by browsers and proxies. The count itself is at most one
 * fold (3 s) behind the confirmations.
 */
export function petitionCountHandler(db: Database, now: () => number = Date.now) {
  const cache = new Map<string, { expires: number; status: number; body: string }>();
  return async (req: Request, res: Response) => {
    const slug = String(req.params.slug ?? "");
    let entry = cache.get(slug);
    if (!entry || entry.expires < now()) {
      const petition = SLUG.test(slug) && slug.length <= 80 ? await getPetitionBySlug(db, slug) : undefined;
      entry =
        petition && petition.status !== "draft"
          ? { status: 200, body: JSON.stringify({ count: petition.signature_count, goal: petition.goal, status: petition.status }), expires: now() + FRESH_MS }
          : { status: 404, body: JSON.stringify({ error: "not found" }), expires: now() + FRESH_MS };
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(slug, entry);
    }
    res.status(entry.status).set(HEADERS).type("application/json").send(entry.body);
  };
}
