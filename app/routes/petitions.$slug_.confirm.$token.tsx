import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { confirmSignature, findSignatureLink } from "~/services/petition.server";
import { checkStoryLink } from "~/services/stories.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash, signedPetitionCookie } from "~/utils/flash.server";
import { loadPublicPetition } from "~/petitions/access.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Confirm your signature");

/** Opening the link (as mail scanners do) shows a button; only pressing it confirms. */
export async function loader({ params }: LoaderFunctionArgs) {
  const petition = await loadPublicPetition(params.slug);
  const link = await findSignatureLink(db, petition.id, params.token ?? "", "confirm");
  const valid = Boolean(link && (link.status === "confirmed" || (link.status === "pending" && new Date(link.token_expires_at) > new Date())));
  // Once confirmed, the same link can add a story for a while (app/services/stories.server.ts).
  const story = link?.status === "confirmed" ? await checkStoryLink(db, { kind: "signature", petitionId: petition.id, title: petition.title }, params.token ?? "") : null;
  return { valid, storyOffer: Boolean(story?.ok && story.storiesLeft > 0), petition: { slug: petition.slug, title: petition.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const petition = await loadPublicPetition(params.slug);
  const result = await confirmSignature(db, petition.id, params.token ?? "");
  const back = `/petitions/${petition.slug}`;
  if (!result.ok) return redirectWithFlash(request, `${back}#sign`, { kind: "error", message: "That link has expired or was withdrawn. You can sign again below." });
  // The petition's page then says "You have signed", with the count including this signature.
  const headers = { "Set-Cookie": await signedPetitionCookie(request, petition.id) };
  const story = { to: `${back}/confirm/${params.token}/story`, label: "Add your story (optional)" };
  return redirectWithFlash(request, `${back}#signed-heading`, { kind: "success", message: result.alreadyConfirmed ? "Your signature was already confirmed. Thank you." : "Thank you: your signature is confirmed.", link: story }, { headers });
}

export default function ConfirmSignaturePage() {
  const { valid, storyOffer, petition } = useLoaderData<typeof loader>();
  return (
    <LinkLanding valid={valid} title="Confirm your signature" button="Confirm my signature" expiredMessage="Confirmation links work for 14 days. Sign again to get a new one." retry={{ to: `/petitions/${petition.slug}#sign`, label: "Go to the petition" }}>
      <p>Press the button to add your signature to &ldquo;{petition.title}&rdquo;.</p>
      {storyOffer ? (
        <p>
          Your signature is confirmed. <Link to="story">Add your story (optional)</Link>
        </p>
      ) : null}
    </LinkLanding>
  );
}
