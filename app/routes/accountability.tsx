import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ASK_STATUSES } from "../../db/schema";
import { AskRecord } from "~/components/ask-record";
import { CampaignStatusTag } from "~/components/demand-bits";
import { ASK_STATUS_LABELS, ASK_STATUS_MEANINGS } from "~/accountability/statuses";
import { ASKS_PER_DEMAND, hasFilters, ONE_DEMAND_ASKS, totalsInOrder, trackerQuery, TRACKER_PAGE_SIZE } from "~/accountability/tracker";
import { parseTrackerFilters, parseTrackerPage, trackerForPage } from "~/accountability/tracker.server";
import { listAskedDecisionMakers } from "~/models/tracker.server";
import { TOPIC_LABELS, TOPICS } from "~/demands/labels";
import { describeTarget } from "~/letters/rules";
import { db } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";

export const meta: MetaFunction = (args) => [
  ...pageTitle(args, "Accountability: what decision makers were asked"),
  { name: "description", content: "Every demand the coalition adopted, what decision makers were asked, what they answered and whether they kept their promises." },
];

// Public data, the same for everyone: a short shared cache keeps a busy day cheap and the news fresh.
export const headers: HeadersFunction = () => ({ "Cache-Control": "public, max-age=60" });

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const filters = parseTrackerFilters(params);
  const page = parseTrackerPage(params);
  const [tracker, decisionMakers] = await Promise.all([trackerForPage(db, filters, page, { pageSize: TRACKER_PAGE_SIZE, asksPerDemand: filters.demandId ? ONE_DEMAND_ASKS : ASKS_PER_DEMAND }), listAskedDecisionMakers(db)]);
  const bodies = [...new Set(decisionMakers.map((t) => t.body).filter(Boolean))].sort((a, b) => a.localeCompare(b, "en-GB"));
  return {
    ...tracker,
    filters,
    page,
    decisionMakers: decisionMakers.map((t) => ({ id: t.id, label: describeTarget(t) })),
    bodies: filters.body && !bodies.includes(filters.body) ? [...bodies, filters.body] : bodies,
  };
}

