import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CampaignTimeline } from "~/components/campaign-timeline";
import { CountTable } from "~/components/count-table";
import { BarChart } from "~/components/bar-chart";
import { countEventsByWeek, listCampaignEvents, listOrganisers, listPartners } from "~/models/campaign.server";
import { countLettersSentByDay, letterTotals, listCampaignLetterCampaigns } from "~/models/letter.server";
import { countSignaturesByArea, countSignaturesByDay, listCampaignPetitions } from "~/models/petition.server";
import { listDeliveredPackWarnings } from "~/models/story-pack.server";
import { PackWarnings } from "~/components/pack-warnings";
import { toPackWarnings } from "~/stories/packs";
import { requireMember } from "~/members/session.server";
import { loadCampaign } from "~/campaigns/access.server";
import { db } from "~/utils/db.server";
import { todayInLondon } from "~/utils/london-time";
import { regionTotals } from "~/utils/postcode-regions";
import { canOnCampaign } from "~/members/permissions";
import { forbidden } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";
import { countOf, pluralise } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, `Dashboard: ${args.data?.campaign.title ?? "campaign"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const { campaign, context } = await loadCampaign(params.id, member);
  if (!canOnCampaign(member, "campaign.dashboard", context)) forbidden();
  const [organisers, partners, weeks, recent, petitions, byDay, byArea, letterCampaigns, lettersByDay, letters, packWarnings] = await Promise.all([
    listOrganisers(db, campaign.id),
    listPartners(db, campaign.id),
    countEventsByWeek(db, campaign.id),
    listCampaignEvents(db, campaign.id, 1),
    listCampaignPetitions(db, campaign.id),
    countSignaturesByDay(db, campaign.id),
    countSignaturesByArea(db, campaign.id),
    listCampaignLetterCampaigns(db, campaign.id),
    countLettersSentByDay(db, campaign.id),
    letterTotals(db, campaign.id),
    // Story packs are for the campaign's own organisers only (a story may be shared with them alone).
    context.isOrganiser ? listDeliveredPackWarnings(db, campaign.id) : Promise.resolve([]),
  ]);
  const started = new Date(campaign.created_at);
  const end = campaign.ended_at ? new Date(campaign.ended_at) : new Date();
  return {
    campaign: { id: campaign.id, title: campaign.title, status: campaign.status },
    packs: context.isOrganiser,
    packWarnings: toPackWarnings(packWarnings),
    figures: {
      days: Math.max(1, Math.ceil((end.getTime() - started.getTime()) / 86_400_000)),
      organisers: organisers.length,
      partners: partners.length,
      entries: weeks.reduce((sum, w) => sum + w.entries, 0),
      signatures: byDay.reduce((sum, d) => sum + d.signatures, 0),
      lettersSent: letters.sent,
      replies: letters.replies,
      held: letters.held,
    },
    letterCampaigns,
    lettersByDay: lettersByDay.map((d) => ({ date: d.day, count: d.letters })),
    weeks: weeks.map((w) => ({ date: w.week, count: w.entries })),
    petitions,
    byDay: byDay.map((d) => ({ date: d.day, count: d.signatures })),
    byArea,
    byRegion: regionTotals(byArea.map((a) => ({ area: a.area, count: a.signatures }))).map((r) => ({ region: r.region, signatures: r.count })),
    recent: recent.slice(0, 5).map((e) => ({ ...e, html: "" })),
    today: todayInLondon(),
  };
}

export default function CampaignDashboard() {
  const { campaign, packs, packWarnings, figures, weeks, recent, petitions, byDay, byArea, byRegion, letterCampaigns, lettersByDay } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}`}>Back to the campaign page</Link>
        {campaign.status === "active" ? (
          <>
            {" "}
            · <Link to={`/campaigns/${campaign.id}/manage`}>Manage</Link>
          </>
        ) : null}{" "}
        · <Link to={`/campaigns/${campaign.id}/asks`}>Asks to decision makers</Link>
        {packs ? (
          <>
            {" "}
            · <Link to={`/campaigns/${campaign.id}/packs`}>Story packs for decision makers</Link>
          </>
        ) : null}
      </p>
      <h1>Dashboard: {campaign.title}</h1>
      <PackWarnings campaignId={campaign.id} warnings={packWarnings} />
      <ul className="figures" aria-label="Figures">
        <li>
          <span className="figures__number">{figures.days}</span> {pluralise(figures.days, "day")} {campaign.status === "active" ? "running" : "it ran"}
        </li>
        <li>
          <span className="figures__number">{figures.organisers}</span> {pluralise(figures.organisers, "organiser")}
        </li>
        <li>
          <span className="figures__number">{figures.partners}</span> partner {pluralise(figures.partners, "organisation")}
        </li>
        <li>
          <span className="figures__number">{figures.entries}</span> timeline {pluralise(figures.entries, "entry")}
        </li>
        <li>
          <span className="figures__number">{figures.signatures.toLocaleString("en-GB")}</span> confirmed {pluralise(figures.signatures, "signature")}
        </li>
        <li>
          <span className="figures__number">{figures.lettersSent.toLocaleString("en-GB")}</span> {pluralise(figures.lettersSent, "letter")} sent
        </li>
        <li>
          <span className="figures__number">{figures.replies.toLocaleString("en-GB")}</span> {pluralise(figures.replies, "reply")} received
        </li>
      </ul>
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">Needs an organiser</h2>
        {figures.held === 0 ? (
          <p>Nothing waiting.</p>
        ) : (
          <ul className="task-list">
            {letterCampaigns
              .filter((l) => l.held > 0)
              .map((l) => (
                <li key={l.id}>
                  <Link to={`/letters/${l.slug}/manage#held-heading`}>
                    {countOf(l.held, "letter")} held for review: {l.title}
                  </Link>
                </li>
              ))}
          </ul>
        )}
      </section>
      {letterCampaigns.length ? (
        <section aria-labelledby="letters-heading">
          <h2 id="letters-heading">Letters</h2>
          <ul className="task-list">
            {letterCampaigns.map((l) => (
              <li key={l.id}>
                <Link to={`/letters/${l.slug}/manage`}>{l.title}</Link>
                <span className="task-list__when">
                  {l.status === "draft" ? "Draft" : l.status === "open" ? "Open" : "Closed"}
                  {l.test_mode ? " · test mode" : ""} · {l.sent.toLocaleString("en-GB")} sent · {countOf(l.replies, "reply")}
                </span>
              </li>
            ))}
          </ul>
          <BarChart title="Letters sent by day" points={lettersByDay} period="day" words={{ one: "letter sent", other: "letters sent" }} column="Letters" />
        </section>
      ) : null}
      {petitions.length ? (
        <section aria-labelledby="signatures-heading">
          <h2 id="signatures-heading">Signatures</h2>
          <ul className="task-list">
            {petitions.map((p) => (
              <li key={p.id}>
                <Link to={`/petitions/${p.slug}`}>{p.title}</Link>
                <span className="task-list__when">
                  {p.signature_count.toLocaleString("en-GB")} of {p.goal.toLocaleString("en-GB")} ·{" "}
                  <a href={`/petitions/${p.slug}/signatures.csv`} download>
                    Download for delivery (CSV)<span className="visually-hidden"> for {p.title}</span>
                  </a>
                </span>
              </li>
            ))}
          </ul>
          <BarChart title="Confirmed signatures by day" points={byDay} period="day" words={{ one: "confirmed signature", other: "confirmed signatures" }} column="Signatures" />
          <h3>By nation and region</h3>
          {byRegion.length ? (
            <CountTable
              caption="Confirmed signatures by nation and English region (from the postcode area signers chose to give)"
              heading="Nation or region"
              unit="Signatures"
              rows={byRegion.map((r) => ({ key: r.region, label: r.region, count: r.signatures }))}
            />
          ) : null}
          <h3>By postcode area</h3>
          {byArea.length ? (
            <CountTable
              caption="Confirmed signatures by postcode area (from the first half of the postcode signers chose to give)"
              heading="Area"
              unit="Signatures"
              rows={byArea.map((a) => ({ key: a.area, label: a.area, count: a.signatures }))}
            />
          ) : (
            <p>No confirmed signatures yet.</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity by week</h2>
        <BarChart title="Timeline entries by week" points={weeks} period="week" words={{ one: "timeline entry", other: "timeline entries" }} column="Entries" />
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent activity</h2>
        <CampaignTimeline entries={recent} />
      </section>
    </>
  );
}
