import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ShareLinks } from "~/components/share-links";
import { loadLetterCampaignFor } from "~/letters/access.server";
import { describeWindow, nextSendingStart } from "~/letters/rules";
import { getAppUrl } from "~/utils/env.server";
import { formatLondonLong } from "~/utils/london-time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Thank you for writing – ${data.lc.title} – Chorus` : "Thank you for writing – Chorus" }];

/**
 * Where a writer lands after confirming a letter: thanks, when it goes, what happens next, and a
 * way to ask others to write. The confirmation itself happened in the confirm route's action; the
 * query only says which message to show (how many copies are held for a read), so it reveals nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lc, campaign } = await loadLetterCampaignFor(request, params.slug);
  const query = new URL(request.url).searchParams;
  const held = Math.min(50, Math.max(0, Number.parseInt(query.get("held") ?? "0", 10) || 0));
  const window = { days: lc.window_days, start: lc.window_start, end: lc.window_end };
  const now = new Date();
  const next = nextSendingStart(now, window);
  return {
    lc: { slug: lc.slug, title: lc.title },
    campaign: { id: campaign.id, title: campaign.title },
    already: query.get("already") === "1",
    held,
    window: describeWindow(window),
    startsAt: next && next.getTime() !== now.getTime() ? formatLondonLong(next) : null,
    shareUrl: `${getAppUrl()}/letters/${lc.slug}`,
  };
}

export default function LetterThanksPage() {
  const { lc, campaign, already, held, window, startsAt, shareUrl } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="confirmation">
        <h1>{already ? "Your letter was already confirmed" : "Thank you: your letter is confirmed"}</h1>
        <p>{startsAt ? `It will start going out on ${startsAt}.` : "It is going out now."}</p>
      </div>
      <h2>What happens next</h2>
      <ul>
        <li>Letters go out {window}, a few at a time, so each office reads them as they come.</li>
        {held ? (
          <li>
            {held === 1 ? "One copy is" : `${held} copies are`} very like another letter to the same person, so an organiser will read it before it goes: letters in people&apos;s own
            words are the ones offices read.
          </li>
        ) : null}
        <li>Replies come to your own email address, because your letter goes with your address to reply to.</li>
        <li>In two weeks we will email to ask whether you got a reply, so the campaign knows who answered.</li>
      </ul>
      <section aria-labelledby="share-heading" className="card">
        <ShareLinks headingId="share-heading" heading="Ask others to write too" text={`Write to your representatives: ${lc.title}`} url={shareUrl} />
      </section>
      <p>
        <Link to={`/campaigns/${campaign.id}`}>Back to the campaign: {campaign.title}</Link>
      </p>
    </>
  );
}
