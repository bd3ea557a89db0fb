import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampaignFields } from "~/components/campaign-fields";
import { ErrorSummary } from "~/components/error-summary";
import { ChoiceGroup } from "~/components/form-field";
import { listEligiblePartners } from "~/models/campaign.server";
import { startCampaign } from "~/services/campaign.server";
import { requireMember } from "~/members/session.server";
import { CampaignSchema } from "~/campaigns/forms";
import { db } from "~/utils/db.server";
import { loadDemand } from "~/demands/access.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valuesOf } from "~/utils/forms";
import { canStartCampaign } from "~/members/permissions";
import { forbidden, invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Start a campaign");

async function loadStartable(request: Request) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(new URL(request.url).searchParams.get("demand") ?? undefined, member);
  if (!canStartCampaign(member, context)) forbidden();
  return { member, demand };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { demand } = await loadStartable(request);
  return { demand: { id: demand.id, title: demand.title, summary: demand.summary }, partners: await listEligiblePartners(db, demand.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { member, demand } = await loadStartable(request);
  const formData = await request.formData();
  const parsed = parseForm(CampaignSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { partners, ...fields } = parsed.data;
  const result = await startCampaign(db, member.id, demand.id, fields, partners);
  if (!result.ok) return invalid({ form: "Only an adopted demand can become a campaign, and only once." }, formValues(formData, CampaignSchema));
  return redirectWithFlash(request, `/campaigns/${result.id}`, { kind: "success", message: "The campaign has started. Add co-organisers and post its first update from Manage." });
}

export default function StartCampaign() {
  const { demand, partners } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/demands/${demand.id}`}>Back to the demand</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={result?.errors} order={["title", "pitch", "ask", "target", "endsOn"]} />
        <h1>Start a campaign</h1>
        <p className="lead">
          For the adopted demand &ldquo;{demand.title}&rdquo;. You will be its lead organiser; the demand moves to &ldquo;campaigning&rdquo;.
        </p>
        <Form method="post" noValidate>
          <CampaignFields values={result?.values} errors={result?.errors} />
          {partners.length ? (
            <ChoiceGroup
              name="partners"
              type="checkbox"
              legend="Partner organisations (optional)"
              hint="Verified organisations that endorsed the demand. They are listed on the campaign page."
              options={partners.map((o) => ({ value: String(o.id), label: o.name }))}
              selected={valuesOf(result?.values, "partners")}
            />
          ) : (
            <p className="muted">No verified organisation has endorsed this demand yet, so there are no partners to list. You can add them later.</p>
          )}
          <button type="submit" className="button">
            Start the campaign
          </button>
        </Form>
      </div>
    </>
  );
}
