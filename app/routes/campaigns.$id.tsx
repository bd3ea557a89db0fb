import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProposedAt } from "~/components/proposed-at";
import { proposedAtLines } from "~/services/event.server";
import { listCampaignLobbyDays } from "~/models/event.server";
import { formatInZone } from "~/utils/zoned-time";
import { Link, useLoaderData } from "@remix-run/react";
import { ShareLinks } from "~/components/share-links";
import { CampaignTimeline } from "~/components/campaign-timeline";
import { CampaignStatusTag } from "~/components/demand-bits";
import { VerifiedBadge } from "~/components/organisation-badge";
import { listCampaignEvents, listOrganisers, listPartners, TIMELINE_PAGE_SIZE } from "~/models/campaign.server";
import { letterTotals, listCampaignDecisionMakers, listCampaignLetterCampaigns } from "~/models/letter.server";
import { TARGET_ROLE_PLURALS } from "~/letters/rules";
import { FollowButton } from "~/components/follow-button";
import { isFollowing } from "~/models/follow.server";
import { listCampaignPetitions } from "~/models/petition.server";
import { listLatestCampaignAsks } from "~/models/tracker.server";
import { askViews } from "~/accountability/views.server";
import { AskRecord } from "~/components/ask-record";
import { StoriesSection } from "~/components/story-list";
import { newestDemandStories } from "~/stories/reader.server";
import { getCurrentMember } from "~/members/session.server";
import { loadCampaign } from "~/campaigns/access.server";
import { db } from "~/utils/db.server";
import { TOPIC_LABELS } from "~/demands/labels";
import { getAppUrl } from "~/utils/env.server";
import { parseId, parsePage } from "~/utils/ids";
import { formatCalendarDate } from "~/utils/london-time";
import { renderMarkdown } from "~/utils/markdown.server";
import { canOnCampaign } from "~/members/permissions";
import { pageTitle } from "~/utils/meta";
import { pluralise } from "~/utils/plural";

/** Open Graph and Twitter tags, so a shared link previews with the campaign's title and pitch. */
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageTitle({ matches }, "Campaign");
  const { campaign, shareUrl } = data;
  return [
    ...pageTitle({ matches }, campaign.title),
    { name: "description", content: campaign.pitch },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "Chorus" },
    { property: "og:title", content: campaign.title },
    { property: "og:description", content: campaign.pitch },
    { property: "og:url", content: shareUrl },
    { name: "twitter:card", content: "summary" },
    { name: "twitter:title", content: campaign.title },
    { name: "twitter:description", content: campaign.pitch },
    { tagName: "link", rel: "canonical", href: shareUrl },
  ];
};

const CAMPAIGN_ASKS_SHOWN = 10;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const { campaign, context } = await loadCampaign(params.id, member);
  const url = new URL(request.url);
  const page = parsePage(url.searchParams.get("page"));
  const [organisers, partners, events, petitions, letterCampaigns, letters, askRows, stories, proposedAt, lobbyDayRows] = await Promise.all([
    listOrganisers(db, campaign.id),
    listPartners(db, campaign.id),
    listCampaignEvents(db, campaign.id, page),
    listCampaignPetitions(db, campaign.id),
    listCampaignLetterCampaigns(db, campaign.id),
    letterTotals(db, campaign.id),
    listLatestCampaignAsks(db, campaign.id, CAMPAIGN_ASKS_SHOWN + 1),
    // The stories of its demand: one bounded query, as on the demand's page.
    newestDemandStories(request, member, campaign.demand_id),
    // One bounded query each: where the campaign came from, and its lobby days.
    proposedAtLines(db, { campaignId: campaign.id }),
    listCampaignLobbyDays(db, campaign.id),
  ]);
  const decisionMakers = await listCampaignDecisionMakers(db, campaign.id);
  const following = member ? await isFollowing(db, `campaign:${campaign.id}`, member.id) : false;
  const manage = canOnCampaign(member, "campaign.manage", context);
  return {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      pitch: campaign.pitch,
      ask: campaign.ask,
      target: campaign.target,
      endsOn: campaign.ends_on,
      status: campaign.status,
      demand: { id: campaign.demand_id, title: campaign.demand_title, easyRead: campaign.demand_easy_read, topics: campaign.demand_topics },
    },
    organisers,
    partners,
    timeline: events.slice(0, TIMELINE_PAGE_SIZE).map((e) => ({ ...e, html: e.body ? renderMarkdown(e.body, { headingLevel: 4 }) : "" })),
    hasMore: events.length > TIMELINE_PAGE_SIZE,
    // The update an organiser has just posted (?posted=ID, from the manage page): confirmed beside it.
    posted: manage ? parseId(url.searchParams.get("posted")) : null,
    page,
    shareUrl: `${getAppUrl()}/campaigns/${campaign.id}`,
    // Drafts only for those who can open them.
    petitions: petitions.filter((p) => manage || p.status !== "draft"),
    letterCampaigns: letterCampaigns.filter((l) => manage || l.status !== "draft").map((l) => ({ slug: l.slug, title: l.title, status: l.status, sent: l.sent })),
    letters: { sent: letters.sent, replies: letters.replies },
    decisionMakers: {
      chosen: decisionMakers.chosen.map((t) => `${t.name} (${t.body})`),
      own: decisionMakers.ownRoles.map((r) => TARGET_ROLE_PLURALS[r]),
    },
    // The asks moved most recently first, so a notification's link (#ask-ID) lands on the ask it is about.
    asks: await askViews(db, askRows.slice(0, CAMPAIGN_ASKS_SHOWN)),
    moreAsks: askRows.length > CAMPAIGN_ASKS_SHOWN,
    stories,
    proposedAt,
    lobbyDays: lobbyDayRows.map((l) => ({ id: l.id, title: l.title, date: formatInZone(l.starts_at, l.time_zone, "date") })),
    signedIn: Boolean(member),
    follow: member ? { following } : null,
    can: { manage, dashboard: canOnCampaign(member, "campaign.dashboard", context) },
  };
}


