import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { confirmSignature, findSignatureLink } from "~/services/petition.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash, signedPetitionCookie } from "~/utils/flash.server";
import { loadPublicPetition } from "~/petitions/access.server";

export const meta: MetaFunction = () => [{ title: "Confirm your signature – Chorus" }];

/** Opening the link (as mail scanners do) shows a button; only pressing it confirms. */
export async function loader({ params }: LoaderFunctionArgs) {
  const petition = await loadPublicPetition(params.slug);
  const link = await findSignatureLink(db, petition.id, params.token ?? "", "confirm");
  const valid = Boolean(link && (link.status === "confirmed" || (link.status === "pending" && new Date(link.token_expires_at) > new Date())));
  return { valid, petition: { slug: petition.slug, title: petition.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const petition = await loadPublicPetition(params.slug);
  const result = await confirmSignature(db, petition.id, params.token ?? "");
  const back = `/petitions/${petition.slug}`;
  if (!result.ok) return redirectWithFlash(request, `${back}#sign`, { kind: "error", message: "That link has expired or was withdrawn. You can sign again below." });
  // The petition's page then says "You have signed", with the count including this signature.
  const headers = { "Set-Cookie": await signedPetitionCookie(request, petition.id) };
  return redirectWithFlash(request, `${back}#signed-heading`, { kind: "success", message: result.alreadyConfirmed ? "Your signature was already confirmed. Thank you." : "Thank you: your signature is confirmed." }, { headers });
}

export default function ConfirmSignaturePage() {
  const { valid, petition } = useLoaderData<typeof loader>();
  return (
    <LinkLanding valid={valid} title="Confirm your signature" button="Confirm my signature" expiredMessage="Confirmation links work for 14 days. Sign again to get a new one." retry={{ to: `/petitions/${petition.slug}#sign`, label: "Go to the petition" }}>
      <p>Press the button to add your signature to &ldquo;{petition.title}&rdquo;.</p>
    </LinkLanding>
  );
}
