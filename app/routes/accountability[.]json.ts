import type { LoaderFunctionArgs } from "@remix-run/node";
import { JSON_ASKS_PER_DEMAND, ONE_DEMAND_ASKS, trackerQuery, TRACKER_PAGE_SIZE } from "~/accountability/tracker";
import { parseTrackerFilters, parseTrackerPage, trackerForJson } from "~/accountability/tracker.server";
import { db } from "~/utils/db.server";
import { getAppUrl } from "~/utils/env.server";

/**
 * The tracker as open data: one page of demands with their asks (statuses, dates, summaries, the
 * dated history and responses as their Markdown source) under the same filters, and `next` for the
 * following page. Never an email address. Cached briefly by anyone: it is public.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const filters = parseTrackerFilters(params);
  const page = parseTrackerPage(params);
  const data = await trackerForJson(db, filters, page, { pageSize: TRACKER_PAGE_SIZE, asksPerDemand: filters.demandId ? ONE_DEMAND_ASKS : JSON_ASKS_PER_DEMAND });
  const base = `${getAppUrl()}/accountability.json`;
  const body = {
    source: `${getAppUrl()}/accountability${trackerQuery(filters, page)}`,
    filters,
    page,
    asksPerDemandShown: filters.demandId ? ONE_DEMAND_ASKS : JSON_ASKS_PER_DEMAND,
    totals: data.totals,
    demands: data.demands,
    next: data.hasMore ? `${base}${trackerQuery(filters, page + 1)}` : null,
  };
  return new Response(JSON.stringify(body), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" },
  });
}
