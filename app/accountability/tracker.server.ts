import type { Database } from "../../db";
import { ASK_STATUSES, TOPICS, type AskStatus } from "../../db/schema";
import type { AskRow } from "./ask-view";
import { askViews } from "./views.server";
import { ASK_STATUS_LABELS, ASK_CHANNEL_LABELS } from "./statuses";
import { BODY_MAX, describeDemandAsks, type StatusCounts, type TrackerFilters } from "./tracker";
import { countAsksByStatus, countAsksOfCampaigns, listAsksOfCampaigns, listTrackerDemands } from "~/models/tracker.server";
import { listResponses, listStatusChanges } from "~/models/ask.server";
import { TARGET_ROLE_LABELS } from "~/letters/rules";
import { parseId, parsePage } from "~/utils/ids";

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null => (value !== null && (list as readonly string[]).includes(value) ? (value as T) : null);

/** The tracker's filters from a query string; junk is ignored rather than refused. */
export function parseTrackerFilters(params: URLSearchParams): TrackerFilters {
  const body = (params.get("body") ?? "").trim();
  return {
    status: oneOf(ASK_STATUSES, params.get("status")),
    targetId: parseId(params.get("decision-maker")),
    topic: oneOf(TOPICS, params.get("topic")),
    body: body && body.length <= BODY_MAX ? body : null,
    demandId: parseId(params.get("demand")),
  };
}

export const parseTrackerPage = (params: URLSearchParams) => parsePage(params.get("page"), 500);

function groupByAsk<T extends { ask_id: number }>(list: T[]) {
  const map = new Map<number, T[]>();
  for (const item of list) {
    const group = map.get(item.ask_id);
    if (group) group.push(item);
    else map.set(item.ask_id, [item]);
  }
  return map;
}

const countsBy = (rows: Array<{ status: AskStatus; n: number }>): StatusCounts => Object.fromEntries(rows.map((r) => [r.status, r.n]));

/**
 * One page of the tracker: its demands (with a campaign), each with its newest-moved asks under the
 * filters, how all its matching asks stand, and a plain-language line; the totals across every page.
 * Five queries whatever the size: demands, their asks, their counts, the totals, and askViews' two
 * (or the raw history and responses for the JSON).
 */
export async function loadTrackerPage(db: Database, filters: TrackerFilters, page: number, options: { pageSize: number; asksPerDemand: number }) {
  const [rows, totals] = await Promise.all([listTrackerDemands(db, filters, page, options.pageSize), countAsksByStatus(db, filters)]);
  const demands = rows.slice(0, options.pageSize);
  const ids = demands.map((d) => d.campaign_id);
  const [asks, counts] = await Promise.all([listAsksOfCampaigns(db, ids, filters, options.asksPerDemand), countAsksOfCampaigns(db, ids, filters)]);
  const asksOf = new Map<number, AskRow[]>();
  for (const ask of asks) asksOf.set(ask.campaign_id, [...(asksOf.get(ask.campaign_id) ?? []), ask]);
  for (const list of asksOf.values()) list.sort((a, b) => (a.status_on === b.status_on ? b.id - a.id : a.status_on < b.status_on ? 1 : -1));
  const countsOf = new Map<number, StatusCounts>();
  for (const c of counts) countsOf.set(c.campaignId, { ...countsOf.get(c.campaignId), [c.status]: c.n });
  return {
    totals: countsBy(totals),
    hasMore: rows.length > options.pageSize,
    demands: demands.map((d) => {
      const own = asksOf.get(d.campaign_id) ?? [];
      const standing = countsOf.get(d.campaign_id) ?? {};
      return {
        demand: { id: d.demand_id, title: d.demand_title, topics: d.topics },
        campaign: { id: d.campaign_id, title: d.campaign_title, status: d.campaign_status },
        counts: standing,
        askCount: Object.values(standing).reduce((sum, n) => sum + (n ?? 0), 0),
        line: describeDemandAsks(standing, own.find((a) => a.summary.trim()) ?? null),
        asks: own,
      };
    }),
  };
}

/** The tracker page's data: its asks as AskViews (sanitised HTML responses). */
export async function trackerForPage(db: Database, filters: TrackerFilters, page: number, options: { pageSize: number; asksPerDemand: number }) {
  const loaded = await loadTrackerPage(db, filters, page, options);
  const views = await askViews(
    db,
    loaded.demands.flatMap((d) => d.asks),
  );
  const viewOf = new Map(views.map((v) => [v.id, v]));
  return { ...loaded, demands: loaded.demands.map((d) => ({ ...d, asks: d.asks.map((a) => viewOf.get(a.id)!) })) };
}

/** The same page as open data: responses as their Markdown source, dates as ISO days, labels beside codes. */
export async function trackerForJson(db: Database, filters: TrackerFilters, page: number, options: { pageSize: number; asksPerDemand: number }) {
  const loaded = await loadTrackerPage(db, filters, page, options);
  const ids = loaded.demands.flatMap((d) => d.asks.map((a) => a.id));
  const [changes, responses] = await Promise.all([listStatusChanges(db, ids), listResponses(db, ids)]);
  const historyOf = groupByAsk(changes);
  const responsesOf = groupByAsk(responses);
  return {
    totals: loaded.totals,
    hasMore: loaded.hasMore,
    demands: loaded.demands.map((d) => ({
      demand: d.demand,
      campaign: d.campaign,
      summary: d.line,
      askCount: d.askCount,
      statusCounts: d.counts,
      asks: d.asks.map((a) => ({
        id: a.id,
        decisionMaker: { id: a.target_id, name: a.target_name, role: a.target_role, roleLabel: TARGET_ROLE_LABELS[a.target_role], body: a.target_body },
        request: a.request,
        channel: a.channel,
        channelLabel: ASK_CHANNEL_LABELS[a.channel],
        link: a.link,
        petition: a.petition_slug ? { slug: a.petition_slug, title: a.petition_title } : null,
        letterCampaign: a.letter_campaign_slug ? { slug: a.letter_campaign_slug, title: a.letter_campaign_title } : null,
        threshold: a.threshold,
        askedOn: a.asked_on,
        status: a.status,
        statusLabel: ASK_STATUS_LABELS[a.status],
        statusOn: a.status_on,
        summary: a.summary,
        history: (historyOf.get(a.id) ?? []).map((c) => ({ status: c.status, summary: c.summary, happenedOn: c.happened_on, source: c.source })),
        responses: (responsesOf.get(a.id) ?? []).map((r) => ({ id: r.id, markdown: r.body, via: r.via, responder: r.responder, source: r.source, receivedOn: r.received_on })),
      })),
    })),
  };
}
