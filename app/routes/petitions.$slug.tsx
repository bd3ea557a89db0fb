import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmPanel } from "~/components/confirm";
import { RenderedMarkdown } from "~/components/demand-bits";
import { ErrorSummary } from "~/components/error-summary";
import { Checkbox, TextArea, TextField } from "~/components/form-field";
import { percentOf } from "~/components/vote-results";
import { countNewsAudience, listRecentPublicSigners, listSuspectClusters } from "~/models/petition.server";
import { closePetition, deliverPetition, invalidateSuspectCluster, openPetition, queuePetitionNews, signPetition } from "~/services/petition.server";
import { requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { getAppUrl } from "~/utils/env.server";
import { redirectToCheckEmail, redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf } from "~/utils/forms";
import { formatLondonLong } from "~/utils/london-time";
import { renderMarkdown } from "~/utils/markdown.server";
import { regionOf } from "~/utils/postcode-regions";
import { loadPetitionFor } from "~/petitions/access.server";
import { DeliverSchema, NewsSchema, SignSchema } from "~/petitions/forms";
import { badRequest, forbidden, invalid } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.petition.title} – Petition – Chorus` },
        { name: "description", content: data.petition.ask },
        { property: "og:type", content: "website" },
        { property: "og:title", content: data.petition.title },
        { property: "og:description", content: data.petition.ask },
        { property: "og:url", content: data.shareUrl },
      ]
    : [{ title: "Petition – Chorus" }];

// The page carries the sign form: never cached anywhere. The count has its own cacheable address.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

/** The petition, its campaign, and whether the viewer manages it (drafts are 404 for anyone else). */
async function loadPetition(request: Request, slug: string | undefined) {
  const { petition, campaign, allowed } = await loadPetitionFor(request, slug);
  return { petition, campaign, manage: allowed };
}

const accepting = (p: { status: string; closes_at: Date | null }) => p.status === "open" && (!p.closes_at || new Date(p.closes_at) > new Date());

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { petition, campaign, manage } = await loadPetition(request, params.slug);
  const signers = petition.status === "draft" ? [] : await listRecentPublicSigners(db, petition.id);
  // Organisers review suspect clusters; ?cluster=<n> previews invalidating one before it is done.
  const clusters = manage && petition.status !== "draft" ? await listSuspectClusters(db, petition.id) : [];
  const newsAudience = manage && petition.status !== "draft" ? await countNewsAudience(db, petition.id) : 0;
  const chosen = Number(new URL(request.url).searchParams.get("cluster"));
  const reviewing = Number.isInteger(chosen) && chosen >= 1 ? clusters[chosen - 1] : undefined;
  return {
    petition: {
      slug: petition.slug,
      title: petition.title,
      ask: petition.ask,
      whyHtml: renderMarkdown(petition.why),
      addressedTo: petition.addressed_to,
      goal: petition.goal,
      count: petition.signature_count,
      status: petition.status,
      closesAt: petition.closes_at,
      deliveredHtml: petition.delivered_note ? renderMarkdown(petition.delivered_note) : null,
      deliveredAt: petition.delivered_at,
      accepting: accepting(petition),
    },
    campaign: { id: campaign.id, title: campaign.title },
    signers: signers.map((s) => ({ firstName: s.first_name, region: regionOf(s.outward_code) })),
    // The network is shown only as a short fingerprint of its keyed hash: enough to tell clusters apart.
    clusters: clusters.map((c, i) => ({ n: i + 1, network: c.ip_hash ?? "", fingerprint: c.ip_hash ? c.ip_hash.slice(0, 8) : "unknown", domain: c.domain, signatures: c.signatures, confirmed: c.confirmed })),
    reviewing: reviewing ? { network: reviewing.ip_hash ?? "", fingerprint: reviewing.ip_hash ? reviewing.ip_hash.slice(0, 8) : "unknown", domain: reviewing.domain, signatures: reviewing.signatures, confirmed: reviewing.confirmed } : null,
    shareUrl: `${getAppUrl()}/petitions/${petition.slug}`,
    manage,
    newsAudience,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  if (intent === "deliver") {
    const member = await requireMember(request);
    const { petition, manage } = await loadPetition(request, params.slug);
    if (!manage) forbidden();
    const parsed = parseForm(DeliverSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const delivered = await deliverPetition(db, petition.id, member.id, parsed.data.note);
    if (!delivered) return invalid({ form: "Only a closed petition can be marked delivered." });
    return redirectWithFlash(request, `/petitions/${petition.slug}`, { kind: "success", message: "Marked as delivered. The note is on the campaign's timeline." });
  }
  if (intent === "news") {
    await requireMember(request);
    const { petition, manage } = await loadPetition(request, params.slug);
    if (!manage || petition.status === "draft") forbidden();
    const parsed = parseForm(NewsSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    await queuePetitionNews(db, petition.id, parsed.data);
    return redirectWithFlash(request, `/petitions/${petition.slug}`, { kind: "success", message: "Your message is on its way to the signers who asked for news." });
  }
  if (intent === "invalidate") {
    await requireMember(request);
    const { petition, manage } = await loadPetition(request, params.slug);
    if (!manage) forbidden();
    const domain = String(formData.get("domain") ?? "");
    const network = String(formData.get("network") ?? "");
    const done = await invalidateSuspectCluster(db, petition.id, network || null, domain);
    return redirectWithFlash(request, `/petitions/${petition.slug}#suspect-heading`, {
      kind: "success",
      message: `${done.invalidated} ${done.invalidated === 1 ? "signature" : "signatures"} no longer count (${done.confirmed} had been confirmed). The count updates within seconds.`,
    });
  }
  if (intent === "open" || intent === "close") {
    await requireMember(request);
    const { petition, manage } = await loadPetition(request, params.slug);
    if (!manage) forbidden();
    const changed = intent === "open" ? await openPetition(db, petition.id) : await closePetition(db, petition.id);
    return redirectWithFlash(request, `/petitions/${petition.slug}`, changed ? { kind: "success", message: intent === "open" ? "The petition is open for signatures." : "The petition is closed." } : { kind: "info", message: "Nothing changed." });
  }
  const { petition } = await loadPetition(request, params.slug);
  if (intent !== "sign") badRequest();
  if (!accepting(petition)) return invalid({ form: "This petition is not open for signatures." });
  const parsed = parseForm(SignSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { website, postcode, ...signer } = parsed.data;
  // A filled-in hidden field is a script: it sees the same page as everyone, and nothing is recorded.
  // Plain form posts of a valid signature are answered before Remix (petition-sign.server.ts), by
  // the same signPetition; this path serves script-driven posts and shows the form's errors.
  if (!website) await signPetition(db, petition, { ...signer, outwardCode: postcode, network: context.clientIp });
  return redirectToCheckEmail(request, "petition", parsed.data.email);
}

