import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { STORY_FIELD_ORDER, StoryConsentFields, StoryNotice, StoryTextFields } from "~/components/story-fields";
import { requireMember } from "~/members/session.server";
import { listMemberOrganisations } from "~/models/organisation.server";
import { getStoryDemandChoice, listStoryCampaignChoices, listStoryDemandChoices } from "~/models/story.server";
import { TellStorySchema } from "~/stories/forms";
import { CAMPAIGN_CHOICES, DEMAND_CHOICES } from "~/stories/limits";
import { parseTellStory, refusalErrors } from "~/stories/tell.server";
import { tellStory } from "~/services/stories.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues } from "~/utils/forms";
import { parseId } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";
import { invalid } from "~/utils/responses.server";

export const meta: MetaFunction = (args) => pageTitle(args, "Tell your story");

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const [demands, campaigns, organisations] = await Promise.all([listStoryDemandChoices(db, DEMAND_CHOICES), listStoryCampaignChoices(db, CAMPAIGN_CHOICES), listMemberOrganisations(db, member.id)]);
  // Opened from a demand's "Tell your story": that demand comes ticked (and listed, even if older than the newest 100).
  const from = parseId(new URL(request.url).searchParams.get("demand"));
  const fromDemand = from !== null && !demands.some((d) => d.id === from) ? await getStoryDemandChoice(db, from) : [];
  return {
    demands: [...fromDemand, ...demands],
    campaigns,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    initial: { demandIds: from !== null && (fromDemand.length > 0 || demands.some((d) => d.id === from)) ? [String(from)] : [], audience: "members", nameChoice: "anonymous" },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const formData = await request.formData();
  const parsed = parseTellStory(formData, member.id);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await tellStory(db, parsed.data);
  if (!result.ok) return invalid(refusalErrors(result.reason), formValues(formData, TellStorySchema));
  return redirectWithFlash(request, `/stories/${result.storyId}`, { kind: "success", message: "Thank you. A moderator will read it before anyone else can; we'll email you." });
}

export default function TellStoryPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? data.initial;
  return (
    <>
      <ErrorSummary errors={result?.errors} order={STORY_FIELD_ORDER} />
      <h1>Tell your story</h1>
      <p className="lead">What happened to you, in your own words, shared on your terms.</p>
      <StoryNotice withAccount />
      <Form method="post" className="form" noValidate>
        <h2>Your story</h2>
        <StoryTextFields values={values} errors={result?.errors} demands={data.demands} />
        <h2>Your choices</h2>
        <StoryConsentFields values={values} errors={result?.errors} withAccount campaigns={data.campaigns} organisations={data.organisations} />
        <button type="submit" className="button">
          Send my story for review
        </button>
      </Form>
    </>
  );
}
