import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { DemandTextButtons, DemandTextFields } from "~/components/demand-text-fields";
import { ChoiceGroup } from "~/components/form-field";
import { listMemberOrganisations } from "~/models/organisation.server";
import { proposeDemand } from "~/services/demand.server";
import { requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { DemandTextSchema, TopicsField } from "~/demands/forms";
import { TOPIC_LABELS, TOPICS } from "~/demands/labels";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valueOf, valuesOf } from "~/utils/forms";
import { previewOf } from "~/utils/markdown.server";
import { canOnDemand } from "~/members/permissions";
import { forbidden, invalid } from "~/utils/responses.server";
import { parseId } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Propose a demand");

export const ProposeDemandSchema = DemandTextSchema.extend({
  topics: TopicsField,
  organisationId: z
    .string()
    .optional()
    .transform((v) => (v ? parseId(v) : null)),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  if (!canOnDemand(member, "demand.propose")) forbidden();
  const organisations = await listMemberOrganisations(db, member.id);
  return { organisations: organisations.filter((o) => o.status === "verified").map((o) => ({ id: o.id, name: o.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  if (!canOnDemand(member, "demand.propose")) forbidden();
  const formData = await request.formData();
  // "Preview" renders the Markdown exactly as it will appear, without saving (works without JavaScript).
  if (formData.get("intent") === "preview") {
    return previewOf(formValues(formData, ProposeDemandSchema));
  }
  const parsed = parseForm(ProposeDemandSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  if (parsed.data.organisationId !== null) {
    const mine = await listMemberOrganisations(db, member.id);
    if (!mine.some((o) => o.id === parsed.data.organisationId && o.status === "verified")) {
      return invalid({ organisationId: "You can only propose on behalf of a verified organisation you belong to" }, formValues(formData, ProposeDemandSchema));
    }
  }
  const id = await proposeDemand(db, member.id, parsed.data);
  return redirectWithFlash(request, `/demands/${id}`, { kind: "success", message: "Your draft is saved. Only you and your co-authors can see it." });
}

export const DEMAND_FIELD_ORDER = ["title", "summary", "body", "easyRead", "topics", "organisationId"];

export default function ProposeDemand() {
  const { organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values;
  const errors = result?.errors as Record<string, string> | undefined;
  return (
    <div className="form">
      <ErrorSummary errors={errors} order={DEMAND_FIELD_ORDER} />
      <h1>Propose a demand</h1>
      <p>Start a draft. Only you, and co-authors you add, can see it until you open a consultation.</p>
      <Form method="post" noValidate>
        <DemandTextFields values={values} errors={errors} preview={result && "preview" in result ? result.preview : undefined} />
        <ChoiceGroup
          name="topics"
          type="checkbox"
          legend="Topics"
          hint="Choose all that apply."
          error={errors?.topics}
          options={TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] }))}
          selected={valuesOf(values, "topics")}
        />
        {organisations.length ? (
          <ChoiceGroup
            name="organisationId"
            type="radio"
            legend="Propose it on behalf of"
            error={errors?.organisationId}
            options={[{ value: "", label: "Just me" }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
            selected={[valueOf(values, "organisationId")]}
          />
        ) : null}
        <DemandTextButtons save="Save draft" />
      </Form>
    </div>
  );
}