export default function PetitionPage() {
  const { petition, campaign, signers, shareUrl, manage, clusters, reviewing, newsAudience } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values;
  const share = percentOf(Math.min(petition.count, petition.goal), petition.goal);
  return (
    <>
      <p>
        Part of the campaign <Link to={`/campaigns/${campaign.id}`}>{campaign.title}</Link>
      </p>
      <ErrorSummary errors={errors} order={["name", "email", "postcode"]} />
      <div className="page-heading">
        <span className={`stage stage--${petition.status === "open" ? "campaigning" : "closed"}`}>
          {petition.status === "draft" ? "Draft" : petition.accepting ? "Open for signatures" : "Closed"}
        </span>
        <h1>{petition.title}</h1>
        <p className="lead">{petition.ask}</p>
        <p className="small muted">Addressed to {petition.addressedTo}.</p>
      </div>
      {manage ? (
        <div className="notice">
          <p>
            <strong>You organise this campaign.</strong>{" "}
            {petition.status === "draft" ? "Only organisers can see this draft." : petition.status === "open" ? "Close it when the campaign is ready to deliver it." : null}
          </p>
          {petition.status === "draft" || petition.status === "open" ? (
            <Form method="post">
              <button type="submit" name="intent" value={petition.status === "draft" ? "open" : "close"} className={petition.status === "draft" ? "button" : "button button--secondary"}>
                {petition.status === "draft" ? "Open for signatures" : "Close the petition"}
              </button>
            </Form>
          ) : null}
          {petition.status === "closed" ? (
            <Form method="post" noValidate className="form section">
              <TextArea name="note" label="Mark it delivered: what happened" hint="Who received it, when, and what they said. This goes on the campaign's timeline." limit={10_000} rows={4} defaultValue={valueOf(values, "note")} error={errors?.note} />
              <button type="submit" name="intent" value="deliver" className="button">
                Mark as delivered
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      <div className="demand-layout">
        <div>
          <section className="card stage-box" aria-labelledby="progress-heading">
            <h2 id="progress-heading">
              <span className="figures__number">{petition.count.toLocaleString("en-GB")}</span> {petition.count === 1 ? "signature" : "signatures"}
            </h2>
            <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect width="100" height="10" className="bar__track" />
              <rect width={share} height="10" className="bar__fill bar__fill--support" />
            </svg>
            <p>
              {share}% of the goal of {petition.goal.toLocaleString("en-GB")}. Only confirmed signatures count; the number updates every few seconds.
            </p>
            {petition.closesAt ? (
              <p>
                {petition.accepting ? "Closes" : "Closed"} {formatLondonLong(petition.closesAt)}.
              </p>
            ) : null}
          </section>
          <section aria-labelledby="why-heading">
            <h2 id="why-heading">Why it matters</h2>
            <RenderedMarkdown html={petition.whyHtml} />
          </section>
          {manage && petition.status !== "draft" ? (
            <section className="form" aria-labelledby="news-heading">
              <h2 id="news-heading">Send news to signers</h2>
              <p className="small">
                Goes only to confirmed signers who asked for news about the campaign: {newsAudience.toLocaleString("en-GB")} now. Each email has a link to stop.
              </p>
              <Form method="post" noValidate>
                <TextField name="subject" label="Subject" limit={150} defaultValue={valueOf(values, "subject")} error={errors?.subject} />
                <TextArea name="message" label="Message" hint="Plain text; leave a blank line between paragraphs." limit={5_000} rows={5} defaultValue={valueOf(values, "message")} error={errors?.message} />
                <button type="submit" name="intent" value="news" className="button button--secondary">
                  Send to {newsAudience.toLocaleString("en-GB")} {newsAudience === 1 ? "signer" : "signers"}
                </button>
              </Form>
            </section>
          ) : null}
          {manage && petition.status !== "draft" ? (
            <section aria-labelledby="suspect-heading">
              <h2 id="suspect-heading">Suspect signatures</h2>
              <p className="small">
                Signatures from a network that signed more than 20 times in an hour are marked suspect, silently; they still count until you invalidate them.
              </p>
              {reviewing ? (
                <ConfirmPanel
                  heading={`Invalidate ${reviewing.signatures} ${reviewing.signatures === 1 ? "signature" : "signatures"}?`}
                  confirm="Yes, invalidate them"
                  cancelTo="#suspect-heading"
                  fields={{ intent: "invalidate", network: reviewing.network, domain: reviewing.domain }}
                >
                  <p>
                    All suspect signatures from network {reviewing.fingerprint} with {reviewing.domain} addresses: {reviewing.confirmed} confirmed, {reviewing.signatures - reviewing.confirmed} waiting.
                    They will no longer count. This cannot be undone.
                  </p>
                </ConfirmPanel>
              ) : null}
              {clusters.length === 0 ? (
                <p>None.</p>
              ) : (
                <ul className="task-list">
                  {clusters.map((c) => (
                    <li key={c.n}>
                      <span>
                        Network {c.fingerprint}, {c.domain}: {c.signatures} ({c.confirmed} confirmed)
                      </span>
                      <Link to={`?cluster=${c.n}#suspect-heading`}>
                        Review<span className="visually-hidden"> network {c.fingerprint}, {c.domain}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
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
              <p className="small muted">Only people who chose to show their first name.</p>
            </section>
          ) : null}
        </div>
        <aside className="demand-aside" aria-label="Sign and share">
          {petition.accepting ? (
            <section className="card" id="sign" aria-labelledby="sign-heading">
              <h2 id="sign-heading">Sign this petition</h2>
              {/* A whole-page post even with JavaScript: signing is answered before Remix (petition-sign.server.ts). */}
              <Form method="post" noValidate reloadDocument>
                <input type="hidden" name="intent" value="sign" />
                <TextField name="name" label="Your name" autoComplete="name" limit={100} defaultValue={valueOf(values, "name")} error={errors?.name} />
                <TextField name="email" type="email" label="Your email address" hint="We email you a link to confirm your signature." autoComplete="email" spellCheck={false} defaultValue={valueOf(values, "email")} error={errors?.email} />
                <TextField name="postcode" label="Postcode (optional)" hint="Only the first half is kept, to show where support comes from." autoComplete="postal-code" className="input--short" defaultValue={valueOf(values, "postcode")} error={errors?.postcode} />
                <div className="visually-hidden" aria-hidden="true">
                  <label htmlFor="field-website">Leave this empty</label>
                  <input id="field-website" name="website" tabIndex={-1} autoComplete="off" />
                </div>
                <Checkbox name="showName" label="Show my first name on this page" defaultChecked={valueOf(values, "showName") === "yes"} />
                <Checkbox name="campaignConsent" label="Email me news about this campaign (you can stop at any time)" defaultChecked={valueOf(values, "campaignConsent") === "yes"} />
                <p className="small">
                  How we use your details: <Link to="/privacy">privacy notice</Link>.
                </p>
                <button type="submit" className="button">
                  Sign the petition
                </button>
              </Form>
            </section>
          ) : petition.status !== "draft" ? (
            <section className="card" aria-labelledby="closed-heading">
              <h2 id="closed-heading">This petition is closed</h2>
              <p>It finished with {petition.count.toLocaleString("en-GB")} signatures.</p>
              {petition.deliveredHtml ? (
                <>
                  <h3>Delivered {petition.deliveredAt ? formatLondonLong(petition.deliveredAt) : ""}</h3>
                  <RenderedMarkdown html={petition.deliveredHtml} />
                </>
              ) : (
                <p>The campaign&apos;s page says what happens next.</p>
              )}
            </section>
          ) : null}
          <section className="card" aria-labelledby="share-heading">
            <h2 id="share-heading">Share it</h2>
            <p className="small">
              <span className="share-url">{shareUrl}</span>
            </p>
          </section>
        </aside>
      </div>
    </>
  );
}
