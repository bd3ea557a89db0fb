import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { ChoiceGroup, TextArea } from "~/components/form-field";
import { proposeAmendment } from "~/services/demand.server";
import { requireMember } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { loadDemand } from "~/utils/demand-access.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { splitParagraphs } from "~/utils/paragraphs";
import { canOnDemand } from "~/utils/permissions";
import { invalid } from "~/utils/responses.server";

export const meta: MetaFunction = () => [{ title: "Propose an amendment – Chorus" }];

export const AmendmentSchema = z.object({
  target: z.string({ error: "Choose what your amendment changes" }).regex(/^(whole|\d+)$/, { error: "Choose what your amendment changes" }),
  proposedText: z.string({ error: "Write the text you propose" }).trim().min(5, { error: "Write the text you propose" }).max(50_000, { error: "The proposed text must be 50,000 characters or fewer" }),
  rationale: z.string({ error: "Explain why" }).trim().min(10, { error: "Explain why, in 10 characters or more" }).max(2000, { error: "The rationale must be 2,000 characters or fewer" }),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  if (!canOnDemand(member, "demand.amend", context)) throw new Response("Forbidden", { status: 403 });
  return { demand: { id: demand.id, title: demand.title, body: demand.body }, paragraphs: splitParagraphs(demand.body) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  if (!canOnDemand(member, "demand.amend", context)) throw new Response("Forbidden", { status: 403 });
  const formData = await request.formData();
  const parsed = parseForm(AmendmentSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await proposeAmendment(db, demand.id, member.id, {
    paragraphIndex: parsed.data.target === "whole" ? null : Number(parsed.data.target),
    proposedText: parsed.data.proposedText,
    rationale: parsed.data.rationale,
  });
  if (!result.ok) return invalid({ proposedText: result.reason }, formValues(formData));
  return redirectWithFlash(request, `/demands/${demand.id}/amendments/${result.id}`, { kind: "success", message: "Your amendment is proposed. Members can now support and discuss it." });
}

export default function NewAmendment() {
  const { demand, paragraphs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values;
  return (
    <>
      <p>
        <Link to={`/demands/${demand.id}`}>Back to the demand</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={errors} order={["target", "proposedText", "rationale"]} />
        <h1>Propose an amendment to “{demand.title}”</h1>
        <Form method="post" noValidate>
          <ChoiceGroup
            name="target"
            type="radio"
            legend="What does it change?"
            error={errors?.target}
            options={[
              { value: "whole", label: "The whole text" },
              ...paragraphs.map((p, i) => ({ value: String(i), label: `Paragraph ${i + 1}`, hint: p.length > 160 ? `${p.slice(0, 157)}…` : p })),
            ]}
            selected={[valueOf(values, "target")]}
          />
          <TextArea name="proposedText" label="Your replacement text" hint="Write the paragraph (or the whole text) as you want it to read." rows={10} defaultValue={valueOf(values, "proposedText")} error={errors?.proposedText} />
          <TextArea name="rationale" label="Why?" rows={4} defaultValue={valueOf(values, "rationale")} error={errors?.rationale} />
          <button type="submit" className="button">
            Propose amendment
          </button>
        </Form>
      </div>
    </>
  );
}
