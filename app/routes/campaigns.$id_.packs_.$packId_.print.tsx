import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCampaignPack } from "~/campaigns/access.server";
import { CountTable } from "~/components/count-table";
import { StoryCard } from "~/components/story-card";
import { listPetitionTargets } from "~/models/ask.server";
import { countLettersSentByArea } from "~/models/letter.server";
import { countSignaturesByArea } from "~/models/petition.server";
import { listPackStories } from "~/models/story-pack.server";
import { toStoryCard } from "~/stories/view";
import { db } from "~/utils/db.server";
import { formatCalendarDate, formatLondonDate } from "~/utils/london-time";
import { markdownToSafeHtml } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/meta";
import { pluralise } from "~/utils/plural";
import { regionTotals } from "~/utils/postcode-regions";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, `${args.data?.pack.title ?? "Story pack"}: printable`, args.data?.campaign.title ?? "Campaign");

// A document to print or save: nothing on it needs JavaScript, so none is sent (root.tsx reads this).
export const handle = { scripts: false };

/**
 * The printable pack: a cover with the campaign, its demand, whom the pack is for and the figures by
 * region, then each story still quotable now, numbered as when the pack was made, in full under the
 * name its teller chose. Rebuilt from the live consents at every request, so a withdrawn story is
 * never printed again. A fixed number of queries whatever the number of stories.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign, pack } = await requireCampaignPack(request, params.id, params.packId);
  const [stories, signatureAreas, letterAreas, petitionTargets] = await Promise.all([
    listPackStories(db, pack.id, campaign.id),
    countSignaturesByArea(db, campaign.id, pack.petitionId),
    countLettersSentByArea(db, campaign.id),
    pack.petitionId !== null && pack.askId === null ? listPetitionTargets(db, pack.petitionId) : Promise.resolve([]),
  ]);
  const signaturesByRegion = regionTotals(signatureAreas.map((a) => ({ area: a.area, count: a.signatures })));
  const lettersByRegion = regionTotals(letterAreas.map((a) => ({ area: a.area, count: a.letters })));
  const forWhom = pack.askTargetName
    ? [`${pack.askTargetName}, ${pack.askTargetBody}`]
    : petitionTargets.length
      ? petitionTargets.map((t) => `${t.name}, ${t.body}`)
      : [pack.petitionAddressedTo ?? campaign.target];
  return {
    campaign: { id: campaign.id, title: campaign.title, ask: campaign.ask, demandTitle: campaign.demand_title },
    pack: {
      id: pack.id,
      title: pack.title,
      date: (pack.deliveredAt ? new Date(pack.deliveredAt) : new Date()).toISOString(),
      petitionTitle: pack.petitionTitle,
      askRequest: pack.askRequest,
      askedOn: pack.askedOn,
    },
    forWhom,
    figures: {
      signatures: signaturesByRegion.reduce((sum, r) => sum + r.count, 0),
      letters: lettersByRegion.reduce((sum, r) => sum + r.count, 0),
      stories: stories.length,
    },
    signaturesByRegion,
    lettersByRegion,
    // Only what a reader sees of each story: never its teller's id, email or signature.
    stories: stories.map((s) => ({ ...toStoryCard(s, { html: markdownToSafeHtml(s.body, 4) }), position: s.position })),
  };
}

export default function PrintablePack() {
  const { campaign, pack, forWhom, figures, signaturesByRegion, lettersByRegion, stories } = useLoaderData<typeof loader>();
  return (
    <div className="pack-print">
      <p className="no-print">
        <Link to={`/campaigns/${campaign.id}/packs/${pack.id}`}>Back to the pack</Link> · To print it or save it as a PDF, use your browser&apos;s Print command. The
        site&apos;s header and footer are left off the paper, and each story starts on a new page.
      </p>
      <section className="pack-cover" aria-labelledby="pack-title">
        <p className="pack-cover__from">From the campaign &ldquo;{campaign.title}&rdquo;</p>
        <h1 id="pack-title">{pack.title}</h1>
        <dl className="summary-list pack-cover__facts">
          <dt>For</dt>
          <dd>
            {forWhom.length === 1 ? (
              forWhom[0]
            ) : (
              <ul className="pack-cover__list">
                {forWhom.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt>Date</dt>
          <dd>{formatLondonDate(pack.date)}</dd>
          <dt>Our demand</dt>
          <dd>{campaign.demandTitle}</dd>
          <dt>What we ask</dt>
          <dd>{campaign.ask}</dd>
          {pack.askRequest ? (
            <>
              <dt>What we asked you{pack.askedOn ? ` on ${formatCalendarDate(pack.askedOn)}` : ""}</dt>
              <dd className="pack-cover__request">{pack.askRequest}</dd>
            </>
          ) : null}
          {pack.petitionTitle ? (
            <>
              <dt>Petition</dt>
              <dd>{pack.petitionTitle}</dd>
            </>
          ) : null}
        </dl>
        <h2>In figures</h2>
        <ul className="figures" aria-label="Figures">
          <li>
            <span className="figures__number">{figures.signatures.toLocaleString("en-GB")}</span> confirmed {pluralise(figures.signatures, "signature")}
            {pack.petitionTitle ? " on the petition" : ""}
          </li>
          <li>
            <span className="figures__number">{figures.letters.toLocaleString("en-GB")}</span> {pluralise(figures.letters, "letter")} sent to decision makers
          </li>
          <li>
            <span className="figures__number">{figures.stories.toLocaleString("en-GB")}</span> {pluralise(figures.stories, "story", "stories")} in this pack
          </li>
        </ul>
        <div className="pack-cover__regions">
          {signaturesByRegion.length ? (
            <CountTable caption="Confirmed signatures by nation and region (from the postcode signers chose to give)" heading="Nation or region" unit="Signatures" rows={signaturesByRegion.map((r) => ({ key: r.region, label: r.region, count: r.count }))} />
          ) : null}
          {lettersByRegion.length ? (
            <CountTable caption="Letters sent by nation and region (from the writers' postcodes)" heading="Nation or region" unit="Letters" rows={lettersByRegion.map((r) => ({ key: r.region, label: r.region, count: r.count }))} />
          ) : null}
        </div>
        <p className="pack-cover__consent">
          Each story is published here with its teller&apos;s agreement to be quoted to decision makers, under the name they chose. A teller can withdraw their story at any
          time; if they do, we will ask you to stop using it.
        </p>
      </section>
      <section className="pack-stories" aria-labelledby="stories-heading">
        <h2 id="stories-heading" className="visually-hidden">
          The stories
        </h2>
        {stories.length === 0 ? <p>No story in this pack may be quoted now.</p> : null}
        {stories.map((s) => (
          <div className="pack-story" key={s.id}>
            <p className="pack-story__number">Story {s.position}</p>
            <StoryCard story={s} headingLevel={3} link={false} fold={false} />
          </div>
        ))}
      </section>
    </div>
  );
}
