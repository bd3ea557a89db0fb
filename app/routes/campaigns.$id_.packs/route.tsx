import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePackOrganiser } from "~/campaigns/access.server";
import { ErrorSummary } from "~/components/error-summary";
import { PackWarnings } from "~/components/pack-warnings";
import { listCampaignAsks } from "~/models/ask.server";
import { listCampaignPetitions } from "~/models/petition.server";
import { listCampaignStoryPacks, listDeliveredPackWarnings, listQuotableStories, MAX_PACK_STORIES } from "~/models/story-pack.server";
import { makeStoryPack, type MakePackResult } from "~/services/story-packs.server";
import { MakePackSchema, NO_STORY_TICKED } from "~/stories/pack-forms";
import { toPackWarnings } from "~/stories/packs";
import { excerptOf, toStoryCard } from "~/stories/view";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm } from "~/utils/forms";
import { formatCalendarDate, formatLondonDate } from "~/utils/london-time";
import { readerText } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";
import { invalid } from "~/utils/responses.server";
import { MakePackForm } from "./make-form";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "Story packs for decision makers", args.data?.campaign.title ?? "Campaign");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requirePackOrganiser(request, params.id);
  const [packs, quotable, petitions, asks, warnings] = await Promise.all([
    listCampaignStoryPacks(db, campaign.id),
    listQuotableStories(db, campaign.id),
    listCampaignPetitions(db, campaign.id),
    listCampaignAsks(db, campaign.id, 1),
    listDeliveredPackWarnings(db, campaign.id),
  ]);
  return {
    campaign: { id: campaign.id, title: campaign.title },
    packs: packs.map((p) => ({
      id: p.id,
      title: p.title,
      createdAt: new Date(p.createdAt).toISOString(),
      deliveredAt: p.deliveredAt ? new Date(p.deliveredAt).toISOString() : null,
      goesWith: p.petitionTitle ? `For the delivery of the petition “${p.petitionTitle}”` : p.askTargetName ? `With the ask to ${p.askTargetName} (${formatCalendarDate(p.askedOn!)})` : "For the campaign as a whole",
      included: p.included,
      dropped: p.dropped,
      droppedSinceDelivery: p.droppedSinceDelivery,
    })),
    // Never a story's teller id, email or how it reached us: only what its card shows.
    stories: quotable.slice(0, MAX_PACK_STORIES).map((s) => {
      const card = toStoryCard(s, { excerpt: "" });
      return { id: card.id, title: card.title, tellerName: card.tellerName, publishedAt: card.publishedAt, contentNote: card.contentNote, excerpt: card.contentNote ? null : excerptOf(readerText(s.body), 160) };
    }),
    more: quotable.length > MAX_PACK_STORIES,
    goesWith: {
      petitions: petitions.map((p) => ({ value: `petition-${p.id}`, label: p.title })),
      asks: asks.slice(0, 50).map((a) => ({ value: `ask-${a.id}`, label: `${a.target_name}, asked ${formatCalendarDate(a.asked_on)}` })),
    },
    warnings: toPackWarnings(warnings),
  };
}

/** Why a pack could not be made, by the field that can put it right. */
function refusal(result: Extract<MakePackResult, { ok: false }>): Record<string, string> {
  switch (result.reason) {
    case "not-this-campaign-petition":
    case "not-this-campaign-ask":
      return { goesWith: "Choose one of this campaign's petitions or asks" };
    case "no-stories-chosen":
      return { storyIds: NO_STORY_TICKED };
    case "no-quotable-stories":
      return { storyIds: "No story can go in a pack now" };
    case "not-quotable":
      return { storyIds: "One or more of the stories you ticked can no longer be quoted: its teller changed what they agreed to, or it is no longer published. The list now shows only the stories you may include. Check your choice and make the pack again." };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, campaign } = await requirePackOrganiser(request, params.id);
  const formData = await request.formData();
  const parsed = parseForm(MakePackSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await makeStoryPack(db, member.id, campaign.id, { title: parsed.data.title, ...parsed.data.goesWith, stories: parsed.data.intent === "all" ? "all" : parsed.data.storyIds });
  if (!result.ok) {
    const values = formValues(formData, MakePackSchema);
    // Keep ticked only the stories that may still go in.
    if (result.reason === "not-quotable") values.storyIds = result.quotable.map(String);
    return invalid(refusal(result), values);
  }
  return redirectWithFlash(request, `/campaigns/${campaign.id}/packs/${result.packId}`, { kind: "success", message: `The pack is made, with ${countOf(result.count, "story", "stories")}.` });
}

const ORDER = ["title", "goesWith", "storyIds"];

export default function CampaignPacks() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { campaign } = data;
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}/dashboard`}>Dashboard</Link> · <Link to={`/campaigns/${campaign.id}/asks`}>Asks to decision makers</Link> ·{" "}
        <Link to={`/campaigns/${campaign.id}`}>The campaign page</Link>
      </p>
      <ErrorSummary errors={result?.errors} order={ORDER} />
      <h1>Story packs for decision makers</h1>
      <p className="lead">
        A printable pack of the stories whose tellers agreed they may be quoted, to hand over with a petition or an ask for &ldquo;{campaign.title}&rdquo;. A teller can withdraw
        or change their mind at any time: the pack then leaves their story out from the next time it is opened or printed.
      </p>
      <PackWarnings campaignId={campaign.id} warnings={data.warnings} />
      <section className="section" aria-labelledby="packs-heading">
        <h2 id="packs-heading">Packs, newest first</h2>
        {data.packs.length === 0 ? (
          <p>No packs made yet.</p>
        ) : (
          <ul className="task-list pack-list">
            {data.packs.map((p) => (
              <li key={p.id}>
                <div>
                  <Link to={`/campaigns/${campaign.id}/packs/${p.id}`}>{p.title}</Link>
                  <p className="pack-list__what">{p.goesWith}</p>
                  {p.droppedSinceDelivery > 0 ? (
                    <p className="pack-list__warning">
                      <strong>{countOf(p.droppedSinceDelivery, "story", "stories")} withdrawn since delivery</strong>
                    </p>
                  ) : null}
                </div>
                <span className="task-list__when">
                  {countOf(p.included, "story", "stories")}
                  {p.dropped > 0 ? ` (${p.dropped} no longer included)` : ""} · made {formatLondonDate(p.createdAt)} · {p.deliveredAt ? `delivered ${formatLondonDate(p.deliveredAt)}` : "not delivered yet"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <MakePackForm stories={data.stories} more={data.more} goesWith={data.goesWith} values={result?.values} errors={result?.errors} />
    </>
  );
}
