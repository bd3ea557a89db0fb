import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { stopPetitionNews } from "~/services/petition.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readSignedLinkToken } from "~/utils/signed-links.server";
import { loadPublicPetition } from "~/utils/petition-access.server";

export const meta: MetaFunction = () => [{ title: "Stop campaign news – Chorus" }];

async function load(slug: string | undefined, token: string | undefined) {
  return { petition: await loadPublicPetition(slug), signatureId: readSignedLinkToken("petition-news-off", token ?? "") };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { petition, signatureId } = await load(params.slug, params.token);
  return { valid: signatureId !== null, petition: { slug: petition.slug, title: petition.title } };
}

/** One press, no sign-in: the signer gets no more news about this campaign. Their signature still counts. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { petition, signatureId } = await load(params.slug, params.token);
  if (signatureId === null) return redirectWithFlash(request, `/petitions/${petition.slug}`, { kind: "error", message: "That link is not valid." });
  await stopPetitionNews(db, petition.id, signatureId);
  return redirectWithFlash(request, `/petitions/${petition.slug}`, { kind: "success", message: "You will get no more news about this campaign. Your signature still counts." });
}

export default function NewsOff() {
  const { valid, petition } = useLoaderData<typeof loader>();
  return (
    <LinkLanding valid={valid} title="Stop campaign news" button="Stop the news" expiredMessage="This link is not valid. Use the link in the latest email." retry={{ to: `/petitions/${petition.slug}`, label: "Go to the petition" }}>
      <p>Press the button to stop getting news about the campaign behind &ldquo;{petition.title}&rdquo;. Your signature still counts.</p>
    </LinkLanding>
  );
}
