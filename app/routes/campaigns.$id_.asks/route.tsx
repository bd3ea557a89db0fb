import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TargetRole } from "../../../db/schema";
import { RecordAskSchema } from "~/accountability/forms";
import { askViews } from "~/accountability/views.server";
import { requireAskOrganiser } from "~/campaigns/access.server";
import { AskRecord } from "~/components/ask-record";
import { ErrorSummary } from "~/components/error-summary";
import { describeTarget } from "~/letters/rules";
import { CAMPAIGN_ASKS_PAGE_SIZE, listCampaignAsks } from "~/models/ask.server";
import { listCampaignLetterCampaigns } from "~/models/letter.server";
import { listCampaignPetitions } from "~/models/petition.server";
import { listTargetChoices } from "~/models/target.server";
import { recordAsk, type RecordAskResult } from "~/services/accountability.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm } from "~/utils/forms";
import { parsePage } from "~/utils/ids";
import { todayInLondon } from "~/utils/london-time";
import { pageTitle } from "~/utils/meta";
import { invalid } from "~/utils/responses.server";
import { toUkDateInput } from "~/utils/uk-dates";
import { RecordAskForm, type TargetGroups } from "./record-form";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "Asks to decision makers", args.data?.campaign.title ?? "Campaign");

const ROLE_ORDER: TargetRole[] = ["minister", "mp", "health_body", "council", "councillor", "other"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireAskOrganiser(request, params.id);
  const page = parsePage(new URL(request.url).searchParams.get("page"), 200);
  const [rows, targets, petitions, letterCampaigns] = await Promise.all([
    listCampaignAsks(db, campaign.id, page),
    listTargetChoices(db),
    listCampaignPetitions(db, campaign.id),
    listCampaignLetterCampaigns(db, campaign.id),
  ]);
  const asks = await askViews(db, rows.slice(0, CAMPAIGN_ASKS_PAGE_SIZE));
  const groups: TargetGroups = ROLE_ORDER.map((role) => ({
    role,
    targets: targets.filter((t) => t.role === role).map((t) => ({ id: t.id, label: `${describeTarget(t)}${t.bounced_at ? " (email address not working)" : ""}` })),
  })).filter((g) => g.targets.length > 0);
  return {
    campaign: { id: campaign.id, title: campaign.title, status: campaign.status },
    asks,
    page,
    hasMore: rows.length > CAMPAIGN_ASKS_PAGE_SIZE,
    targets: groups,
    petitions: petitions.map((p) => ({ id: p.id, label: p.title })),
    letterCampaigns: letterCampaigns.map((l) => ({ id: l.id, label: l.title })),
    today: toUkDateInput(todayInLondon()),
  };
}

/** Why an ask could not be recorded, by the field that can put it right. */
function refusal(reason: Extract<RecordAskResult, { ok: false }>["reason"], channel: string): Record<string, string> {
  switch (reason) {
    case "unknown-target":
      return { targetId: "Choose a decision maker from the list" };
    case "not-this-campaign":
      return channel === "petition" ? { petitionId: "Choose one of this campaign's petitions" } : { letterCampaignId: "Choose one of this campaign's letter campaigns" };
    case "no-address":
      return { sendLink: "This decision maker has no working email address. Untick the box to record the ask without emailing them, or fix their address in the directory first." };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, campaign } = await requireAskOrganiser(request, params.id);
  const formData = await request.formData();
  const parsed = parseForm(RecordAskSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await recordAsk(db, member.id, campaign.id, parsed.data);
  if (!result.ok) return invalid(refusal(result.reason, parsed.data.channel), formValues(formData, RecordAskSchema));
  return redirectWithFlash(request, `/campaigns/${campaign.id}/asks/${result.id}`, {
    kind: "success",
    message: parsed.data.sendLink ? "The ask is recorded, and we are emailing them a link to respond." : "The ask is recorded.",
  });
}

const ORDER = ["targetId", "request", "channel", "petitionId", "letterCampaignId", "link", "askedOn", "sendLink"];

export default function CampaignAsks() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { campaign } = data;
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}`}>Back to the campaign page</Link> · <Link to={`/campaigns/${campaign.id}/dashboard`}>Dashboard</Link>
      </p>
      <ErrorSummary errors={result?.errors} order={ORDER} />
      <h1>Asks to decision makers</h1>
      <p className="lead">
        What &ldquo;{campaign.title}&rdquo; asked decision makers, what they answered and what they promised. Each change is a dated step that stays in the public history.
      </p>
      <section className="section" aria-labelledby="asks-heading">
        <h2 id="asks-heading">{data.page > 1 ? `Asks, page ${data.page}` : "Asks, newest first"}</h2>
        {data.asks.length === 0 ? (
          <p>{data.page > 1 ? "There are no more asks." : "No asks recorded yet."}</p>
        ) : (
          <ul className="ask-list">
            {data.asks.map((ask) => (
              <li key={ask.id}>
                <AskRecord ask={ask} context="campaign" manageHref={`/campaigns/${campaign.id}/asks/${ask.id}`} />
              </li>
            ))}
          </ul>
        )}
        {data.page > 1 || data.hasMore ? (
          <nav className="pagination" aria-label="Pages of asks">
            {data.page > 1 ? <Link to={`?page=${data.page - 1}`}>Newer asks</Link> : null}
            {data.hasMore ? <Link to={`?page=${data.page + 1}`}>Older asks</Link> : null}
          </nav>
        ) : null}
      </section>
      <RecordAskForm targets={data.targets} petitions={data.petitions} letterCampaigns={data.letterCampaigns} values={result?.values} errors={result?.errors} today={data.today} />
    </>
  );
}
