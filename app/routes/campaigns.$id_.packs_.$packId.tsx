import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCampaignPack } from "~/campaigns/access.server";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/form-field";
import { listPackDroppedStories, listPackStories } from "~/models/story-pack.server";
import { markStoryPackDelivered } from "~/services/story-packs.server";
import { DeliverPackSchema } from "~/stories/pack-forms";
import { deliveredTo } from "~/stories/packs";
import { toStoryCard } from "~/stories/view";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { formatCalendarDate, formatLondonDate, todayInLondon } from "~/utils/london-time";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";
import { invalid, notFound } from "~/utils/responses.server";
import { toUkDateInput, UK_DATE_HINT } from "~/utils/uk-dates";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data?.pack.title ?? "Story pack", args.data?.campaign.title ?? "Campaign");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign, pack } = await requireCampaignPack(request, params.id, params.packId);
  const [stories, dropped] = await Promise.all([listPackStories(db, pack.id, campaign.id), listPackDroppedStories(db, pack.id, campaign.id)]);
  const deliveredAt = pack.deliveredAt ? new Date(pack.deliveredAt) : null;
  return {
    campaign: { id: campaign.id, title: campaign.title },
    pack: {
      id: pack.id,
      title: pack.title,
      createdAt: new Date(pack.createdAt).toISOString(),
      deliveredAt: deliveredAt?.toISOString() ?? null,
      goesWith: pack.petitionTitle ? `the delivery of the petition “${pack.petitionTitle}”` : pack.askTargetName ? `the ask to ${pack.askTargetName} (${formatCalendarDate(pack.askedOn!)})` : null,
      askId: pack.askId,
      deliveredTo: deliveredTo(pack),
    },
    // What the list shows of each story: its number, title, chosen name and content note, never its teller.
    stories: stories.map((s) => ({ ...toStoryCard(s, { excerpt: "" }), position: s.position })),
    dropped: dropped.map((d) => ({
      position: d.position,
      withdrawn: d.withdrawn,
      droppedAt: d.droppedAt ? new Date(d.droppedAt).toISOString() : null,
      afterDelivery: deliveredAt !== null && d.droppedAt !== null && new Date(d.droppedAt) >= deliveredAt,
    })),
    today: toUkDateInput(todayInLondon()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { campaign, pack } = await requireCampaignPack(request, params.id, params.packId);
  const formData = await request.formData();
  const parsed = parseForm(DeliverPackSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await markStoryPackDelivered(db, campaign.id, pack.id, parsed.data.deliveredOn);
  if (!result.ok) {
    if (result.reason === "no-such-pack") notFound();
    const message = result.reason === "in-future" ? "The date cannot be in the future" : `The pack was made on ${formatLondonDate(pack.createdAt)}: it cannot have been delivered before that`;
    return invalid({ deliveredOn: message }, formValues(formData, DeliverPackSchema));
  }
  return redirectWithFlash(request, `/campaigns/${campaign.id}/packs/${pack.id}`, { kind: "success", message: `The pack is marked as delivered on ${formatCalendarDate(parsed.data.deliveredOn)}.` });
}

/** Why a story is no longer in the pack, in words, by its number only. */
function droppedText(d: { position: number | null; withdrawn: boolean; droppedAt: string | null }) {
  const story = d.position ? `Story ${d.position}` : "A story";
  const when = d.droppedAt ? ` on ${formatLondonDate(d.droppedAt)}` : "";
  return d.withdrawn ? `${story} was withdrawn by its teller${when}.` : d.droppedAt ? `${story} may no longer be quoted: its teller changed what they agreed to${when}.` : `${story} is no longer published or no longer shared with this campaign's organisers.`;
}

export default function CampaignPack() {
  const { campaign, pack, stories, dropped, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const refused = result?.values !== undefined;
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}/packs`}>All of this campaign&apos;s packs</Link> · <Link to={`/campaigns/${campaign.id}/dashboard`}>Dashboard</Link>
      </p>
      <ErrorSummary errors={result?.errors} order={["deliveredOn"]} />
      <h1>{pack.title}</h1>
      <dl className="summary-list">
        <dt>Goes with</dt>
        <dd>{pack.goesWith ?? "The campaign as a whole"}</dd>
        <dt>Made</dt>
        <dd>{formatLondonDate(pack.createdAt)}</dd>
        <dt>Delivered</dt>
        <dd>{pack.deliveredAt ? formatLondonDate(pack.deliveredAt) : "Not yet"}</dd>
        <dt>Stories</dt>
        <dd>{countOf(stories.length, "story", "stories")}</dd>
      </dl>
      <p className="button-row">
        <Link className="button" to={`/campaigns/${campaign.id}/packs/${pack.id}/print`} reloadDocument>
          Open the printable pack
        </Link>
      </p>
      {dropped.length ? (
        <section className={dropped.some((d) => d.afterDelivery) ? "notice notice--warning" : "notice"} aria-labelledby="dropped-heading">
          <h2 id="dropped-heading">No longer in the pack</h2>
          <p>These stories are left out of the pack and its printable version from now on. Their titles are not shown: their tellers took them back.</p>
          <ul>
            {dropped.map((d) => (
              <li key={d.position ?? d.droppedAt}>
                {droppedText(d)}
                {d.afterDelivery ? <strong> The pack was already delivered: tell {pack.deliveredTo} it should no longer be used.</strong> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="section" aria-labelledby="in-heading">
        <h2 id="in-heading">In the pack</h2>
        {stories.length === 0 ? (
          <p>No story in this pack may be quoted now.</p>
        ) : (
          <ol className="pack-contents">
            {stories.map((s) => (
              <li key={s.id} value={s.position ?? undefined}>
                <Link to={`/stories/${s.id}`}>{s.title}</Link>
                <span className="pack-contents__meta">
                  {" "}
                  · {s.tellerName}
                  {s.contentNote ? ` · content note: ${s.contentNote}` : ""}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="section form" aria-labelledby="deliver-heading">
        <h2 id="deliver-heading">{pack.deliveredAt ? "Change the delivery date" : "Mark as delivered"}</h2>
        <p>When the pack has been handed over, record the day. If a teller withdraws their story after that, this page and the dashboard tell you to let {pack.deliveredTo} know.</p>
        <Form method="post" noValidate>
          <TextField
            name="deliveredOn"
            className="input--short"
            label="Date it was delivered"
            hint={`Day, month and year. ${UK_DATE_HINT}`}
            defaultValue={refused ? valueOf(result?.values, "deliveredOn") : pack.deliveredAt ? toUkDateInput(todayInLondon(new Date(pack.deliveredAt))) : today}
            error={result?.errors?.deliveredOn}
          />
          <button type="submit" className="button">
            {pack.deliveredAt ? "Change the date" : "Mark as delivered"}
          </button>
        </Form>
      </section>
    </>
  );
}
