import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RenderedMarkdown } from "~/components/demand-bits";
import { ErrorSummary } from "~/components/error-summary";
import { ShareLinks } from "~/components/share-links";
import {
  countNewsAudience,
  getCountIncludingUnfolded,
  listRecentPublicSigners,
  listSuspectClusters,
} from "~/models/petition.server";
import { db } from "~/utils/db.server";
import { getAppUrl } from "~/utils/env.server";
import { hasSignedPetition, redirectToCheckEmail } from "~/utils/flash.server";
import { formatLondonLong } from "~/utils/london-time";
import { renderMarkdown } from "~/utils/markdown.server";
import { regionOf } from "~/utils/postcode-regions";
import { loadPetitionFor } from "~/petitions/access.server";
import { signFromForm } from "~/petitions/signing.server";
import { organiserIntent, ORGANISER_INTENTS } from "./organiser-intents.server";
import { OrganiserControls, OrganiserTools } from "./organiser-tools";
import { SignForm } from "./sign-form";
import { petitionAsks } from "./asks.server";
import { PetitionAsksSection } from "./asks";
import { acceptingSignatures } from "~/petitions/status";
import { badRequest, invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";
import { countOf, pluralise } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        ...pageTitle({ matches }, data.petition.title, "Petition"),
        { name: "description", content: data.petition.ask },
        { property: "og:type", content: "website" },
        { property: "og:title", content: data.petition.title },
        { property: "og:description", content: data.petition.ask },
        { property: "og:url", content: data.shareUrl },
      ]
    : pageTitle({ matches }, "Petition");

// The page carries the sign form: never cached anywhere. The count has its own cacheable address.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

