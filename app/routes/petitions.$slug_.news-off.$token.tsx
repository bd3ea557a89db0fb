import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { stopPetitionNews } from "~/services/petition.server";
import { db } from "~/utils/db.server";
import { readSignedLinkToken } from "~/utils/signed-links.server";
import { loadPublicPetition } from "~/petitions/access.server";
import { notFound } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Stop campaign news");

async function load(slug: string | undefined, token: string | undefined) {
  return { petition: await loadPublicPetition(slug), signatureId: readSignedLinkToken("petition-news-off", token ?? "") };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { petition, signatureId } = await load(params.slug, params.token);
  return { valid: signatureId !== null, petition: { slug: petition.slug, title: petition.title } };
}

/**
 * One press, no sign-in: the signer gets no more news about this campaign (their signature still
 * counts). Also the target of a mail program's one-click unsubscribe (RFC 8058): no cookie needed,
 * and never a redirect.
 */
export async function action({ params }: ActionFunctionArgs) {
  const { petition, signatureId } = await load(params.slug, params.token);
  if (signatureId === null) notFound();
  await stopPetitionNews(db, petition.id, signatureId);
  return { done: true };
}

export default function NewsOff() {
  const { valid, petition } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  if (done) {
    return (
      <div className="prose">
        <h1>No more campaign news</h1>
        <p role="status">You will get no more news about the campaign behind &ldquo;{petition.title}&rdquo;. Your signature still counts.</p>
        <p>
          <Link to={`/petitions/${petition.slug}`}>Go to the petition</Link>
        </p>
      </div>
    );
  }
  return (
    <LinkLanding valid={valid} title="Stop campaign news" button="Stop the news" expiredMessage="This link is not valid. Use the link in the latest email." retry={{ to: `/petitions/${petition.slug}`, label: "Go to the petition" }}>
      <p>Press the button to stop getting news about the campaign behind &ldquo;{petition.title}&rdquo;. Your signature still counts.</p>
    </LinkLanding>
  );
}
