import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { PETITION_FIELD_ORDER, PetitionFields } from "~/components/petition-fields";
import { listTargetChoices } from "~/models/target.server";
import { createPetition } from "~/services/petition.server";
import { describeTarget } from "~/letters/rules";
import { requireCampaignManager } from "~/campaigns/access.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { PetitionSchema } from "~/petitions/forms";
import { invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "New petition", args.data?.campaign.title ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireCampaignManager(request, params.id);
  const targets = await listTargetChoices(db);
  return {
    campaign: { id: campaign.id, title: campaign.title, target: campaign.target },
    targets: targets.map((t) => ({ id: String(t.id), label: describeTarget(t), bounced: Boolean(t.bounced_at) })),
  };
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
  const { campaign, targets } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values;
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}/manage`}>Back to managing the campaign</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={errors} order={PETITION_FIELD_ORDER} />
        <h1>New petition for &ldquo;{campaign.title}&rdquo;</h1>
        <p className="lead">It starts as a draft that only organisers see. You can change it until you open it for signatures.</p>
        <Form method="post" noValidate>
          <PetitionFields values={values ?? { addressedTo: campaign.target }} errors={errors} targets={targets} />
          <button type="submit" className="button">
            Save the draft
          </button>
        </Form>
      </div>
    </>
  );
}
