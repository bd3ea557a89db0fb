import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin-nav";
import { ErrorSummary } from "~/components/error-summary";
import { FieldError } from "~/components/form-field";
import { listOrganisationsAwaitingVerification } from "~/models/organisation.server";
import { declineOrganisation, verifyOrganisation } from "~/services/organisation.server";
import { requireCan } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { multiline } from "~/utils/fields";
import { ORGANISATION_KIND_LABELS } from "~/organisations/labels";
import { IdField } from "~/utils/fields";
import { pageTitle } from "~/utils/meta";
import { formatLondonDate } from "~/utils/london-time";
import { badRequest, invalid } from "~/utils/responses.server";
import { parseId } from "~/utils/ids";

export const meta: MetaFunction = (args) => pageTitle(args, "Verify organisations", "Admin");

const VerifySchema = z.object({ organisationId: IdField });
const DeclineSchema = z.object({
  organisationId: IdField,
  reason: multiline(
    z
      .string({ error: "Say why you are declining it: the person who asked is told" })
      .trim()
      .min(3, { error: "Say why you are declining it: the person who asked is told" })
      .max(1000, { error: "The reason must be 1,000 characters or fewer" }),
  ),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCan(request, "organisation.verify");
  return { pending: await listOrganisationsAwaitingVerification(db) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireCan(request, "organisation.verify");
  const formData = await request.formData();
  if (formData.get("intent") === "decline") {
    const parsed = parseForm(DeclineSchema, formData);
    if (!parsed.ok) {
      // Each organisation has its own reason box: the error goes to the one that was used. The id is
      // read as an id first, so a tampered one is refused rather than echoed back as a field name.
      const id = parseId(formData.get("organisationId"));
      if (id === null) badRequest();
      return invalid(parsed.errors.reason ? { [`reason-${id}`]: parsed.errors.reason } : parsed.errors, parsed.values);
    }
    const result = await declineOrganisation(db, admin.id, parsed.data.organisationId, parsed.data.reason);
    return redirectWithFlash(
      request,
      "/admin/organisations",
      result.ok ? { kind: "success", message: "Organisation declined. The person who asked has been emailed your reason." } : { kind: "info", message: "That organisation was already decided." },
    );
  }
  const parsed = parseForm(VerifySchema, formData);
  if (!parsed.ok) badRequest();
  const verified = await verifyOrganisation(db, admin.id, parsed.data.organisationId);
  return redirectWithFlash(request, "/admin/organisations", verified ? { kind: "success", message: "Organisation verified." } : { kind: "info", message: "That organisation was already decided." });
}

export default function VerifyOrganisations() {
  const { pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string> | undefined;
  const typed = result?.values;
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin />
      <ErrorSummary errors={errors} />
      <h2>Organisations awaiting verification</h2>
      <p>Verify an organisation when you are satisfied it is who it says it is. A verified organisation&apos;s admins can endorse demands on its behalf.</p>
      {pending.length === 0 ? <p>None waiting.</p> : null}
      {pending.map((o) => {
        const error = errors?.[`reason-${o.id}`];
        const typedReason = typed && String(typed.organisationId) === String(o.id) ? String(typed.reason ?? "") : "";
        return (
          <section key={o.id} className="card" aria-labelledby={`organisation-${o.id}`}>
            <h3 id={`organisation-${o.id}`}>
              <Link to={`/organisations/${o.slug}`}>{o.name}</Link>
            </h3>
            <dl className="summary-list">
              <dt>Kind</dt>
              <dd>{ORGANISATION_KIND_LABELS[o.kind]}</dd>
              <dt>Website</dt>
              <dd>
                {o.website ? (
                  <a href={o.website} rel="noopener noreferrer nofollow">
                    {o.website}
                  </a>
                ) : (
                  "None given"
                )}
              </dd>
              <dt>About it</dt>
              <dd className="preformatted">{o.description || "No description given"}</dd>
              <dt>Asked by</dt>
              <dd>{o.requester_name ?? "A former member"}</dd>
              <dt>Asked on</dt>
              <dd>{formatLondonDate(o.created_at)}</dd>
            </dl>
            <Form method="post">
              <input type="hidden" name="organisationId" value={o.id} />
              <button type="submit" name="intent" value="verify" className="button">
                Verify<span className="visually-hidden"> {o.name}</span>
              </button>
            </Form>
            <Form method="post" className="form" noValidate>
              <input type="hidden" name="organisationId" value={o.id} />
              <div className={error ? "field field--error" : "field"}>
                <label className="field__label" htmlFor={`field-reason-${o.id}`}>
                  Reason, if you decline {o.name}
                </label>
                <p className="field__hint" id={`field-reason-${o.id}-hint`}>
                  Emailed to {o.requester_name ?? "the person who asked"}. Say what is missing or why it cannot be verified. Up to 1,000 characters.
                </p>
                <FieldError id={`field-reason-${o.id}-error`} message={error} />
                <textarea
                  className="textarea"
                  id={`field-reason-${o.id}`}
                  name="reason"
                  rows={3}
                  maxLength={1000}
                  defaultValue={typedReason}
                  aria-describedby={error ? `field-reason-${o.id}-hint field-reason-${o.id}-error` : `field-reason-${o.id}-hint`}
                />
              </div>
              <button type="submit" name="intent" value="decline" className="button button--warning">
                Decline<span className="visually-hidden"> {o.name}</span>
              </button>
            </Form>
          </section>
        );
      })}
    </>
  );
}
