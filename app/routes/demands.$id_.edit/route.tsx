import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { DemandTextButtons, DemandTextFields } from "~/components/demand-text-fields";
import { TextField } from "~/components/form-field";
import { listPendingAuthorInvitations } from "~/models/author-invitation.server";
import { listDemandAuthors } from "~/models/demand.server";
import { findMembersByName } from "~/models/member.server";
import { saveDemandText } from "~/services/demand.server";
import { requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { loadDemand } from "~/demands/access.server";
import { DemandTextSchema } from "~/demands/forms";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { previewOf } from "~/utils/markdown.server";
import { canOnDemand } from "~/members/permissions";
import { checkRateLimit, RATE_LIMITS } from "~/services/rate-limit.server";
import { forbidden, invalid } from "~/utils/responses.server";
import { parseId } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";
import { Authors } from "./authors";
import { AUTHOR_INTENTS, handleAuthorIntent } from "./intents.server";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, `Edit: ${args.data?.demand.title ?? "demand"}`);

export const EditDemandSchema = DemandTextSchema.extend({
  note: z.string({ error: "Say briefly what you changed" }).trim().min(3, { error: "Say briefly what you changed" }).max(200, { error: "The note must be 200 characters or fewer" }),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  if (!canOnDemand(member, "demand.edit", context)) forbidden();
  const q = new URL(request.url).searchParams.get("coauthor")?.trim().slice(0, 60) ?? "";
  const [authors, invitations] = await Promise.all([listDemandAuthors(db, demand.id), listPendingAuthorInvitations(db, demand.id)]);
  // Members are found by the name they show, never by email, and searching is rate limited.
  const limited = q ? await checkRateLimit(db, RATE_LIMITS.memberSearchPerMember, String(member.id)) : { ok: true as const };
  const candidates = q && limited.ok ? await findMembersByName(db, q, { excludeIds: authors.map((a) => a.id) }) : [];
  const invited = new Set(invitations.map((i) => Number(i.member_id)));
  return {
    demand: { id: demand.id, title: demand.title, summary: demand.summary, body: demand.body, easyRead: demand.easy_read, revision: demand.current_revision },
    authors: authors.map((a) => ({ id: a.id, name: a.display_name, lead: a.lead })),
    invitations: invitations.map((i) => ({ id: i.id, name: i.display_name, invitedBy: i.inviter_deleted_at ? "a former member" : (i.inviter_name ?? "a former member"), invitedAt: i.created_at, expiresAt: i.expires_at })),
    q,
    searchError: limited.ok ? null : limited.message,
    candidates: candidates.map((c) => ({ id: c.id, name: c.display_name, invited: invited.has(Number(c.id)) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  if (!canOnDemand(member, "demand.edit", context)) forbidden();
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  if (AUTHOR_INTENTS.has(intent)) return handleAuthorIntent(request, member, demand, intent, formData);
  if (intent === "preview") return previewOf(formValues(formData, EditDemandSchema));
  const parsed = parseForm(EditDemandSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const baseRevision = parseId(formData.get("baseRevision")) ?? undefined;
  const saved = await saveDemandText(db, demand.id, member.id, parsed.data, parsed.data.note, { baseRevision });
  if (!saved.ok) {
    // A co-author saved while this member was editing: keep what they typed, show the other text,
    // and let the next save go on top of the revision they have now seen.
    return data(
      {
        ok: false as const,
        errors: { form: `Someone else saved revision ${saved.current.revision} while you were editing, so your changes are not saved yet. Your text is still in the form; their version is below it. Bring across what you need, then save again.` },
        values: { ...formValues(formData, EditDemandSchema), baseRevision: String(saved.current.revision) },
        conflict: saved.current,
      },
      { status: 409 },
    );
  }
  return redirectWithFlash(request, `/demands/${demand.id}`, { kind: "success", message: `Saved as revision ${saved.revision}.` });
}

export default function EditDemand() {
  const { demand, authors, invitations, q, candidates, searchError } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? { title: demand.title, summary: demand.summary, body: demand.body, easyRead: demand.easyRead };
  const errors = result?.errors as Record<string, string> | undefined;
  return (
    <>
      <p>
        <Link to={`/demands/${demand.id}`}>Back to the demand</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={errors} order={["title", "summary", "body", "easyRead", "note"]} />
        <h1>Edit: {demand.title}</h1>
        <p>Each save becomes revision {demand.revision + 1}, with your name and note, and can be compared with any other.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="baseRevision" value={valueOf(values, "baseRevision") || String(demand.revision)} />
          <DemandTextFields values={values} errors={errors} preview={result && "preview" in result ? result.preview : undefined} />
          <TextField name="note" label="What did you change?" hint="A short note for the history, like “Clearer second paragraph”." defaultValue={valueOf(values, "note")} error={errors?.note} />
          <DemandTextButtons save="Save revision" />
        </Form>
        {result && "conflict" in result && result.conflict ? (
          <section className="card" aria-labelledby="conflict-heading">
            <h2 id="conflict-heading">Revision {result.conflict.revision}, saved while you were editing</h2>
            <dl>
              <dt>Title</dt>
              <dd>{result.conflict.title}</dd>
              <dt>Summary</dt>
              <dd>{result.conflict.summary}</dd>
              <dt>Full text</dt>
              <dd className="preformatted">{result.conflict.body}</dd>
              <dt>Easy read</dt>
              <dd>{result.conflict.easyRead || "None"}</dd>
            </dl>
          </section>
        ) : null}
      </div>
      <Authors authors={authors} invitations={invitations} q={q} searchError={searchError} candidates={candidates} />
    </>
  );
}
