import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { nextStatuses } from "~/accountability/statuses";
import { askViews } from "~/accountability/views.server";
import { requireCampaignAsk } from "~/campaigns/access.server";
import { AskRecord } from "~/components/ask-record";
import { ErrorSummary } from "~/components/error-summary";
import { listAskStoryPacks } from "~/models/story-pack.server";
import { db } from "~/utils/db.server";
import { valueOf, type FormValues } from "~/utils/forms";
import { formatLondonDate, formatLondonLong, todayInLondon } from "~/utils/london-time";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";
import { badRequest } from "~/utils/responses.server";
import { toUkDateInput } from "~/utils/uk-dates";
import { ResendForm, ResponseForm, StepForm } from "./forms";
import { ASK_INTENTS } from "./intents.server";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, `Ask to ${args.data?.ask.target.name ?? "a decision maker"}`, args.data?.campaign.title ?? "Campaign");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign, ask } = await requireCampaignAsk(request, params.id, params.askId);
  const [[view], packs] = await Promise.all([askViews(db, [ask]), listAskStoryPacks(db, ask.id)]);
  const now = new Date();
  const expires = ask.response_link_expires_at ? new Date(ask.response_link_expires_at) : null;
  return {
    campaign: { id: campaign.id, title: campaign.title },
    ask: view!,
    next: nextStatuses(ask.status),
    packs: packs.map((p) => ({ id: p.id, title: p.title, included: p.included, deliveredAt: p.deliveredAt ? new Date(p.deliveredAt).toISOString() : null, droppedSinceDelivery: p.droppedSinceDelivery })),
    // Never the address itself: only whether a link can be sent.
    link: ask.response_link_sent_at ? { sentOn: formatLondonLong(ask.response_link_sent_at), expiresOn: expires ? formatLondonLong(expires) : null, expired: expires !== null && expires <= now } : null,
    today: toUkDateInput(todayInLondon(now)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, ask } = await requireCampaignAsk(request, params.id, params.askId);
  const formData = await request.formData();
  const handle = ASK_INTENTS.get(String(formData.get("intent")));
  if (!handle) badRequest();
  return handle({ request, member, ask: { id: ask.id, status: ask.status }, formData, back: `/campaigns/${ask.campaign_id}/asks/${ask.id}` });
}

const ORDER = ["status", "summary", "happenedOn", "body", "responder", "source", "receivedOn", "meaning", "responseSummary", "resend"];

export default function CampaignAsk() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors?: Record<string, string>; values?: FormValues } | undefined;
  const errors = result?.errors;
  const values = result?.values;
  const intent = errors?.resend ? "resend" : valueOf(values, "intent");
  const { campaign, ask } = data;
  const forms = { values, errors, intent, today: data.today };
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}/asks`}>All of this campaign&apos;s asks</Link> · <Link to={`/campaigns/${campaign.id}`}>The campaign page</Link>
      </p>
      <ErrorSummary errors={errors} order={ORDER} />
      <h1>Ask to {ask.target.name}</h1>
      <p className="lead">For &ldquo;{campaign.title}&rdquo;. The ask is published on the campaign&apos;s page as it is shown here, and each step you add goes into its dated history.</p>
      <section className="section" aria-labelledby="stands-heading">
        <h2 id="stands-heading">Where it stands</h2>
        <AskRecord ask={ask} context="campaign" />
      </section>
      <section className="section" aria-labelledby="packs-heading">
        <h2 id="packs-heading">Packs sent with this ask</h2>
        {data.packs.length === 0 ? (
          <p>
            No story pack goes with this ask yet. <Link to={`/campaigns/${campaign.id}/packs`}>Make a pack of the stories tellers agreed may be quoted</Link>.
          </p>
        ) : (
          <ul className="task-list">
            {data.packs.map((p) => (
              <li key={p.id}>
                <Link to={`/campaigns/${campaign.id}/packs/${p.id}`}>{p.title}</Link>
                <span className="task-list__when">
                  {countOf(p.included, "story", "stories")} · {p.deliveredAt ? `delivered ${formatLondonDate(p.deliveredAt)}` : "not delivered yet"}
                  {p.droppedSinceDelivery > 0 ? ` · ${p.droppedSinceDelivery} withdrawn since delivery` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <StepForm status={ask.status} next={data.next} {...forms} />
      <ResponseForm status={ask.status} next={data.next} targetName={ask.target.name} {...forms} />
      <ResendForm link={data.link} {...forms} />
    </>
  );
}
