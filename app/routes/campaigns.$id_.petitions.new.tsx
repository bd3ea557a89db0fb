import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextArea, TextField } from "~/components/form-field";
import { createPetition } from "~/services/petition.server";
import { requireCampaignManager } from "~/campaigns/access.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf } from "~/utils/forms";
import { PetitionSchema } from "~/petitions/forms";
import { invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "New petition", args.data?.campaign.title ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireCampaignManager(request, params.id);
  return { campaign: { id: campaign.id, title: campaign.title, target: campaign.target } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, campaign } = await requireCampaignManager(request, params.id);
  const parsed = parseForm(PetitionSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { closesOn, ...fields } = parsed.data;
  const petition = await createPetition(db, campaign.id, member.id, { ...fields, closesAt: closesOn });
  return redirectWithFlash(request, `/petitions/${petition.slug}`, { kind: "success", message: "The petition is saved as a draft. Check it, then open it for signatures." });
}

export default function NewPetition() {
  const { campaign } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values;
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}/manage`}>Back to managing the campaign</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={errors} order={["title", "ask", "why", "addressedTo", "goal", "milestones", "closesOn"]} />
        <h1>New petition for &ldquo;{campaign.title}&rdquo;</h1>
        <p className="lead">It starts as a draft that only organisers see. Its wording can change until the first person signs.</p>
        <Form method="post" noValidate>
          <TextField name="title" label="Title" limit={150} defaultValue={valueOf(values, "title")} error={errors?.title} />
          <TextField name="ask" label="The ask, in one sentence" limit={300} defaultValue={valueOf(values, "ask")} error={errors?.ask} />
          <TextArea name="why" label="Why it matters" hint="Markdown: # for headings, - for lists, [text](https://…) for links." limit={10_000} rows={8} defaultValue={valueOf(values, "why")} error={errors?.why} />
          <TextField name="addressedTo" label="Addressed to" limit={300} defaultValue={valueOf(values, "addressedTo") || campaign.target} error={errors?.addressedTo} />
          <TextField name="goal" inputMode="numeric" className="input--short" label="Signature goal" hint="For example, 10000." defaultValue={valueOf(values, "goal")} error={errors?.goal} />
          <TextField name="milestones" label="Milestones (optional)" hint="Counts to announce on the campaign's timeline when passed, like 1000, 5000. The goal is always announced." defaultValue={valueOf(values, "milestones")} error={errors?.milestones} />
          <TextField name="closesOn" type="date" className="input--short" label="Closing date (optional)" hint="It closes at the end of that day, UK time." defaultValue={valueOf(values, "closesOn")} error={errors?.closesOn} />
          <button type="submit" className="button">
            Save the draft
          </button>
        </Form>
      </div>
    </>
  );
}
