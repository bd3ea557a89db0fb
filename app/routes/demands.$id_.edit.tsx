import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { DemandTextButtons, DemandTextFields } from "~/components/demand-text-fields";
import { TextField } from "~/components/form-field";
import { addDemandAuthor, listDemandAuthors, removeDemandAuthor } from "~/models/demand.server";
import { findMembersByName, isActiveMember } from "~/models/member.server";
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
import { badRequest, forbidden, invalid, notFound } from "~/utils/responses.server";
import { parseId } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, `Edit: ${args.data?.demand.title ?? "demand"}`);

export const EditDemandSchema = DemandTextSchema.extend({
  note: z.string({ error: "Say briefly what you changed" }).trim().min(3, { error: "Say briefly what you changed" }).max(200, { error: "The note must be 200 characters or fewer" }),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  if (!canOnDemand(member, "demand.edit", context)) forbidden();
  const q = new URL(request.url).searchParams.get("coauthor")?.trim().slice(0, 60) ?? "";
  const authors = await listDemandAuthors(db, demand.id);
  // Members are found by the name they show, never by email, and searching is rate limited.
  const limited = q ? await checkRateLimit(db, RATE_LIMITS.memberSearchPerMember, String(member.id)) : { ok: true as const };
  const candidates = q && limited.ok ? await findMembersByName(db, q, { excludeIds: authors.map((a) => a.id) }) : [];
  return {
    demand: { id: demand.id, title: demand.title, summary: demand.summary, body: demand.body, easyRead: demand.easy_read, revision: demand.current_revision },
    authors,
    q,
    searchError: limited.ok ? null : limited.message,
    candidates: candidates.map((c) => ({ id: c.id, name: c.display_name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  if (!canOnDemand(member, "demand.edit", context)) forbidden();
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "add-author" || intent === "remove-author") {
    const memberId = parseId(formData.get("memberId"));
    if (memberId === null) badRequest();
    if (intent === "remove-author") await removeDemandAuthor(db, demand.id, memberId);
    else if (await isActiveMember(db, memberId)) await addDemandAuthor(db, demand.id, memberId);
    else notFound();
    return redirectWithFlash(request, `/demands/${demand.id}/edit`, { kind: "success", message: intent === "add-author" ? "Co-author added." : "Co-author removed." });
  }
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
  const { demand, authors, q, candidates, searchError } = useLoaderData<typeof loader>();
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
      <section className="section">
        <h2>Authors</h2>
        <ul>
          {authors.map((a) => (
            <li key={a.id}>
              {a.display_name}
              {a.lead ? " (proposer)" : (
                <Form method="post" className="inline-form">
                  {" "}
                  <input type="hidden" name="memberId" value={a.id} />
                  <button type="submit" name="intent" value="remove-author" className="link-button">
                    Remove<span className="visually-hidden"> {a.display_name}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        <Form method="get" className="form" role="search" aria-label="Find a co-author">
          <div className="field">
            <label className="field__label" htmlFor="coauthor-search">
              Invite a co-author by name
            </label>
            <input className="input" id="coauthor-search" type="search" name="coauthor" defaultValue={q} />
          </div>
          <button type="submit" className="button button--secondary">
            Find
          </button>
        </Form>
        {searchError ? (
          <p className="field__error" role="alert">
            {searchError}
          </p>
        ) : q ? (
          candidates.length ? (
            <ul>
              {candidates.map((c) => (
                <li key={c.id}>
                  <Form method="post" className="inline-form">
                    {c.name}{" "}
                    <input type="hidden" name="memberId" value={c.id} />
                    <button type="submit" name="intent" value="add-author" className="link-button">
                      Add as co-author<span className="visually-hidden"> ({c.name})</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p>No members found with that name.</p>
          )
        ) : null}
      </section>
    </>
  );
}