export default function Tracker() {
  const { demands, totals, hasMore, filters, page, decisionMakers, bodies } = useLoaderData<typeof loader>();
  const query = trackerQuery(filters);
  const downloadQuery = trackerQuery(filters, page);
  return (
    <>
      <div className="page-heading">
        <h1>Accountability</h1>
        <p className="lead">Every demand the coalition adopted and campaigns for: who was asked, what they answered, what they promised and whether they kept it. A promise is only &ldquo;delivered&rdquo; when someone says so, with a date.</p>
      </div>

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="visually-hidden">
          Totals{hasFilters(filters) ? " for this search" : ""}
        </h2>
        <ul className="figures tracker-totals" aria-label="Asks by status">
          {totalsInOrder(totals).map((t) => (
            <li key={t.status}>
              <span className="figures__number">{t.count.toLocaleString("en-GB")}</span> {t.label.toLowerCase()}
            </li>
          ))}
        </ul>
      </section>

      <Form method="get" className="filters" role="search" aria-label="Filter the tracker">
        <div className="field">
          <label className="field__label" htmlFor="filter-status">
            Status
          </label>
          <select className="select" id="filter-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any status</option>
            {ASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ASK_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-decision-maker">
            Decision maker
          </label>
          <select className="select" id="filter-decision-maker" name="decision-maker" defaultValue={filters.targetId ? String(filters.targetId) : ""}>
            <option value="">Anyone</option>
            {decisionMakers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-topic">
            Topic
          </label>
          <select className="select" id="filter-topic" name="topic" defaultValue={filters.topic ?? ""}>
            <option value="">Any topic</option>
            {TOPICS.map((t) => (
              <option key={t} value={t}>
                {TOPIC_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-body">
            Body
          </label>
          <select className="select" id="filter-body" name="body" defaultValue={filters.body ?? ""}>
            <option value="">Any body</option>
            {bodies.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </div>
        {filters.demandId ? <input type="hidden" name="demand" value={filters.demandId} /> : null}
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            Show
          </button>
          {hasFilters(filters) ? <Link to="/accountability" className="tracker-clear">
              Clear the filters
            </Link> : null}
        </div>
      </Form>

      {filters.demandId && demands[0] ? (
        <p>
          Showing one demand: &ldquo;{demands[0].demand.title}&rdquo;. <Link to={trackerQuery({ ...filters, demandId: null }) || "/accountability"}>Show every demand</Link>
        </p>
      ) : null}

      {demands.length === 0 ? <p>{hasFilters(filters) ? "Nothing matches these filters." : "No adopted demand has a campaign yet."}</p> : null}

      {demands.map((d) => (
        <section className="tracker-demand" key={d.campaign.id} aria-labelledby={`demand-${d.demand.id}-heading`}>
          <div className="tracker-demand__top">
            <h2 id={`demand-${d.demand.id}-heading`} className="tracker-demand__heading">
              <Link to={`/demands/${d.demand.id}`}>{d.demand.title}</Link>
            </h2>
            <CampaignStatusTag status={d.campaign.status} />
          </div>
          <p className="tracker-demand__campaign">
            Campaign: <Link to={`/campaigns/${d.campaign.id}`}>{d.campaign.title}</Link>
            {d.demand.topics.length ? ` · ${d.demand.topics.map((t) => TOPIC_LABELS[t]).join(", ")}` : ""}
          </p>
          <p className="tracker-demand__line">{d.line}</p>
          {d.asks.length ? (
            <ul className="ask-list">
              {d.asks.map((ask) => (
                <li key={ask.id}>
                  <AskRecord ask={ask} context="campaign" />
                </li>
              ))}
            </ul>
          ) : null}
          {d.askCount > d.asks.length ? (
            <p>
              <Link to={trackerQuery({ ...filters, demandId: d.demand.id })}>
                See all {countOf(d.askCount, "ask")}
                <span className="visually-hidden"> for {d.demand.title}</span>
              </Link>
            </p>
          ) : null}
        </section>
      ))}

      <nav className="pagination" aria-label="Pages of the tracker">
        {page > 1 ? <Link to={trackerQuery(filters, page - 1) || "?"}>Previous page</Link> : null}
        {hasMore ? <Link to={trackerQuery(filters, page + 1)}>Next page</Link> : null}
      </nav>

      <section aria-labelledby="download-heading" className="tracker-download">
        <h2 id="download-heading">Download this data</h2>
        <p>The same asks, with the filters you chose, as open data. Anyone may use it; please say it came from Chorus.</p>
        <ul>
          <li>
            <a href={`/accountability.csv${query}`} download>
              Every matching ask as a spreadsheet (CSV)
            </a>
          </li>
          <li>
            <a href={`/accountability.json${downloadQuery}`}>This page as JSON</a> (each page links to the next)
          </li>
        </ul>
        <details className="tracker-help">
          <summary>What each column means</summary>
          <dl className="tracker-columns">
            <dt>Demand, Campaign</dt>
            <dd>The demand the coalition adopted by vote, and the campaign for it.</dd>
            <dt>Decision maker, Role, Body</dt>
            <dd>Who was asked, as listed in the coalition&apos;s directory. Their contact details are never published.</dd>
            <dt>Asked on, Channel</dt>
            <dd>The day they were asked, and how: a letter campaign, a petition delivery, a meeting or something else.</dd>
            <dt>Status, Status date</dt>
            <dd>
              Where the ask stands now and since when:{" "}
              {ASK_STATUSES.map((s) => `${ASK_STATUS_LABELS[s]} (${ASK_STATUS_MEANINGS[s].replace(/\.$/, "").toLowerCase()})`).join("; ")}.
            </dd>
            <dt>Summary</dt>
            <dd>The organisers&apos; plain-language summary of where things stand.</dd>
            <dt>Latest response</dt>
            <dd>The day of the decision maker&apos;s most recent response, if any. Their words are on the campaign page and in the JSON, as the Markdown they were written in: sanitise it before showing it as HTML on another site.</dd>
          </dl>
        </details>
      </section>
    </>
  );
}
