import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CampaignStatusTag } from "~/components/demand-bits";
import { SelectField } from "~/components/form-field";
import { CAMPAIGN_PAGE_SIZE, listCampaigns } from "~/models/campaign.server";
import { db } from "~/utils/db.server";
import { TOPIC_LABELS, TOPICS, type Topic } from "~/demands/labels";
import { parsePage } from "~/utils/ids";
import { formatCalendarDate } from "~/utils/london-time";
import { pageTitle } from "~/utils/meta";
import { pluralise } from "~/utils/plural";

export const meta: MetaFunction = (args) => pageTitle(args, "Campaigns");

const SHOWS = { "": "Active and past", active: "Active now", past: "Won or closed" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const topic = TOPICS.includes(params.get("topic") as Topic) ? (params.get("topic") as Topic) : undefined;
  const show = params.get("show") === "active" || params.get("show") === "past" ? (params.get("show") as "active" | "past") : undefined;
  const page = parsePage(params.get("page"), 500);
  const rows = await listCampaigns(db, { topic, status: show, page });
  return { campaigns: rows.slice(0, CAMPAIGN_PAGE_SIZE), hasMore: rows.length > CAMPAIGN_PAGE_SIZE, page, filters: { topic: topic ?? "", show: show ?? "" } };
}

export default function Campaigns() {
  const { campaigns, hasMore, page, filters } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), page: String(n) })}`;
  return (
    <>
      <div className="page-heading">
        <h1>Campaigns</h1>
        <p className="lead">How the coalition pushes for the demands its members adopted.</p>
        <p>
          What decision makers were asked, what they answered and whether they kept their promises: <Link to="/accountability">the accountability tracker</Link>.
        </p>
      </div>
      <Form method="get" className="filters" role="search" aria-label="Find campaigns">
        <SelectField id="filter-show" name="show" label="Show" defaultValue={filters.show} options={Object.entries(SHOWS).map(([value, label]) => ({ value, label }))} />
        <SelectField id="filter-topic" name="topic" label="Topic" defaultValue={filters.topic} options={[{ value: "", label: "Any topic" }, ...TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] }))]} />
        <button type="submit" className="button button--secondary">
          Show campaigns
        </button>
      </Form>
      {campaigns.length === 0 ? (
        <p>No campaigns match. Campaigns start from demands the coalition has adopted.</p>
      ) : (
        <ul className="demand-list">
          {campaigns.map((c) => (
            <li key={c.id} className="demand-card">
              <CampaignStatusTag status={c.status} />
              <h2>
                <Link to={`/campaigns/${c.id}`}>{c.title}</Link>
              </h2>
              <p>{c.pitch}</p>
              <ul className="demand-card__facts">
                {c.status === "active" && c.ends_on ? <li className="demand-card__deadline">Runs until {formatCalendarDate(c.ends_on)}</li> : null}
                <li>Aimed at {c.target}</li>
                <li>{c.partner_count === 0 ? "No partner organisations yet" : `${c.partner_count} partner ${pluralise(c.partner_count ?? 0, "organisation")}`}</li>
                <li>{c.topics.map((t) => TOPIC_LABELS[t]).join(", ")}</li>
              </ul>
            </li>
          ))}
        </ul>
      )}
      <nav className="pagination" aria-label="Pages of campaigns">
        {page > 1 ? <Link to={pageLink(page - 1)}>Previous page</Link> : null}
        {hasMore ? <Link to={pageLink(page + 1)}>Next page</Link> : null}
      </nav>
    </>
  );
}
