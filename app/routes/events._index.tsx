import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EVENT_FORMATS, EVENT_KINDS, type EventFormat, type EventKind } from "../../db/schema";
import { EVENT_FORMAT_LABELS, EVENT_KIND_LABELS, EVENTS_PAGE_SIZE } from "~/events/labels";
import { getCurrentMember } from "~/members/session.server";
import { listDraftEventsFor, listEventHostChoices, listEvents, listHostChoicesFor, type EventFilters } from "~/models/event.server";
import { db } from "~/utils/db.server";
import { parseId, parsePage } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";
import { REGION_NAMES, isRegion } from "~/utils/postcode-regions";
import { formatInZone } from "~/utils/zoned-time";

export const meta: MetaFunction = (args) => pageTitle(args, "Events");

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null => (value !== null && (list as readonly string[]).includes(value) ? (value as T) : null);

/** Published events, upcoming (soonest first) or past (latest first), filtered by a plain GET form. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const region = params.get("region");
  const filters: EventFilters = {
    when: params.get("when") === "past" ? "past" : "upcoming",
    kind: oneOf<EventKind>(EVENT_KINDS, params.get("kind")),
    format: oneOf<EventFormat>(EVENT_FORMATS, params.get("format")),
    region: region && isRegion(region) ? region : null,
    campaignId: parseId(params.get("campaign")),
    organisationId: parseId(params.get("organisation")),
  };
  const page = parsePage(params.get("page"), 500);
  const { member } = await getCurrentMember(request);
  const [{ events, hasNext }, choices, drafts, hostChoices] = await Promise.all([
    listEvents(db, filters, page, EVENTS_PAGE_SIZE),
    listEventHostChoices(db),
    member ? listDraftEventsFor(db, member.id) : [],
    member ? listHostChoicesFor(db, member.id) : null,
  ]);
  const mayHost = Boolean(member && (member.isAdmin || hostChoices!.organisations.length || hostChoices!.campaigns.length));
  return { events, hasNext, page, filters, choices, drafts, mayHost };
}

export default function Events() {
  const { events, hasNext, page, filters, choices, drafts, mayHost } = useLoaderData<typeof loader>();
  const query = (changes: Record<string, string | null>) => {
    const all: Record<string, string | null> = {
      when: filters.when === "past" ? "past" : null,
      kind: filters.kind,
      format: filters.format,
      region: filters.region,
      campaign: filters.campaignId ? String(filters.campaignId) : null,
      organisation: filters.organisationId ? String(filters.organisationId) : null,
      ...changes,
    };
    const search = new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => Boolean(e[1])));
    return `?${search}`;
  };
  const filtered = Boolean(filters.kind || filters.format || filters.region || filters.campaignId || filters.organisationId);
  return (
    <>
      <div className="page-heading">
        <h1>Events</h1>
        <p className="lead">Meetings, workshops, assemblies and lobby days, in person and online. Everyone takes part on equal terms: tell the hosts what you need when you register.</p>
        {mayHost ? (
          <p>
            <Link to="/events/new" className="button">
              Create an event
            </Link>
          </p>
        ) : null}
      </div>
      {drafts.length ? (
        <section className="notice" aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">Your drafts</h2>
          <ul>
            {drafts.map((d) => (
              <li key={d.id}>
                <Link to={`/events/${d.id}`}>{d.title}</Link> ({formatInZone(d.starts_at, d.time_zone)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <nav className="subnav" aria-label="Upcoming or past events">
        <ul className="subnav__list">
          <li>
            <Link to={query({ when: null, page: null })} aria-current={filters.when === "upcoming" ? "page" : undefined}>
              Upcoming
            </Link>
          </li>
          <li>
            <Link to={query({ when: "past", page: null })} aria-current={filters.when === "past" ? "page" : undefined}>
              Past
            </Link>
          </li>
        </ul>
      </nav>
      <Form method="get" className="filters" role="search" aria-label="Filter events">
        {filters.when === "past" ? <input type="hidden" name="when" value="past" /> : null}
        <div className="field">
          <label className="field__label" htmlFor="filter-kind">
            Type
          </label>
          <select className="select input" id="filter-kind" name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">Any type</option>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {EVENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-format">
            Online or in person
          </label>
          <select className="select input" id="filter-format" name="format" defaultValue={filters.format ?? ""}>
            <option value="">Either</option>
            <option value="online">Online (or both)</option>
            <option value="in_person">In person (or both)</option>
            <option value="hybrid">Both</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-region">
            Region
          </label>
          <select className="select input" id="filter-region" name="region" defaultValue={filters.region ?? ""}>
            <option value="">Anywhere</option>
            {REGION_NAMES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        {choices.campaigns.length ? (
          <div className="field">
            <label className="field__label" htmlFor="filter-campaign">
              Campaign
            </label>
            <select className="select input" id="filter-campaign" name="campaign" defaultValue={filters.campaignId ?? ""}>
              <option value="">Any campaign</option>
              {choices.campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {choices.organisations.length ? (
          <div className="field">
            <label className="field__label" htmlFor="filter-organisation">
              Organisation
            </label>
            <select className="select input" id="filter-organisation" name="organisation" defaultValue={filters.organisationId ?? ""}>
              <option value="">Any organisation</option>
              {choices.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button button--secondary">
          Show events
        </button>
      </Form>
      <h2>{filters.when === "past" ? "Past events" : "Upcoming events"}</h2>
      {events.length === 0 ? (
        <p>{filtered ? "No events match these choices." : filters.when === "past" ? "No past events yet." : "No upcoming events yet."}</p>
      ) : (
        <ul className="demand-list event-list">
          {events.map((e) => (
            <li key={e.id}>
              <h3 className="event-list__title">
                <Link to={`/events/${e.id}`}>{e.title}</Link>
              </h3>
              <p className="event-list__when">{formatInZone(e.starts_at, e.time_zone)}</p>
              {e.parent_id !== null && e.lobby_day_title ? (
                <p className="event-list__part-of">
                  Part of the lobby day <Link to={`/events/${e.parent_id}`}>{e.lobby_day_title}</Link>
                </p>
              ) : null}
              <ul className="demand-card__facts">
                <li>{EVENT_KIND_LABELS[e.kind]}</li>
                <li>{EVENT_FORMAT_LABELS[e.format]}</li>
                {e.region ? <li>{e.region}</li> : null}
                <li>Hosted by {e.host_kind === "organisation" ? e.organisation_name : e.host_kind === "campaign" ? `the campaign “${e.campaign_title}”` : "the coalition"}</li>
                {e.visibility === "members" ? <li>Members only</li> : null}
                {filters.when === "upcoming" && e.capacity !== null ? <li>{e.registered_count >= e.capacity ? "Full: waiting list open" : `${(e.capacity - e.registered_count).toLocaleString("en-GB")} of ${e.capacity.toLocaleString("en-GB")} places left`}</li> : null}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <nav className="pagination" aria-label="Pages of events">
        {page > 1 ? <Link to={query({ page: page - 1 > 1 ? String(page - 1) : null })}>Previous page</Link> : null}
        {hasNext ? <Link to={query({ page: String(page + 1) })}>Next page</Link> : null}
      </nav>
    </>
  );
}
