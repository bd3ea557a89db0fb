import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPetitionBySlug } from "~/models/petition.server";
import { db } from "~/utils/db.server";

/**
 * The live count, for pages and partners that poll it: cacheable for 5 seconds by browsers and any
 * proxy, served stale for 30 more while it refreshes, so 100,000 watchers cost a cache, not a database.
 * The count itself is at most a fold (5 s) behind.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const petition = params.slug ? await getPetitionBySlug(db, params.slug) : undefined;
  if (!petition || petition.status === "draft") return Response.json({ error: "not found" }, { status: 404, headers: { "Cache-Control": "public, max-age=60" } });
  return Response.json(
    { count: petition.signature_count, goal: petition.goal, status: petition.status },
    { headers: { "Cache-Control": "public, max-age=5, stale-while-revalidate=30", "Access-Control-Allow-Origin": "*" } },
  );
}
