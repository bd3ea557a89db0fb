import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin-nav";
import { ErrorSummary } from "~/components/error-summary";
import { FieldError } from "~/components/form-field";
import { listReportedComments } from "~/models/comment.server";
import { requireCan } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { decideOnReportedComment } from "~/services/moderation.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { badRequest, invalid, notFound } from "~/utils/responses.server";
import { IdField } from "~/utils/fields";
import { pageTitle } from "~/utils/meta";
import { describeReport } from "~/demands/report-labels";
import { pluralise } from "~/utils/plural";

export const meta: MetaFunction = (args) => pageTitle(args, "Moderation", "Admin");

const ModerateSchema = z.object({
  commentId: IdField,
  decision: z.enum(["hide", "restore", "dismiss"]),
  reason: z.string().trim().max(300).optional().default(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireCan(request, "moderation.review");
  return { reported: await listReportedComments(db), isAdmin: member.isAdmin };
}

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requireCan(request, "moderation.review");
  const parsed = parseForm(ModerateSchema, await request.formData());
  if (!parsed.ok) badRequest();
  const { commentId, decision, reason } = parsed.data;
  if (decision === "hide" && reason.length < 3) return invalid({ [`reason-${commentId}`]: "Give a reason: it is shown in place of the comment" });
  const moderated = await decideOnReportedComment(db, moderator.id, commentId, decision, reason);
  if (!moderated) notFound();
  const message =
    decision === "hide" ? "The comment is hidden, with your reason. Its author has been emailed." : decision === "restore" ? "The comment is shown again and its reports are closed." : "The comment stays and its reports are closed.";
  return redirectWithFlash(request, "/admin/moderation", { kind: "success", message });
}

export default function Moderation() {
  const { reported, isAdmin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin={isAdmin} />
      <ErrorSummary errors={result?.errors} />
      <h2>Reported comments</h2>
      <div className="notice">
        <p>Members report comments they think break the <Link to="/guidelines">community guidelines</Link>. When 3 different members report one, it is hidden until a moderator decides. For each comment, choose:</p>
        <ul>
          <li>
            <strong>Hide it</strong>: everyone sees your reason in its place. Its author is emailed with the reason and can ask for a review.
          </li>
          <li>
            <strong>Keep it</strong>: it stays visible (or is shown again, if reports had hidden it) and the reports are closed.
          </li>
        </ul>
      </div>
      {reported.length === 0 ? <p>Nothing to review.</p> : null}
      {reported.map((c) => {
        const error = result?.errors?.[`reason-${c.id}`];
        return (
          <section key={c.id} className="card" aria-labelledby={`reported-${c.id}`}>
            <h3 id={`reported-${c.id}`}>
              Comment by {c.author_name ?? "Former member"} on <Link to={`/demands/${c.demand_id}#comment-${c.id}`}>{c.demand_title}</Link>
            </h3>
            <p className="small">
              {c.status === "held" ? "Hidden until you decide. " : c.status === "hidden" ? "Hidden by a moderator. " : "Visible now. "}
              {c.open_reports} open {pluralise(c.open_reports, "report")}.
            </p>
            <blockquote className="quoted">
              <p className="comment__body">{c.body}</p>
            </blockquote>
            <h4>Why it was reported</h4>
            <ul>
              {(c.reasons ?? []).map((report, i) => (
                <li key={i}>{describeReport(report.category, report.reason)}</li>
              ))}
            </ul>
            <Form method="post" className="form" noValidate>
              <input type="hidden" name="commentId" value={c.id} />
              <div className={error ? "field field--error" : "field"}>
                <label className="field__label" htmlFor={`field-reason-${c.id}`}>
                  Your reason, if you hide it
                </label>
                <p className="field__hint" id={`field-reason-${c.id}-hint`}>
                  Shown to everyone in place of the comment, and emailed to its author. Up to 300 characters.
                </p>
                <FieldError id={`field-reason-${c.id}-error`} message={error} />
                <input
                  className="input"
                  id={`field-reason-${c.id}`}
                  name="reason"
                  maxLength={300}
                  aria-describedby={error ? `field-reason-${c.id}-hint field-reason-${c.id}-error` : `field-reason-${c.id}-hint`}
                />
              </div>
              <div className="button-row">
                <button type="submit" name="decision" value="hide" className="button button--warning">
                  Hide it
                </button>
                <button type="submit" name="decision" value={c.status === "visible" ? "dismiss" : "restore"} className="button button--secondary">
                  {c.status === "visible" ? "Keep it" : "Show it again"}
                </button>
              </div>
            </Form>
          </section>
        );
      })}
    </>
  );
}
