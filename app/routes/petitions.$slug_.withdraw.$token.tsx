import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { findSignatureLink, withdrawSignature } from "~/services/petition.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { loadPublicPetition } from "~/petitions/access.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Withdraw your signature");

export async function loader({ params }: LoaderFunctionArgs) {
  const petition = await loadPublicPetition(params.slug);
  const link = await findSignatureLink(db, petition.id, params.token ?? "", "withdraw");
  return { valid: Boolean(link), petition: { slug: petition.slug, title: petition.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const petition = await loadPublicPetition(params.slug);
  const done = await withdrawSignature(db, petition.id, params.token ?? "");
  const back = `/petitions/${petition.slug}`;
  return redirectWithFlash(request, back, done ? { kind: "success", message: "Your signature is withdrawn and no longer counted." } : { kind: "error", message: "That link is not valid." });
}

export default function WithdrawSignaturePage() {
  const { valid, petition } = useLoaderData<typeof loader>();
  return (
    <LinkLanding valid={valid} title="Withdraw your signature" button="Withdraw my signature" expiredMessage="This link is not valid. Use the link in the latest email about your signature." retry={{ to: `/petitions/${petition.slug}`, label: "Go to the petition" }}>
      <p>Press the button to take your signature off &ldquo;{petition.title}&rdquo;. It will no longer be counted.</p>
    </LinkLanding>
  );
}
