import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { loadPublicLetterCampaign } from "~/letters/access.server";
import { stopLetterNews } from "~/services/letter.server";
import { db } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import { readSignedLinkToken } from "~/utils/signed-links.server";

export const meta: MetaFunction = (args) => pageTitle(args, "Stop campaign news");

async function load(slug: string | undefined, token: string | undefined) {
  return { lc: await loadPublicLetterCampaign(slug), letterId: readSignedLinkToken("letter-news-off", token ?? "") };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { lc, letterId } = await load(params.slug, params.token);
  return { valid: letterId !== null, lc: { slug: lc.slug, title: lc.title } };
}

/**
 * One press, no sign-in: the writer gets no more news about this campaign (their letter stands).
 * Also the target of a mail program's one-click unsubscribe (RFC 8058): no cookie needed, and
 * never a redirect. Opening the link changes nothing; only the POST does.
 */
export async function action({ params }: ActionFunctionArgs) {
  const { lc, letterId } = await load(params.slug, params.token);
  if (letterId === null) notFound();
  await stopLetterNews(db, lc.id, letterId);
  return { done: true };
}

export default function LetterNewsOff() {
  const { valid, lc } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  if (done) {
    return (
      <div className="prose">
        <h1>No more campaign news</h1>
        <p role="status">You will get no more emails about responses to the campaign behind &ldquo;{lc.title}&rdquo;. Your letter stands.</p>
        <p>
          <Link to={`/letters/${lc.slug}`}>Go to the letter campaign</Link>
        </p>
      </div>
    );
  }
  return (
    <LinkLanding valid={valid} title="Stop campaign news" button="Stop the news" expiredMessage="This link is not valid. Use the link in the latest email." retry={{ to: `/letters/${lc.slug}`, label: "Go to the letter campaign" }}>
      <p>Press the button to stop getting emails when decision makers respond to the campaign behind &ldquo;{lc.title}&rdquo;. Your letter stands.</p>
    </LinkLanding>
  );
}