export default function CampaignPage() {
  const { campaign, organisers, partners, timeline, hasMore, posted, page, shareUrl, can, petitions, letterCampaigns, letters, decisionMakers, asks, moreAsks, follow, stories, signedIn, proposedAt, lobbyDays } = useLoaderData<typeof loader>();
  const signatures = petitions.reduce((sum, p) => sum + (p.status === "draft" ? 0 : p.signature_count), 0);
  return (
    <>
      <div className="page-heading">
        <CampaignStatusTag status={campaign.status} />
        <h1>{campaign.title}</h1>
        <p className="lead">{campaign.pitch}</p>
        {follow ? <FollowButton subject={`campaign:${campaign.id}`} following={follow.following} name={campaign.title} back={`/campaigns/${campaign.id}`} /> : null}
        {can.manage || can.dashboard ? (
          <div className="button-row">
            {can.manage ? (
              <Link to={`/campaigns/${campaign.id}/manage`} className="button button--secondary">
                Manage the campaign
              </Link>
            ) : null}
            {can.dashboard ? (
              <Link to={`/campaigns/${campaign.id}/dashboard`} className="button button--secondary">
                Dashboard
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="demand-layout">
        <div>
          <section className="card stage-box" aria-labelledby="ask-heading">
            <h2 id="ask-heading">What we are asking for</h2>
            <p className="preformatted">{campaign.ask}</p>
            <p>
              <strong>Aimed at:</strong> {campaign.target}
            </p>
            {decisionMakers.chosen.length || decisionMakers.own.length ? (
              <p>
                <strong>Supporters&apos; letters go to:</strong>{" "}
                {[...decisionMakers.chosen, ...(decisionMakers.own.length ? [`each writer's own ${decisionMakers.own.join(" and ")}`] : [])].join("; ")}
              </p>
            ) : null}
            {campaign.endsOn ? (
              <p>
                <strong>{campaign.status === "active" ? "Runs until" : "Planned to run until"}:</strong> {formatCalendarDate(campaign.endsOn)}
              </p>
            ) : null}
          </section>

          {petitions.length || letterCampaigns.length ? (
            <section aria-labelledby="act-heading">
              <h2 id="act-heading">Take part</h2>
              <ul className="figures" aria-label="Figures">
                {petitions.length ? (
                  <li>
                    <span className="figures__number">{signatures.toLocaleString("en-GB")}</span> confirmed {pluralise(signatures, "signature")}
                  </li>
                ) : null}
                {letterCampaigns.length ? (
                  <>
                    <li>
                      <span className="figures__number">{letters.sent.toLocaleString("en-GB")}</span> {pluralise(letters.sent, "letter")} sent
                    </li>
                    <li>
                      <span className="figures__number">{letters.replies.toLocaleString("en-GB")}</span> {pluralise(letters.replies, "reply")} received
                    </li>
                  </>
                ) : null}
              </ul>
              <ul className="task-list">
                {petitions.map((p) => (
                  <li key={p.id}>
                    <Link to={`/petitions/${p.slug}`}>{p.status === "open" ? `Sign the petition: ${p.title}` : p.title}</Link>
                    <span className="task-list__when">
                      {p.status === "draft" ? "Draft" : `${p.signature_count.toLocaleString("en-GB")} of ${p.goal.toLocaleString("en-GB")}`}
                      {p.status === "closed" || p.status === "delivered" ? " · closed" : ""}
                    </span>
                  </li>
                ))}
                {letterCampaigns.map((l) => (
                  <li key={l.slug}>
                    <Link to={`/letters/${l.slug}`}>{l.status === "open" ? `Write a letter: ${l.title}` : l.title}</Link>
                    <span className="task-list__when">{l.status === "draft" ? "Draft" : `${l.sent.toLocaleString("en-GB")} sent${l.status === "closed" ? " · closed" : ""}`}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {asks.length ? (
            <section aria-labelledby="asks-heading">
              <h2 id="asks-heading">What decision makers were asked</h2>
              <p>Who the campaign asked, what they answered and whether they kept their word, newest news first.</p>
              <ul className="ask-list">
                {asks.map((ask) => (
                  <li key={ask.id}>
                    <AskRecord ask={ask} context="campaign" />
                  </li>
                ))}
              </ul>
              <p>
                <Link to={`/accountability?demand=${campaign.demand.id}`}>{moreAsks ? "See every ask on the accountability tracker" : "See this campaign on the accountability tracker"}</Link>
              </p>
            </section>
          ) : null}

          <section aria-labelledby="demand-heading">
            <h2 id="demand-heading">The demand behind it</h2>
            <p>
              The coalition&apos;s members decided to adopt{" "}
              <Link to={`/demands/${campaign.demand.id}`}>&ldquo;{campaign.demand.title}&rdquo;</Link> by vote.{" "}
              <Link to={`/demands/${campaign.demand.id}#result`}>See the decision record</Link>.
            </p>
            {campaign.demand.easyRead ? (
              <div className="quoted">
                <p className="small">
                  <strong>In easy read</strong>
                </p>
                <p className="easy-read">{campaign.demand.easyRead}</p>
              </div>
            ) : null}
            <p className="small muted">Topics: {campaign.demand.topics.map((t) => TOPIC_LABELS[t]).join(", ")}</p>
          </section>

          {lobbyDays.length ? (
            <section aria-labelledby="lobby-days-heading">
              <h2 id="lobby-days-heading">Lobby days</h2>
              <ul>
                {lobbyDays.map((l) => (
                  <li key={l.id}>
                    <Link to={`/events/${l.id}`}>{l.title}</Link>, {l.date}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <ProposedAt lines={proposedAt} />
          <StoriesSection demandId={campaign.demand.id} stories={stories} signedIn={signedIn} />

          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">What has happened</h2>
            <CampaignTimeline entries={timeline} posted={posted} />
            <nav className="pagination" aria-label="Pages of the timeline">
              {page > 1 ? <Link to={`?page=${page - 1}#timeline-heading`}>Newer entries</Link> : null}
              {hasMore ? <Link to={`?page=${page + 1}#timeline-heading`}>Older entries</Link> : null}
            </nav>
          </section>
        </div>

        <aside className="demand-aside" aria-label="Partners, organisers and sharing">
          <section className="card" aria-labelledby="share-heading">
            <ShareLinks headingId="share-heading" heading="Spread the word" text={`${campaign.title}: ${campaign.pitch}`} url={shareUrl} />
          </section>
          <section className="card" aria-labelledby="partners-heading">
            <h2 id="partners-heading">Partner organisations</h2>
            {partners.length === 0 ? <p>None listed yet.</p> : null}
            <ul>
              {partners.map((p) => (
                <li key={p.id}>
                  <Link to={`/organisations/${p.slug}`}>{p.name}</Link> <VerifiedBadge status={p.status} />
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="organisers-heading">
            <h2 id="organisers-heading">Organisers</h2>
            <ul>
              {organisers.map((o) => (
                <li key={o.id}>
                  {o.display_name}
                  {o.lead ? " (lead)" : ""}
                  {o.organisation_name ? `, for ${o.organisation_name}` : ""}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </>
  );
}
