import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampaignFields } from "~/components/campaign-fields";
import { ConfirmPanel } from "~/components/confirm";
import { ErrorSummary } from "~/components/error-summary";
import { listEligiblePartners, listOrganisers, listPartners, listVerifiedOrganisationsOf } from "~/models/campaign.server";
import { findMembersByName } from "~/models/member.server";
import { listCampaignPetitions } from "~/models/petition.server";
import { requireCampaignManager } from "~/campaigns/access.server";
import { EndForm, TimelineForm } from "./forms";
import { CAMPAIGN_INTENTS } from "./intents.server";
import { Organisers, Partners } from "./team";
import { db } from "~/utils/db.server";
import { valueOf } from "~/utils/forms";
import { parseId } from "~/utils/ids";
import { todayInLondon } from "~/utils/london-time";
import { toUkDateInput } from "~/utils/uk-dates";
import { checkRateLimit, RATE_LIMITS } from "~/services/rate-limit.server";
import { badRequest } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, `Manage “${args.data?.campaign.title ?? "the campaign"}”`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member, campaign } = await requireCampaignManager(request, params.id);
  const url = new URL(request.url);
  const [organisers, partners, eligible, petitions] = await Promise.all([
    listOrganisers(db, campaign.id),
    listPartners(db, campaign.id),
    listEligiblePartners(db, campaign.demand_id),
    listCampaignPetitions(db, campaign.id),
  ]);
  // Co-organisers are found by the name they show, never by email; searching is rate limited.
  const q = url.searchParams.get("organiser")?.trim().slice(0, 60) ?? "";
  const limited = q ? await checkRateLimit(db, RATE_LIMITS.memberSearchPerMember, String(member.id)) : ({ ok: true } as const);
  const found = q && limited.ok ? await findMembersByName(db, q, { excludeIds: organisers.map((o) => o.id) }) : [];
  const theirOrganisations = await listVerifiedOrganisationsOf(db, found.map((f) => f.id));
  const removing = organisers.find((o) => o.id === parseId(url.searchParams.get("remove-organiser")) && !o.lead);
  return {
    campaign: { id: campaign.id, title: campaign.title, pitch: campaign.pitch, ask: campaign.ask, target: campaign.target, endsOn: toUkDateInput(campaign.ends_on) },
    organisers,
    partners,
    petitions,
    addablePartners: eligible.filter((o) => !partners.some((p) => p.id === o.id)),
    q,
    searchError: limited.ok ? null : limited.message,
    candidates: found.map((f) => ({ id: f.id, name: f.display_name, organisations: theirOrganisations.get(f.id) ?? [] })),
    removing: removing ? { id: removing.id, name: removing.display_name } : null,
    today: todayInLondon(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, campaign } = await requireCampaignManager(request, params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const back = `/campaigns/${campaign.id}/manage`;

  const args = { request, member, campaign, formData, back };
  const handle = CAMPAIGN_INTENTS.get(intent);
  if (handle) return handle(args);
  badRequest();
}

export default function ManageCampaign() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? (result.errors as Record<string, string>) : undefined;
  const values = result && "values" in result ? (result.values as Record<string, string | string[]>) : undefined;
  const intent = valueOf(values, "intent");
  const confirmEnd = result && "confirmEnd" in result ? result.confirmEnd : null;
  const { campaign } = data;
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}`}>Back to the campaign page</Link> · <Link to={`/campaigns/${campaign.id}/dashboard`}>Dashboard</Link> ·{" "}
        <Link to={`/campaigns/${campaign.id}/asks`}>Asks to decision makers</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Manage &ldquo;{campaign.title}&rdquo;</h1>

      {confirmEnd ? (
        <ConfirmPanel
          heading={confirmEnd.outcome === "won" ? "Mark this campaign as won?" : "Close this campaign?"}
          confirm={confirmEnd.outcome === "won" ? "Yes, mark it as won" : "Yes, close the campaign"}
          cancelTo="#end-heading"
          fields={{ intent: "end", confirmed: "yes", outcome: confirmEnd.outcome, result: confirmEnd.result, resultText: confirmEnd.resultText, resultLink: confirmEnd.resultLink ?? "" }}
          warning={confirmEnd.outcome === "closed"}
        >
          <p>
            &ldquo;{confirmEnd.result}&rdquo; goes on the timeline, the demand moves to {confirmEnd.outcome === "won" ? "won" : "closed"} in its decision log, and
            the campaign can no longer be changed. This cannot be undone.
          </p>
        </ConfirmPanel>
      ) : null}

      <section className="section" aria-labelledby="petitions-heading">
        <h2 id="petitions-heading">Petitions</h2>
        <ul className="task-list">
          {data.petitions.map((p) => (
            <li key={p.id}>
              <Link to={`/petitions/${p.slug}`}>{p.title}</Link>
              <span className="task-list__when">
                {p.status === "draft" ? "Draft" : p.status === "open" ? "Open" : "Closed"} · {countOf(p.signature_count, "signature")}
              </span>
            </li>
          ))}
        </ul>
        <Link to={`/campaigns/${campaign.id}/petitions/new`} className="button button--secondary">
          Start a petition
        </Link>
      </section>

      <section className="section" aria-labelledby="letters-heading">
        <h2 id="letters-heading">Letters</h2>
        <p>Supporters write to decision makers in their own words: their own MP or councillors by postcode, or those you choose.</p>
        <p className="button-row">
          <Link to={`/campaigns/${campaign.id}/letters/new`} className="button button--secondary">
            Start a letter campaign
          </Link>
          <Link to="/targets">Decision makers</Link>
        </p>
        <p className="small">
          The campaign dashboard lists its letter campaigns, with what needs you.
        </p>
      </section>

      <TimelineForm values={values} errors={errors} intent={intent} today={data.today} />

      <Organisers data={data} />

      <Partners partners={data.partners} addable={data.addablePartners} />

      <section className="section form" aria-labelledby="details-heading">
        <h2 id="details-heading">The campaign&apos;s details</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="details" />
          <CampaignFields values={intent === "details" ? values : { title: campaign.title, pitch: campaign.pitch, ask: campaign.ask, target: campaign.target, endsOn: campaign.endsOn }} errors={intent === "details" ? errors : undefined} />
          <button type="submit" className="button">
            Save details
          </button>
        </Form>
      </section>

      <EndForm values={values} errors={errors} intent={intent} />
    </>
  );
}
