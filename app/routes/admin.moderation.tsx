import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin-nav";
import { ErrorSummary } from "~/components/error-summary";
import { FieldError } from "~/components/form-field";
import { recordAuditEvent } from "~/models/audit.server";
import { listReportedComments, moderateComment } from "~/models/comment.server";
import { requireCan } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { invalid } from "~/utils/responses.server";
import { IdField } from "~/utils/ids";

export const meta: MetaFunction = () => [{ title: "Moderation – Admin – Chorus" }];

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
  if (!parsed.ok) throw new Response("Bad request", { status: 400 });
  const { commentId, decision, reason } = parsed.data;
  if (decision === "hide" && reason.length < 3) return invalid({ [`reason-${commentId}`]: "Give a reason: it is shown in place of the comment" });
  const moderated = await db.transaction().execute(async (trx) => {
    // Only a decision that changed a comment is audited: an unknown or deleted comment is a 404.
    if (!(await moderateComment(trx, commentId, moderator.id, decision, decision === "hide" ? reason : null))) return false;
    await recordAuditEvent(trx, { actorId: moderator.id, action: `comment.${decision}`, subjectType: "comment", subjectId: commentId, detail: decision === "hide" ? { reason } : {} });
    return true;
  });
  if (!moderated) throw new Response("Not found", { status: 404 });
  const message = decision === "hide" ? "The comment is hidden, with your reason." : decision === "restore" ? "The comment is shown again." : "The reports are dismissed.";
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
      <p>Comments reported by 3 different members are hidden until you decide.</p>
      {reported.length === 0 ? <p>Nothing to review.</p> : null}
      {reported.map((c) => (
        <section key={c.id} className="card" aria-labelledby={`reported-${c.id}`}>
          <h3 id={`reported-${c.id}`}>
            Comment by {c.author_name ?? "Former member"} on <Link to={`/demands/${c.demand_id}#comment-${c.id}`}>{c.demand_title}</Link>
          </h3>
          <p className="comment__body">{c.body}</p>
          <p className="small">
            {c.open_reports} {c.open_reports === 1 ? "report" : "reports"}
            {c.status === "held" ? ", hidden until reviewed" : ""}. Reasons: {(c.reasons ?? []).join("; ")}
          </p>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="commentId" value={c.id} />
            <div className={result?.errors?.[`reason-${c.id}`] ? "field field--error" : "field"}>
              <label className="field__label" htmlFor={`field-reason-${c.id}`}>
                Reason, if you hide it
              </label>
              <FieldError id={`field-reason-${c.id}-error`} message={result?.errors?.[`reason-${c.id}`]} />
              <input className="input" id={`field-reason-${c.id}`} name="reason" maxLength={300} aria-describedby={result?.errors?.[`reason-${c.id}`] ? `field-reason-${c.id}-error` : undefined} />
            </div>
            <div className="button-row">
              <button type="submit" name="decision" value="hide" className="button button--warning">
                Hide
              </button>
              <button type="submit" name="decision" value="restore" className="button button--secondary">
                Show it
              </button>
              <button type="submit" name="decision" value="dismiss" className="button button--secondary">
                Dismiss reports
              </button>
            </div>
          </Form>
        </section>
      ))}
    </>
  );
}
