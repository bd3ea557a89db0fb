import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { PETITION_FIELD_ORDER, PetitionFields } from "~/components/petition-fields";
import { requireMember } from "~/members/session.server";
import { loadPetitionFor } from "~/petitions/access.server";
import { PetitionSchema } from "~/petitions/forms";
import { editDraftPetition } from "~/services/petition.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm } from "~/utils/forms";
import { todayInLondon } from "~/utils/london-time";
import { pageTitle } from "~/utils/meta";
import { forbidden, invalid } from "~/utils/responses.server";
import { toUkDateInput } from "~/utils/uk-dates";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, `Edit “${args.data?.petition.title ?? "the petition"}”`);

/** A draft petition, for the campaign's organisers; nobody else, and never once it is open. */
async function loadDraft(request: Request, slug: string | undefined) {
  await requireMember(request);
  const { petition, allowed } = await loadPetitionFor(request, slug);
  if (!allowed) forbidden();
  return petition;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const petition = await loadDraft(request, params.slug);
  return {
    petition: { slug: petition.slug, title: petition.title, status: petition.status },
    values: {
      title: petition.title,
      ask: petition.ask,
      why: petition.why,
      addressedTo: petition.addressed_to,
      goal: petition.goal.toLocaleString("en-GB"),
      milestones: petition.milestones.map((m) => m.toLocaleString("en-GB")).join(", "),
      closesOn: petition.closes_at ? toUkDateInput(todayInLondon(new Date(petition.closes_at))) : "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const petition = await loadDraft(request, params.slug);
  const formData = await request.formData();
  const parsed = parseForm(PetitionSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { closesOn, ...fields } = parsed.data;
  const saved = await editDraftPetition(db, petition.id, { ...fields, closesAt: closesOn });
  if (!saved.ok) return invalid({ form: "This petition is open, so its wording stays as people signed it." }, formValues(formData, PetitionSchema));
  return redirectWithFlash(request, `/petitions/${petition.slug}`, { kind: "success", message: "The draft is saved." });
}

export default function EditPetition() {
  const { petition, values: saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const open = petition.status !== "draft";
  return (
    <>
      <p>
        <Link to={`/petitions/${petition.slug}`}>Back to the petition</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={result?.errors} order={PETITION_FIELD_ORDER} />
        <h1>Edit the petition</h1>
        {open ? (
          <p className="lead">This petition is open, so its wording stays as people signed it.</p>
        ) : (
          <>
            <p className="lead">Only organisers see this draft. Once it opens for signatures, its wording cannot change.</p>
            <Form method="post" noValidate>
              <PetitionFields values={result?.values ?? saved} errors={result?.errors} />
              <button type="submit" className="button">
                Save the draft
              </button>
            </Form>
          </>
        )}
      </div>
    </>
  );
}
