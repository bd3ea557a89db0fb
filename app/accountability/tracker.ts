import type { AskStatus, CampaignStatus, Topic } from "../../db/schema";
import { ASK_STATUS_LABELS } from "./statuses";

/**
 * The public tracker's filters, read from a query string. Anything unknown or malformed is simply
 * ignored (a shared link with a typo still shows the tracker, never an error page).
 */
export interface TrackerFilters {
  status: AskStatus | null;
  targetId: number | null;
  topic: Topic | null;
  body: string | null;
  demandId: number | null;
}

export const TRACKER_PAGE_SIZE = 20;
/** Asks shown under each demand on the tracker page; the JSON carries more, the CSV all. */
export const ASKS_PER_DEMAND = 5;
export const JSON_ASKS_PER_DEMAND = 100;
/** Filtered to one demand, the tracker is that demand's full record ("see all" from its pages). */
export const ONE_DEMAND_ASKS = 100;
export const BODY_MAX = 200;

/** The query string for these filters (and a page), as the tracker's links and the JSON's `next` use it. */
export function trackerQuery(filters: TrackerFilters, page = 1) {
  const query = new URLSearchParams();
  if (filters.status) query.set("status", filters.status);
  if (filters.targetId) query.set("decision-maker", String(filters.targetId));
  if (filters.topic) query.set("topic", filters.topic);
  if (filters.body) query.set("body", filters.body);
  if (filters.demandId) query.set("demand", String(filters.demandId));
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

export const hasFilters = (f: TrackerFilters) => Boolean(f.status || f.targetId || f.topic || f.body || f.demandId);

/** The order statuses are listed in summaries: kept promises first, then open ones, then failures. */
const SUMMARY_ORDER: AskStatus[] = ["delivered", "committed", "responded", "asked", "declined", "no_response", "broken"];
const SUMMARY_WORDS: Record<AskStatus, string> = {
  delivered: "delivered",
  committed: "committed",
  responded: "responded",
  asked: "waiting",
  declined: "declined",
  no_response: "no response",
  broken: "broken",
};

export type StatusCounts = Partial<Record<AskStatus, number>>;

export const totalOf = (counts: StatusCounts) => Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);

/** "Asked 4 times: 1 delivered, 1 committed, 2 waiting"; "Not asked anything through Chorus yet". */
export function describeAskCounts(counts: StatusCounts) {
  const total = totalOf(counts);
  if (total === 0) return "Not asked anything through Chorus yet";
  const parts = SUMMARY_ORDER.filter((s) => (counts[s] ?? 0) > 0).map((s) => `${(counts[s] ?? 0).toLocaleString("en-GB")} ${SUMMARY_WORDS[s]}`);
  return `Asked ${total === 1 ? "once" : `${total.toLocaleString("en-GB")} times`}: ${parts.join(", ")}`;
}

/** The totals strip at the top of the tracker, in display order, with zero counts kept so the shape is stable. */
export function totalsInOrder(counts: StatusCounts) {
  return SUMMARY_ORDER.map((status) => ({ status, label: ASK_STATUS_LABELS[status], count: counts[status] ?? 0 }));
}

/**
 * A demand's plain-language line on the tracker: its newest news in the organisers' words, then how
 * its asks stand. "The minister agreed to fund 3 of 9 regions; 2 have opened. 3 decision makers asked:
 * 1 committed, 2 waiting."
 */
export function describeDemandAsks(counts: StatusCounts, latest: { summary: string } | null) {
  const total = totalOf(counts);
  if (total === 0) return "No decision maker has been asked through Chorus yet.";
  const parts = SUMMARY_ORDER.filter((s) => (counts[s] ?? 0) > 0).map((s) => `${(counts[s] ?? 0).toLocaleString("en-GB")} ${SUMMARY_WORDS[s]}`);
  const standing = `${total.toLocaleString("en-GB")} ${total === 1 ? "ask" : "asks"}: ${parts.join(", ")}.`;
  const news = latest?.summary.trim();
  return news ? `${/[.!?]$/.test(news) ? news : `${news}.`} ${standing}` : standing;
}

export const CAMPAIGN_STATUS_WORDS: Record<CampaignStatus, string> = { active: "Campaigning now", won: "Won", closed: "Closed" };

/** The CSV's columns, one row per ask; the tracker page explains each. */
export const CSV_COLUMNS = ["Demand", "Campaign", "Campaign status", "Decision maker", "Role", "Body", "Asked on", "Channel", "Status", "Status date", "Summary", "Latest response"];
