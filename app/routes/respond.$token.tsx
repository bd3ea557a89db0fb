import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RespondSchema } from "~/accountability/forms";
import { RESPONSE_LINK_DAYS } from "~/accountability/statuses";
import { RESPONSE_MAX, RESPONSE_POSITION_LABELS, RESPONSE_POSITIONS } from "~/accountability/positions";
import { ErrorSummary } from "~/components/error-summary";
import { ChoiceGroup, TextArea } from "~/components/form-field";
import { RenderedMarkdown } from "~/components/demand-bits";
import { answerThroughLink, openResponseLink, type LinkRefusal, type POSITIONS } from "~/services/accountability.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf } from "~/utils/forms";
import { formatCalendarDate, formatLondonLong, todayInLondon } from "~/utils/london-time";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/meta";
import { invalid } from "~/utils/responses.server";

// The page's positions are the service's own, in the same order: a change to one must change the other.
const SAME_POSITIONS: typeof POSITIONS = RESPONSE_POSITIONS;
void SAME_POSITIONS;

// The link is the decision maker's key: search engines are asked not to keep it. Other sites never see
// it: the site-wide Referrer-Policy (strict-origin-when-cross-origin) sends them the origin only. A
// stricter "no-referrer" here would make browsers send "Origin: null" with the form, which the CSRF
// check rightly refuses.
export const meta: MetaFunction = (args) => [...pageTitle(args, "Respond to the campaign"), { name: "robots", content: "noindex" }];

const REFUSAL_STATUS: Record<LinkRefusal, number> = { invalid: 404, expired: 410, superseded: 410 };
const refused = (reason: LinkRefusal) => data({ state: "refused" as const, reason }, { status: REFUSAL_STATUS[reason] });

/**
 * A decision maker's answer, through the signed link emailed with the ask: no account needed.
 * Opening the page changes nothing (mail scanners open links); only the form's button publishes.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const opened = await openResponseLink(db, params.token ?? "");
  if (!opened.ok) return refused(opened.reason);
  const { ask, answered } = opened;
  return {
    state: "open" as const,
    targetName: ask.target_name,
    campaign: { id: ask.campaign_id, title: ask.campaign_title },
    demand: { id: ask.demand_id, title: ask.demand_title },
    request: ask.request,
    askedOn: formatCalendarDate(ask.asked_on),
    expiresOn: formatLondonLong(opened.expiresAt),
    today: formatCalendarDate(todayInLondon()),
    answered: answered ? { html: renderMarkdown(answered.body, { headingLevel: 3 }), receivedOn: formatCalendarDate(answered.receivedOn) } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const here = `/respond/${token}`;
  const opened = await openResponseLink(db, token);
  if (!opened.ok) return refused(opened.reason);
  // A second press changes nothing: their published answer stands.
  if (opened.answered) return redirectWithFlash(request, here, { kind: "info", message: "Your response was already published. Nothing has changed." });
  const parsed = parseForm(RespondSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await answerThroughLink(db, token, { body: parsed.data.response, position: parsed.data.position });
  if (!result.ok) {
    if (result.reason === "answered") return redirectWithFlash(request, here, { kind: "info", message: "Your response was already published. Nothing has changed." });
    return refused(result.reason);
  }
  return redirectWithFlash(request, here, { kind: "success", message: "Thank you: your response is published." });
}

const REFUSAL_WORDS: Record<LinkRefusal, { heading: string; text: string }> = {
  invalid: { heading: "This link does not work", text: "The link may have been copied only in part. Check that you used the whole link from the email, or ask the campaign's organisers to send you a new one." },
  expired: { heading: "This link has expired", text: `Links to respond work for ${RESPONSE_LINK_DAYS} days. Ask the campaign's organisers to send you a new link; your response will still be published.` },
  superseded: { heading: "A newer link was sent", text: "The campaign sent you a newer link to respond, and only the newest one works. Use the link in the most recent email, or ask the organisers to send another." },
};

export default function RespondPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const refusal = result && "state" in result ? result : page.state === "refused" ? page : null;
  if (refusal) {
    const words = REFUSAL_WORDS[refusal.reason];
    return (
      <div className="prose">
        <h1>{words.heading}</h1>
        <p>{words.text}</p>
        <p className="respond-page__way-on">
          <Link to="/" rel="noreferrer">
            Go to Chorus
          </Link>
        </p>
      </div>
    );
  }
  if (page.state !== "open") return null;
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : undefined;
  return (
    <div className="form respond-page">
      <ErrorSummary errors={errors} order={["response", "position"]} />
      <h1>{page.answered ? "Thank you for responding" : `${page.targetName}, the campaign asks for your response`}</h1>
      <p className="lead">
        The campaign{" "}
        <Link to={`/campaigns/${page.campaign.id}`} rel="noreferrer">
          &ldquo;{page.campaign.title}&rdquo;
        </Link>{" "}
        asked {page.targetName} on {page.askedOn}, for the coalition&apos;s demand{" "}
        <Link to={`/demands/${page.demand.id}`} rel="noreferrer">
          &ldquo;{page.demand.title}&rdquo;
        </Link>
        .
      </p>
      <section className="section" aria-labelledby="asked-heading">
        <h2 id="asked-heading">What was asked</h2>
        <blockquote className="respond-page__request">
          {page.request.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </blockquote>
      </section>
      {page.answered ? (
        <section className="section" aria-labelledby="answer-heading">
          <h2 id="answer-heading">Your published response</h2>
          <p>Published on {page.answered.receivedOn}, in your own words, on the campaign&apos;s page. To add to it, reply to the campaign&apos;s organisers: they can publish what you send them.</p>
          <blockquote className="ask-response__words">
            <RenderedMarkdown html={page.answered.html} />
          </blockquote>
        </section>
      ) : (
        <section className="section" aria-labelledby="respond-heading">
          <h2 id="respond-heading">Publish your response</h2>
          <p>
            Your response is published as soon as you press the button, in your own words, with today&apos;s date ({page.today}) and your name, on the campaign&apos;s page. It cannot be changed afterwards. This link works until{" "}
            {page.expiresOn}.
          </p>
          <Form method="post" noValidate>
            <TextArea
              name="response"
              label="Your response"
              hint="Markdown works: a blank line between paragraphs, - for lists, [text](https://…) for links."
              limit={RESPONSE_MAX}
              rows={10}
              defaultValue={valueOf(values, "response")}
              error={errors?.response}
            />
            <ChoiceGroup
              name="position"
              type="radio"
              legend="Your position on what was asked"
              error={errors?.position}
              options={RESPONSE_POSITIONS.map((value) => ({ value, label: RESPONSE_POSITION_LABELS[value] }))}
              selected={[valueOf(values, "position")]}
            />
            <button type="submit" className="button">
              Publish my response
            </button>
          </Form>
        </section>
      )}
    </div>
  );
}
