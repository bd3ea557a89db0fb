import { FollowButton } from "~/components/follow-button";
import { isFollowing } from "~/models/follow.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { StageTag } from "~/components/demand-bits";
import { percentOf } from "~/components/vote-results";
import { SelectField } from "~/components/form-field";
import { DEMAND_PAGE_SIZE, listDemands, type DemandSort } from "~/models/demand.server";
import { listOrganisations } from "~/models/organisation.server";
import { getCurrentMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { DEMAND_STAGES, formatWhen, STAGE_LABELS, TOPIC_LABELS, TOPICS, type DemandStage, type Topic } from "~/demands/labels";
import { parseId, parsePage } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";

export const meta: MetaFunction = (args) => pageTitle(args, "Demands");

const SORTS: Record<DemandSort, string> = { open_first: "Open for input first", newest: "Newest first", supported_amendments: "Most supported amendments", closing_soon: "Closing soon" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const params = new URL(request.url).searchParams;
  const stage = DEMAND_STAGES.includes(params.get("stage") as DemandStage) ? (params.get("stage") as DemandStage) : undefined;
  const topic = TOPICS.includes(params.get("topic") as Topic) ? (params.get("topic") as Topic) : undefined;
  const organisationId = parseId(params.get("organisation")) ?? undefined;
  const query = (params.get("q") ?? "").trim().slice(0, 200) || undefined;
  const sort = (Object.keys(SORTS) as DemandSort[]).includes(params.get("sort") as DemandSort) ? (params.get("sort") as DemandSort) : "open_first";
  const page = parsePage(params.get("page"), 500);
  const [rows, organisations] = await Promise.all([
    listDemands(db, { stage, topic, organisationId, query, sort, page, viewerId: member?.id ?? null }),
    listOrganisations(db, { status: "verified" }),
  ]);
  return {
    demands: rows.slice(0, DEMAND_PAGE_SIZE),
    hasMore: rows.length > DEMAND_PAGE_SIZE,
    page,
    filters: { stage: stage ?? "", topic: topic ?? "", organisation: organisationId ? String(organisationId) : "", q: query ?? "", sort },
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    signedIn: Boolean(member),
    topicFollow: member && topic ? { topic, following: await isFollowing(db, `topic:${topic}`, member.id) } : null,
  };
}

/** "72% supported (18 of 25 votes)": the share of all ballots, abstentions included, as the result page shows it. */
function supportLine(totals: { support: number; oppose: number; abstain: number }) {
  const all = totals.support + totals.oppose + totals.abstain;
  return `${percentOf(totals.support, all)}% supported (${totals.support} of ${countOf(all, "vote")})`;
}

export default function Demands() {
  const { demands, hasMore, page, filters, organisations, signedIn, topicFollow } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), page: String(n) })}`;
  return (
    <>
      <div className="page-heading">
        <h1>Demands</h1>
        <p className="lead">The policy positions members propose, shape together and decide on.</p>
      </div>
      {signedIn ? (
        <p>
          <Link to="/demands/new" className="button">
            Propose a demand
          </Link>
        </p>
      ) : (
        <p>
          <Link to="/join">Join</Link> or <Link to="/sign-in?redirectTo=/demands">sign in</Link> to propose a demand, comment and vote.
        </p>
      )}
      <Form method="get" className="filters" role="search" aria-label="Find demands">
        <div className="field">
          <label className="field__label" htmlFor="filter-q">
            Search
          </label>
          <input className="input" id="filter-q" type="search" name="q" defaultValue={filters.q} />
        </div>
        <SelectField
          id="filter-stage"
          name="stage"
          label="Stage"
          defaultValue={filters.stage}
          options={[{ value: "", label: "Any stage" }, ...DEMAND_STAGES.filter((s) => s !== "draft").map((s) => ({ value: s, label: STAGE_LABELS[s] }))]}
        />
        <SelectField id="filter-topic" name="topic" label="Topic" defaultValue={filters.topic} options={[{ value: "", label: "Any topic" }, ...TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] }))]} />
        <SelectField
          id="filter-organisation"
          name="organisation"
          label="Organisation"
          defaultValue={filters.organisation}
          options={[{ value: "", label: "Any organisation" }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <SelectField id="filter-sort" name="sort" label="Sort by" defaultValue={filters.sort} options={Object.entries(SORTS).map(([value, label]) => ({ value, label }))} />
        <button type="submit" className="button button--secondary">
          Show demands
        </button>
      </Form>
      {topicFollow ? (
        <div className="button-row">
          <p>{topicFollow.following ? `You hear about new demands in ${TOPIC_LABELS[topicFollow.topic]}.` : `Hear about new demands in ${TOPIC_LABELS[topicFollow.topic]}:`}</p>
          <FollowButton subject={`topic:${topicFollow.topic}`} following={topicFollow.following} name={`the topic ${TOPIC_LABELS[topicFollow.topic]}`} back={`/demands?topic=${topicFollow.topic}`} />
        </div>
      ) : null}
      {demands.length === 0 ? (
        <p>No demands match. Try fewer filters.</p>
      ) : (
        <ul className="demand-list">
          {demands.map((d) => (
            <li key={d.id} className="demand-card">
              <StageTag stage={d.stage} />
              <h2>
                <Link to={`/demands/${d.id}`}>{d.title}</Link>
              </h2>
              <p>{d.summary.length > 240 ? `${d.summary.slice(0, 237)}…` : d.summary}</p>
              <ul className="demand-card__facts">
                {d.stage === "voting" && d.voting_ends_at ? <li className="demand-card__deadline">Voting closes {formatWhen(d.voting_ends_at)}</li> : null}
                {d.stage === "consultation" && d.consultation_ends_at ? <li className="demand-card__deadline">Open for comments until {formatWhen(d.consultation_ends_at)}</li> : null}
                {d.final_totals ? <li className="demand-card__deadline">{supportLine(d.final_totals)}</li> : null}
                <li>
                  {countOf(d.comment_count, "comment")}
                </li>
                <li>
                  {d.endorsement_count === 0 ? "No endorsements yet" : `Endorsed by ${countOf(d.endorsement_count ?? 0, "organisation")}`}
                </li>
                <li>{d.topics.map((t) => TOPIC_LABELS[t]).join(", ")}</li>
                {d.organisation_name ? <li>Proposed on behalf of {d.organisation_name}</li> : null}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <nav className="pagination" aria-label="Pages of demands">
        {page > 1 ? <Link to={pageLink(page - 1)}>Previous page</Link> : null}
        {hasMore ? <Link to={pageLink(page + 1)}>Next page</Link> : null}
      </nav>
    </>
  );
}
