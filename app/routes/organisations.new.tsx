import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { ChoiceGroup, TextArea, TextField } from "~/components/form-field";
import { registerOrganisation } from "~/services/organisation.server";
import { requireCan } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from "~/organisations/labels";
import { invalid } from "~/utils/responses.server";
import { multiline } from "~/utils/fields";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Register an organisation");

export const OrganisationSchema = z.object({
  name: z.string({ error: "Enter the organisation's name" }).trim().min(2, { error: "Enter the organisation's name" }).max(120, { error: "Name must be 120 characters or fewer" }),
  kind: z.enum(ORGANISATION_KINDS, { error: "Choose what kind of organisation it is" }),
  description: multiline(z.string().trim().max(2000, { error: "Description must be 2,000 characters or fewer" }).optional().default("")),
  website: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.url({ protocol: /^https?$/, error: "Enter a full web address starting with https://" }).max(300).nullable()),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCan(request, "organisation.register");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireCan(request, "organisation.register");
  const formData = await request.formData();
  const parsed = parseForm(OrganisationSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const created = await registerOrganisation(db, member.id, parsed.data);
  if (!created) return invalid({ name: "An organisation with that name is already registered" }, formValues(formData, OrganisationSchema));
  return redirectWithFlash(request, `/organisations/${created.slug}`, { kind: "success", message: "Your organisation is registered. A coalition admin will verify it soon." });
}

export default function NewOrganisation() {
  const result = useActionData<typeof action>();
  const values = result?.values;
  return (
    <div className="form">
      <ErrorSummary errors={result?.errors} order={["name", "kind", "description", "website"]} />
      <h1>Register an organisation</h1>
      <p>You will be its first admin. A coalition admin checks each organisation before it is marked as verified.</p>
      <Form method="post" noValidate>
        <TextField name="name" label="Organisation name" limit={120} defaultValue={valueOf(values, "name")} error={result?.errors.name} autoComplete="organization" />
        <ChoiceGroup
          name="kind"
          type="radio"
          legend="What kind of organisation is it?"
          error={result?.errors.kind}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))}
          selected={[valueOf(values, "kind")]}
        />
        <TextArea name="description" label="What it does (optional)" limit={2000} defaultValue={valueOf(values, "description")} error={result?.errors.description} />
        <TextField name="website" type="url" label="Website (optional)" hint="For example, https://example.org" defaultValue={valueOf(values, "website")} error={result?.errors.website} />
        <button type="submit" className="button">
          Register organisation
        </button>
      </Form>
    </div>
  );
}
