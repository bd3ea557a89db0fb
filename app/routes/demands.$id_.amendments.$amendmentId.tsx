import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CommentForm, CommentThreads, openCommentForm } from "~/components/comments";
import { DiffView } from "~/components/diff-view";
import { ErrorSummary } from "~/components/error-summary";
import { TextArea } from "~/components/form-field";
import { getAmendment, hasSupported } from "~/models/amendment.server";
import { listCommentsReportedBy, listCommentThreads } from "~/models/comment.server";
import { amendmentsOutdatedBy, decideOnAmendment, isAmendmentStale, rebaseAmendment, supportAmendment } from "~/services/demand.server";
import { getCurrentMember, requireMember } from "~/members/session.server";
import { COMMENT_INTENTS, handleCommentIntent } from "~/demands/comment-intents.server";
import { db } from "~/utils/db.server";
import { loadDemand } from "~/demands/access.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { splitParagraphs } from "~/demands/paragraphs";
import { canOnDemand } from "~/members/permissions";
import { badRequest, forbidden, invalid, notFound } from "~/utils/responses.server";
import { wordDiff } from "~/demands/word-diff";
import { parsePage, requireId } from "~/utils/ids";
import { multiline } from "~/utils/fields";
import { pageTitle } from "~/utils/meta";
import { countOf, pluralise } from "~/utils/plural";

/** Why updating an amendment to the current text was refused, shown beside its text. */
const REBASE_REFUSED = {
  "not-yours": "Only the author of an open amendment can update it.",
  "not-in-consultation": "Amendments can only be updated during consultation.",
  "paragraph-gone": "That paragraph no longer exists. Propose a new amendment to the current text instead.",
  unchanged: "The proposed text is the same as the current text.",
} as const;

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data ? `Amendment ${args.data.amendment.id}` : "Amendment", args.data?.demand.title ?? "");

const RebaseSchema = z.object({
  proposedText: multiline(z.string({ error: "Write the text you propose" }).trim().min(5, { error: "Write the text you propose" }).max(50_000, { error: "The proposed text must be 50,000 characters or fewer" })),
});
const DeclineSchema = z.object({
  reason: multiline(z.string({ error: "Give the amender a reason" }).trim().min(5, { error: "Give the amender a reason" }).max(1000, { error: "The reason must be 1,000 characters or fewer" })),
});

