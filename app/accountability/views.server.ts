import type { Database } from "../../db";
import type { AskRow, AskView } from "./ask-view";
import { listResponses, listStatusChanges } from "~/models/ask.server";
import { renderMarkdown } from "~/utils/markdown.server";

/** Turns a page of asks into AskViews: two queries (histories, responses) for the whole page, never one per ask. */
export async function askViews(db: Database, rows: AskRow[], options: { history?: boolean } = {}): Promise<AskView[]> {
  const ids = rows.map((r) => r.id);
  const [changes, responses] = await Promise.all([options.history === false ? Promise.resolve([]) : listStatusChanges(db, ids), listResponses(db, ids)]);
  const byAsk = <T extends { ask_id: number }>(list: T[]) => {
    const map = new Map<number, T[]>();
    for (const item of list) map.set(item.ask_id, [...(map.get(item.ask_id) ?? []), item]);
    return map;
  };
  const historyOf = byAsk(changes);
  const responsesOf = byAsk(responses);
  return rows.map((r) => ({
    id: r.id,
    campaign: { id: r.campaign_id, title: r.campaign_title },
    demand: { id: r.demand_id, title: r.demand_title },
    target: { id: r.target_id, name: r.target_name, role: r.target_role, body: r.target_body },
    request: r.request,
    channel: r.channel,
    link: r.link,
    petition: r.petition_slug && r.petition_title ? { slug: r.petition_slug, title: r.petition_title } : null,
    letterCampaign: r.letter_campaign_slug && r.letter_campaign_title ? { slug: r.letter_campaign_slug, title: r.letter_campaign_title } : null,
    threshold: r.threshold,
    askedOn: r.asked_on,
    status: r.status,
    statusOn: r.status_on,
    summary: r.summary,
    history: (historyOf.get(r.id) ?? []).map((c) => ({ id: c.id, status: c.status, summary: c.summary, happenedOn: c.happened_on, source: c.source })),
    responses: (responsesOf.get(r.id) ?? []).map((x) => ({ id: x.id, html: renderMarkdown(x.body, { headingLevel: 4 }), via: x.via, responder: x.responder, source: x.source, receivedOn: x.received_on })),
  }));
}
