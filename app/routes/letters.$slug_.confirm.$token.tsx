import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { getLetterCampaignBySlug } from "~/models/letter.server";
import { confirmLetter, findLetterLink } from "~/services/letter.server";
import { checkStoryLink } from "~/services/stories.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Confirm your letter");

async function load(slug: string | undefined) {
  const lc = slug ? await getLetterCampaignBySlug(db, slug) : undefined;
  if (!lc || lc.status === "draft") notFound();
  return lc;
}

/** Opening the link (as mail scanners do) shows a button; only pressing it sends anything. */
export async function loader({ params }: LoaderFunctionArgs) {
  const lc = await load(params.slug);
  const link = await findLetterLink(db, lc.id, params.token ?? "");
  const valid = Boolean(link && (link.status === "confirmed" || new Date(link.token_expires_at) > new Date()));
  // Once confirmed, the same link can add a story for a while (app/services/stories.server.ts).
  const story = link?.status === "confirmed" ? await checkStoryLink(db, { kind: "letter", letterCampaignId: lc.id, title: lc.title }, params.token ?? "") : null;
  return { valid, storyOffer: Boolean(story?.ok && story.storiesLeft > 0), lc: { slug: lc.slug, title: lc.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lc = await load(params.slug);
  const result = await confirmLetter(db, lc.id, params.token ?? "");
  const back = `/letters/${lc.slug}`;
  if (!result.ok) return redirectWithFlash(request, back, { kind: "error", message: "That link has expired. Your letter was not sent; you can write it again below." });
  // The thank-you page says when it goes and offers sharing; the query only picks its wording.
  const thanks = result.alreadyConfirmed ? `${back}/thanks?already=1` : result.held ? `${back}/thanks?held=${result.held}` : `${back}/thanks`;
  return redirectWithFlash(request, thanks, { kind: "info", message: "If you want to, you can tell what happened to you: stories help decision makers understand why this matters.", link: { to: `${back}/confirm/${params.token}/story`, label: "Add your story (optional)" } });
}

export default function ConfirmLetterPage() {
  const { valid, storyOffer, lc } = useLoaderData<typeof loader>();
  return (
    <LinkLanding valid={valid} title="Confirm your letter" button="Confirm and send my letter" expiredMessage="Confirmation links work for 14 days, and your letter was not sent. You can write it again." retry={{ to: `/letters/${lc.slug}`, label: "Write again" }}>
      <p>Press the button to send your letter for &ldquo;{lc.title}&rdquo;.</p>
      {storyOffer ? (
        <p>
          Your letter is confirmed. <Link to="story">Add your story (optional)</Link>
        </p>
      ) : null}
    </LinkLanding>
  );
}
