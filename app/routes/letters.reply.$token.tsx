import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { REPLY_OUTCOMES } from "../../db/schema";
import { ErrorSummary } from "~/components/error-summary";
import { Checkbox, TextArea } from "~/components/form-field";
import { getMessageForReply, recordReply } from "~/services/letter.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf } from "~/utils/forms";
import { ReplySchema } from "~/letters/forms";
import { REPLY_OUTCOME_LABELS } from "~/letters/rules";
import { invalid, notFound } from "~/utils/responses.server";
import { readSignedLinkToken } from "~/utils/signed-links.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Did you get a reply?");

/** The follow-up link: a MAC of the message's id, so it needs no account and no stored token. */
async function load(token: string | undefined) {
  const id = readSignedLinkToken("letter-reply", token ?? "");
  const message = id !== null ? await getMessageForReply(db, id) : undefined;
  if (!message || message.status !== "sent") notFound();
  return message;
}

/** Opening the page records nothing (mail scanners open links): only pressing a button does. */
export async function loader({ params }: LoaderFunctionArgs) {
  const m = await load(params.token);
  return { target: m.target_name, title: m.title, slug: m.slug, campaignId: m.campaign_id, outcome: m.reply_outcome, summary: m.reply_summary ?? "", mayPublish: m.summary_may_publish };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const m = await load(params.token);
  const parsed = parseForm(ReplySchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await recordReply(db, m.id, parsed.data);
  return redirectWithFlash(request, `/letters/reply/${params.token}`, { kind: "success", message: "Thank you: the campaign now knows. You can change your answer here at any time." });
}

export default function ReplyPage() {
  const { target, title, campaignId, outcome, summary, mayPublish } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values;
  return (
    <div className="form">
      <ErrorSummary errors={result?.errors} order={["outcome", "summary"]} />
      <h1>Did {target} reply?</h1>
      <p className="lead">About your letter for &ldquo;{title}&rdquo;. Your answer helps the campaign see who is listening.</p>
      {outcome ? (
        <p className="notice">
          You told us: <strong>{REPLY_OUTCOME_LABELS[outcome]}</strong>.
        </p>
      ) : null}
      <Form method="post" noValidate>
        <TextArea
          name="summary"
          label="What did they say? (optional)"
          hint="A sentence or two. Leave out anything personal: organisers may share it."
          limit={1_000}
          rows={3}
          defaultValue={valueOf(values, "summary") || summary}
          error={result?.errors?.summary}
        />
        <Checkbox name="mayPublish" label="The campaign may publish this summary (without my name)" defaultChecked={valueOf(values, "mayPublish") === "yes" || mayPublish} />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Choose what happened</legend>
          <div className="button-row">
            {REPLY_OUTCOMES.map((o) => (
              <button key={o} type="submit" name="outcome" value={o} className={o === outcome ? "button" : "button button--secondary"}>
                {REPLY_OUTCOME_LABELS[o]}
              </button>
            ))}
          </div>
        </fieldset>
      </Form>
      <p>
        <Link to={`/campaigns/${campaignId}`}>See the campaign</Link>
      </p>
    </div>
  );
}