/** The petition, its campaign, and whether the viewer manages it (drafts are 404 for anyone else). */
async function loadPetition(request: Request, slug: string | undefined) {
  const { petition, campaign, allowed } = await loadPetitionFor(request, slug);
  return { petition, campaign, manage: allowed };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { petition, campaign, manage } = await loadPetition(
    request,
    params.slug,
  );
  const signers =
    petition.status === "draft"
      ? []
      : await listRecentPublicSigners(db, petition.id);
  // Organisers review suspect clusters; ?cluster=<n> previews invalidating one before it is done.
  const clusters =
    manage && petition.status !== "draft"
      ? await listSuspectClusters(db, petition.id)
      : [];
  const newsAudience =
    manage && petition.status !== "draft"
      ? await countNewsAudience(db, petition.id)
      : 0;
  const chosen = Number(new URL(request.url).searchParams.get("cluster"));
  const reviewing =
    Number.isInteger(chosen) && chosen >= 1 ? clusters[chosen - 1] : undefined;
  // Someone who has just confirmed sees "You have signed" and a count that includes them, whether or
  // not the fold has run since (it runs every few seconds).
  const youSigned =
    petition.status !== "draft" &&
    (await hasSignedPetition(request, petition.id));
  const count = youSigned
    ? await getCountIncludingUnfolded(db, petition.id)
    : petition.signature_count;
  const asks = await petitionAsks(petition);
  return {
    petition: {
      slug: petition.slug,
      title: petition.title,
      ask: petition.ask,
      whyHtml: renderMarkdown(petition.why, { headingLevel: 3 }),
      addressedTo: petition.addressed_to,
      goal: petition.goal,
      count,
      status: petition.status,
      closesAt: petition.closes_at,
      deliveredHtml: petition.delivered_note ? renderMarkdown(petition.delivered_note, { headingLevel: 4 }) : null,
      deliveredAt: petition.delivered_at,
      accepting: acceptingSignatures(petition),
    },
    campaign: { id: campaign.id, title: campaign.title },
    signers: signers.map((s) => ({
      firstName: s.first_name,
      region: regionOf(s.outward_code),
    })),
    // The network is shown only as a short fingerprint of its keyed hash: enough to tell clusters apart.
    clusters: clusters.map((c, i) => ({
      n: i + 1,
      network: c.ip_hash ?? "",
      fingerprint: c.ip_hash ? c.ip_hash.slice(0, 8) : "unknown",
      domain: c.domain,
      signatures: c.signatures,
      confirmed: c.confirmed,
    })),
    reviewing: reviewing
      ? {
          network: reviewing.ip_hash ?? "",
          fingerprint: reviewing.ip_hash
            ? reviewing.ip_hash.slice(0, 8)
            : "unknown",
          domain: reviewing.domain,
          signatures: reviewing.signatures,
          confirmed: reviewing.confirmed,
        }
      : null,
    shareUrl: `${getAppUrl()}/petitions/${petition.slug}`,
    manage,
    newsAudience,
    youSigned,
    asks,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  if (ORGANISER_INTENTS.has(intent))
    return organiserIntent(request, params.slug, intent, formData);
  if (intent !== "sign") badRequest();
  // Plain form posts of a valid signature are answered before Remix (app/http/petition-sign.server.ts)
  // by the same signFromForm; this path serves script-driven posts and shows the form's errors.
  const { petition } = await loadPetition(request, params.slug);
  const signed = await signFromForm(petition, formData, context.clientIp);
  if (signed.status === "closed")
    return invalid({ form: "This petition is not open for signatures." });
  if (signed.status === "invalid") return invalid(signed.errors, signed.values);
  return redirectToCheckEmail(request, "petition", signed.email);
}

export default function PetitionPage() {
  const {
    petition,
    campaign,
    signers,
    shareUrl,
    manage,
    clusters,
    reviewing,
    newsAudience,
    youSigned,
    asks,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values;
  const share = petition.goal
    ? Math.min(100, (petition.count / petition.goal) * 100)
    : 0;
  const shareText = `Sign the petition: ${petition.title}`;
  return (
    <>
      <p>
        Part of the campaign{" "}
        <Link to={`/campaigns/${campaign.id}`}>{campaign.title}</Link>
      </p>
      <ErrorSummary errors={errors} order={["name", "email", "postcode"]} />
      <div className="page-heading">
        <span
          className={`stage stage--${petition.status === "open" ? "campaigning" : "closed"}`}
        >
          {petition.status === "draft"
            ? "Draft"
            : petition.accepting
              ? "Open for signatures"
              : "Closed"}
        </span>
        <h1>{petition.title}</h1>
        <p className="lead">{petition.ask}</p>
        <p className="small muted">Addressed to {petition.addressedTo}.</p>
      </div>
      {manage ? (
        <OrganiserControls
          slug={petition.slug}
          status={petition.status}
          values={values}
          errors={errors}
        />
      ) : null}
      {/* Reading order is the order on a phone: the count, then the way to sign, then why. On a wide
          screen the sign form stands beside the rest (app.css, .petition-layout). */}
      <div className="petition-layout">
        <section className="card stage-box" aria-labelledby="progress-heading">
          <h2 id="progress-heading" className="visually-hidden">
            Signatures so far
          </h2>
          <p className="count">
            <span className="figures__number">
              {petition.count.toLocaleString("en-GB")}
            </span>{" "}
            {pluralise(petition.count, "signature")}
            {youSigned ? (
              <span className="count__you"> including yours</span>
            ) : null}
          </p>
          <svg
            className="bar"
            viewBox="0 0 100 10"
            preserveAspectRatio="none"
            aria-hidden="true"
            focusable="false"
          >
            <rect width="100" height="10" className="bar__track" />
            <rect
              width={share}
              height="10"
              className="bar__fill bar__fill--support"
            />
          </svg>
          <p>
            {goalProgress(petition.count, petition.goal)} Only confirmed
            signatures count.
          </p>
          {petition.closesAt ? (
            <p>
              {petition.accepting ? "Closes" : "Closed"}{" "}
              {formatLondonLong(petition.closesAt)}.
            </p>
          ) : null}
        </section>
        <div className="petition-layout__side">
          {youSigned ? (
            <section
              className="card card--done"
              aria-labelledby="signed-heading"
            >
              <h2 id="signed-heading" tabIndex={-1}>
                You have signed
              </h2>
              <p>
                Thank you. The petition has {countOf(petition.count, "signature")}, including
                yours. Petitions are heard when many people sign: ask the people
                you know.
              </p>
              <ShareLinks
                headingId="share-signed-heading"
                heading="Ask others to sign"
                headingLevel={3}
                text={shareText}
                url={shareUrl}
              />
            </section>
          ) : petition.accepting ? (
            <SignForm values={values} errors={errors} />
          ) : petition.status !== "draft" ? (
            <section className="card" aria-labelledby="closed-heading">
              <h2 id="closed-heading">This petition is closed</h2>
              <p>
                It finished with {countOf(petition.count, "signature")}.
              </p>
              {petition.deliveredHtml ? (
                <>
                  <h3>
                    Delivered{" "}
                    {petition.deliveredAt
                      ? formatLondonLong(petition.deliveredAt)
                      : ""}
                  </h3>
                  <RenderedMarkdown html={petition.deliveredHtml} />
                </>
              ) : (
                <p>The campaign&apos;s page says what happens next.</p>
              )}
            </section>
          ) : null}
        </div>
        <div className="petition-layout__main">
          {asks ? <PetitionAsksSection asks={asks} campaignId={campaign.id} /> : null}
          <section aria-labelledby="why-heading">
            <h2 id="why-heading">Why it matters</h2>
            <RenderedMarkdown html={petition.whyHtml} />
          </section>
          {manage && petition.status !== "draft" ? (
            <OrganiserTools
              newsAudience={newsAudience}
              clusters={clusters}
              reviewing={reviewing}
              values={values}
              errors={errors}
            />
          ) : null}
          {signers.length ? (
            <section aria-labelledby="signers-heading">
              <h2 id="signers-heading">Recently signed</h2>
              <ul className="share-links">
                {signers.map((s, i) => (
                  <li key={i}>
                    {s.firstName}
                    {s.region ? `, ${s.region}` : ""}
                  </li>
                ))}
              </ul>
              <p className="small muted">
                Only people who chose to show their first name.
              </p>
            </section>
          ) : null}
          {petition.status !== "draft" && !youSigned ? (
            <section aria-labelledby="share-heading">
              <ShareLinks
                headingId="share-heading"
                text={shareText}
                url={shareUrl}
              />
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** "12% of the goal of 10,000", without rounding a real start down to nothing. */
function goalProgress(count: number, goal: number) {
  if (!goal) return "";
  if (count >= goal)
    return `The goal of ${goal.toLocaleString("en-GB")} is reached.`;
  const percent = (count / goal) * 100;
  const shown =
    count > 0 && percent < 1 ? "Less than 1%" : `${Math.floor(percent)}%`;
  return `${shown} of the goal of ${goal.toLocaleString("en-GB")}.`;
}
