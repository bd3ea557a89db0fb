import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { StoryCard } from "~/components/story-card";
import { consentFormValues, STORY_FIELD_ORDER } from "~/components/story-fields";
import { StoryTellerPanel } from "~/components/story-teller-panel";
import { getCurrentMember, requireMember } from "~/members/session.server";
import { listMemberOrganisations } from "~/models/organisation.server";
import { getStory, listOrganisedCampaignIds, listStoryCampaignChoices } from "~/models/story.server";
import { canReadStory } from "~/stories/consent";
import { CAMPAIGN_CHOICES } from "~/stories/limits";
import { consentIntent, tellerView, withdrawIntent } from "~/stories/teller.server";
import { toStoryCard } from "~/stories/view";
import { db } from "~/utils/db.server";
import { parseId } from "~/utils/ids";
import { markdownToSafeHtml } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/meta";
import { badRequest, notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data?.story.title ?? "Story");

/** The story if this person may read it; anyone else gets the same 404 as for a story that never was. */
async function loadReadableStory(request: Request, rawId: string | undefined) {
  const id = parseId(rawId);
  const { member } = await getCurrentMember(request);
  const story = id === null ? undefined : await getStory(db, id);
  if (!story) notFound();
  const organiserOf = member && story.audience === "organisers" ? await listOrganisedCampaignIds(db, member.id) : [];
  const viewer = { memberId: member?.id ?? null, organiserOf };
  if (!canReadStory({ status: story.status, audience: story.audience, tellerId: story.tellerId, audienceCampaignIds: story.audienceCampaigns.map((c) => c.id) }, viewer)) notFound();
  return { story, member, isTeller: member !== null && story.tellerId === member.id };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { story, member, isTeller } = await loadReadableStory(request, params.id);
  const card = toStoryCard(story, { html: markdownToSafeHtml(story.body, 3) });
  const page = {
    story: card,
    easyReadHtml: story.easyRead ? markdownToSafeHtml(story.easyRead, 3) : null,
    // Drafts stay private to their authors, so a story never names one.
    demands: story.demands.filter((d) => d.stage !== "draft").map((d) => ({ id: d.id, title: d.title })),
    signedIn: member !== null,
  };
  if (!isTeller) return { ...page, teller: null };
  const [campaigns, organisations] = await Promise.all([listStoryCampaignChoices(db, CAMPAIGN_CHOICES), listMemberOrganisations(db, member!.id)]);
  const choices = { campaigns, organisations: organisations.map((o) => ({ id: o.id, name: o.name })) };
  return {
    ...page,
    teller: {
      view: await tellerView(story, choices),
      consents: consentFormValues(story),
      ...choices,
      confirmingWithdrawal: new URL(request.url).searchParams.get("withdraw") === "1",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { story, isTeller } = await loadReadableStory(request, params.id);
  if (!isTeller) notFound();
  const formData = await request.formData();
  const intent = formData.get("intent");
  const args = { request, formData, storyId: story.id, tellerId: member.id, back: `/stories/${story.id}` };
  if (intent === "consents") return consentIntent(args);
  if (intent === "withdraw") return withdrawIntent(args);
  badRequest();
}

export default function StoryPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string> | undefined;
  return (
    <>
      <p>
        <Link to="/stories">All stories</Link>
      </p>
      <ErrorSummary errors={errors} order={STORY_FIELD_ORDER} />
      <h1 className="visually-hidden">Story: {data.story.title}</h1>
      <StoryCard story={data.story} headingLevel={2} link={false}>
        {data.easyReadHtml ? (
          <details className="story-card__easy-read">
            <summary>Easy read version</summary>
            <div className="prose" dangerouslySetInnerHTML={{ __html: data.easyReadHtml }} />
          </details>
        ) : null}
      </StoryCard>
      {data.demands.length ? (
        <section aria-labelledby="demands-heading">
          <h2 id="demands-heading">The demands it relates to</h2>
          <ul>
            {data.demands.map((d) => (
              <li key={d.id}>
                <Link to={`/demands/${d.id}`}>{d.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.teller ? (
        <StoryTellerPanel
          teller={data.teller.view}
          consentValues={result?.values && (result.values as Record<string, string>).intent === "consents" ? result.values : data.teller.consents}
          errors={errors}
          withAccount
          campaigns={data.teller.campaigns}
          organisations={data.teller.organisations}
          confirmingWithdrawal={data.teller.confirmingWithdrawal}
          here={`/stories/${data.story.id}`}
          editLink={`/stories/${data.story.id}/edit`}
        />
      ) : null}
    </>
  );
}