async function loadAmendment(params: Record<string, string | undefined>, member: Awaited<ReturnType<typeof getCurrentMember>>["member"]) {
  const { demand, context } = await loadDemand(params.id, member);
  const amendment = await getAmendment(db, requireId(params.amendmentId));
  if (!amendment || amendment.demand_id !== demand.id) notFound();
  return { demand, context, amendment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const { demand, context, amendment } = await loadAmendment(params, member);
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const [threads, supported] = await Promise.all([
    listCommentThreads(db, { demandId: demand.id, amendmentId: amendment.id, order: "oldest", page }),
    member ? hasSupported(db, amendment.id, member.id) : false,
  ]);
  const stale = amendment.status === "open" && isAmendmentStale(amendment, demand.body);
  const mine = member !== null && amendment.author_id === member.id;
  const canDecide = canOnDemand(member, "amendment.decide", context) && amendment.status === "open";
  // What accepting would overtake, shown to the authors before they press the button.
  const wouldOutdate = canDecide && !stale ? await amendmentsOutdatedBy(db, amendment, demand.body) : [];
  const currentText = amendment.paragraph_index === null ? demand.body : splitParagraphs(demand.body)[amendment.paragraph_index];
  return {
    demand: { id: demand.id, title: demand.title },
    amendment: {
      id: amendment.id,
      status: amendment.status,
      authorName: amendment.author_name ?? "Former member",
      paragraphIndex: amendment.paragraph_index,
      rationale: amendment.rationale,
      supportCount: amendment.support_count,
      decisionReason: amendment.decision_reason,
      diff: wordDiff(amendment.original_text, amendment.proposed_text),
      stale,
      proposedText: amendment.proposed_text,
    },
    // The author of an out-of-date amendment gets the current text to update theirs against.
    update: stale && mine && demand.stage === "consultation" ? { currentText: currentText ?? null } : null,
    wouldOutdate: wouldOutdate.map((o) => ({ id: o.id, authorName: o.author_name ?? "a former member", paragraphIndex: o.paragraph_index })),
    threads,
    reportedIds: member ? await listCommentsReportedBy(db, member.id, [...threads.roots, ...threads.replies].map((c) => c.id)) : [],
    supported,
    viewerId: member?.id ?? null,
    now: Date.now(),
    openForm: openCommentForm(new URL(request.url)),
    can: {
      support: canOnDemand(member, "amendment.support", context) && amendment.status === "open" && amendment.author_id !== member?.id,
      decide: canDecide,
      comment: canOnDemand(member, "demand.comment", context),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context, amendment } = await loadAmendment(params, member);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const back = `/demands/${demand.id}/amendments/${amendment.id}`;
  if (COMMENT_INTENTS.has(intent)) return handleCommentIntent(request, member, { demandId: demand.id, amendmentId: amendment.id, context, back }, formData);
  if (intent === "support" || intent === "unsupport") {
    if (!canOnDemand(member, "amendment.support", context) || amendment.status !== "open" || amendment.author_id === member.id) forbidden();
    await supportAmendment(db, amendment.id, member.id, intent === "support");
    return redirectWithFlash(request, back, { kind: "success", message: intent === "support" ? "You support this amendment." : "You no longer support this amendment." });
  }
  if (intent === "accept" || intent === "decline") {
    if (!canOnDemand(member, "amendment.decide", context)) forbidden();
    let reason: string | null = null;
    if (intent === "decline") {
      const parsed = parseForm(DeclineSchema, formData);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      reason = parsed.data.reason;
    }
    const result = await decideOnAmendment(db, amendment.id, member.id, { accept: intent === "accept", reason });
    if (!result.ok) {
      return invalid({
        form: result.reason === "stale" ? "The text this amendment changes has been edited since it was proposed, so it cannot be accepted as it is. Decline it with a reason, or ask the amender to propose it again." : "This amendment has already been decided.",
      });
    }
    return redirectWithFlash(request, back, { kind: "success", message: intent === "accept" ? `Accepted: the text is now revision ${result.revision}.` : "Declined. The amender has been told why." });
  }
  if (intent === "rebase") {
    const parsed = parseForm(RebaseSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const result = await rebaseAmendment(db, amendment.id, member.id, parsed.data.proposedText);
    if (!result.ok) return invalid({ proposedText: REBASE_REFUSED[result.reason] }, formValues(formData, RebaseSchema));
    return redirectWithFlash(request, back, { kind: "success", message: "Your amendment now changes the current text. The authors can accept it again." });
  }
  badRequest();
}

export default function AmendmentPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string> | undefined;
  const { amendment, demand } = data;
  return (
    <>
      <p>
        <Link to={`/demands/${demand.id}`}>Back to “{demand.title}”</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1>
        Amendment {amendment.id} {amendment.paragraphIndex === null ? "to the whole text" : `to paragraph ${amendment.paragraphIndex + 1}`}
      </h1>
      <p>
        Proposed by {amendment.authorName}. Status: <strong>{amendment.status}</strong>. {countOf(amendment.supportCount, "member supports", "members support")} it.
      </p>
      {amendment.stale ? (
        <p className="notice">
          <strong>Out of date:</strong> the text this amendment changes has been edited since it was proposed. It cannot be accepted as it is
          {data.update ? "; update it below" : " until its author updates it"}.
        </p>
      ) : null}
      {data.update ? (
        <section className="card section" id="update" aria-labelledby="update-heading">
          <h2 id="update-heading">Update your amendment to the current text</h2>
          {data.update.currentText === null ? (
            <p>
              The paragraph it changed no longer exists. <Link to={`/demands/${demand.id}/amendments/new`}>Propose a new amendment</Link> to the current text.
            </p>
          ) : (
            <>
              <p>The text now reads:</p>
              <blockquote className="quoted preformatted">{data.update.currentText}</blockquote>
              <Form method="post" className="form" noValidate>
                <TextArea
                  name="proposedText"
                  label="Your replacement text"
                  hint="Your wording is filled in. Keep it, or adjust it to the new text. Supporters stay if you keep your wording."
                  rows={8}
                  defaultValue={valueOf(result?.values, "proposedText") || amendment.proposedText}
                  error={errors?.proposedText}
                />
                <button type="submit" name="intent" value="rebase" className="button">
                  Update my amendment
                </button>
              </Form>
            </>
          )}
        </section>
      ) : null}
      {amendment.decisionReason ? <p>Reason given: {amendment.decisionReason}</p> : null}
      <h2>Why</h2>
      <p>{amendment.rationale}</p>
      <h2>The change</h2>
      <p className="small">Added words are underlined; removed words are struck through.</p>
      <DiffView parts={amendment.diff} label="Proposed change" />
      <div className="button-row">
        {data.can.support ? (
          <Form method="post">
            <button type="submit" name="intent" value={data.supported ? "unsupport" : "support"} className="button button--secondary">
              {data.supported ? "Withdraw my support" : "Support this amendment"}
            </button>
          </Form>
        ) : null}
        {data.can.decide && !amendment.stale ? (
          <Form method="post">
            <button type="submit" name="intent" value="accept" className="button">
              Accept into the text
            </button>
          </Form>
        ) : null}
      </div>
      {data.can.decide && data.wouldOutdate.length ? (
        <div className="notice section">
          <p>
            <strong>Accepting this puts {data.wouldOutdate.length === 1 ? "another amendment" : `${data.wouldOutdate.length} other amendments`} out of date</strong>,
            because it changes the text {pluralise(data.wouldOutdate.length, "it replaces", "they replace")}:
          </p>
          <ul>
            {data.wouldOutdate.map((o) => (
              <li key={o.id}>
                <Link to={`/demands/${demand.id}/amendments/${o.id}`}>
                  Amendment {o.id} {o.paragraphIndex === null ? "to the whole text" : `to paragraph ${o.paragraphIndex + 1}`}
                </Link>{" "}
                by {o.authorName}
              </li>
            ))}
          </ul>
          <p>Their authors will be emailed and can update theirs in one step.</p>
        </div>
      ) : null}
      {data.can.decide ? (
        <Form method="post" className="form section" noValidate>
          <TextArea name="reason" label="Decline, with a reason for the amender" limit={1000} rows={3} error={errors?.reason} />
          <button type="submit" name="intent" value="decline" className="button button--secondary">
            Decline
          </button>
        </Form>
      ) : null}
      <section aria-labelledby="amendment-discussion">
        <h2 id="amendment-discussion">Discussion</h2>
        {data.can.comment ? <CommentForm intent="comment" label="Add to the discussion of this amendment" submit="Post comment" /> : null}
        <CommentThreads
          roots={data.threads.roots}
          replies={data.threads.replies}
          viewerId={data.viewerId}
          canComment={data.can.comment}
          now={data.now}
          open={data.openForm}
          reportedIds={data.reportedIds}
          reportResult={valueOf(result?.values, "intent") === "report" ? { errors, values: result?.values } : undefined}
        />
      </section>
    </>
  );
}
