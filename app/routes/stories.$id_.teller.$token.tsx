import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { StoryCard } from "~/components/story-card";
import { consentFormValues, STORY_FIELD_ORDER } from "~/components/story-fields";
import { StoryTellerPanel } from "~/components/story-teller-panel";
import { getStory } from "~/models/story.server";
import { checkRateLimit, RATE_LIMITS_STORIES } from "~/services/rate-limit.server";
import { readTellerLink, sendNewTellerLink } from "~/services/stories.server";
import { consentIntent, tellerView, withdrawIntent } from "~/stories/teller.server";
import { toStoryCard } from "~/stories/view";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseId } from "~/utils/ids";
import { markdownToSafeHtml } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/meta";
import { badRequest, invalid, notFound } from "~/utils/responses.server";

export const meta: MetaFunction = (args) => [...pageTitle(args, "Your story"), { name: "robots", content: "noindex" }];

/**
 * A teller without an account, with the link we emailed them: the same as a member sees on their
 * story's page. A wrong, old (a newer one was sent) or expired link is a 404 that says nothing more.
 */
async function loadByLink(params: LoaderFunctionArgs["params"]) {
  const id = parseId(params.id);
  const storyId = id === null ? null : await readTellerLink(db, params.token ?? "", id);
  const story = storyId === null ? undefined : await getStory(db, storyId);
  if (!story) notFound();
  return story;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const story = await loadByLink(params);
  return {
    story: toStoryCard(story, { html: markdownToSafeHtml(story.body, 3) }),
    teller: await tellerView(story, { campaigns: [], organisations: [] }),
    consents: consentFormValues(story),
    confirmingWithdrawal: new URL(request.url).searchParams.get("withdraw") === "1",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const story = await loadByLink(params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/stories/${story.id}/teller/${params.token}`;
  const args = { request, formData, storyId: story.id, tellerId: null, back };
  if (intent === "consents") return consentIntent(args);
  if (intent === "withdraw") return withdrawIntent(args);
  if (intent === "new-link") {
    const limited = await checkRateLimit(db, RATE_LIMITS_STORIES.newTellerLinkPerStory, String(story.id));
    if (!limited.ok) return invalid({ form: limited.message });
    const result = await sendNewTellerLink(db, story.id);
    if (!result.ok) return invalid({ form: "We no longer have an email address to send a new link to. This link keeps working until it expires." });
    // This link is dead now: the flash is shown on the next page, which has to be one that still exists.
    return redirectWithFlash(request, "/", { kind: "success", message: "We have emailed you a new link to your story. The link you used stops working now." });
  }
  badRequest();
}

export default function TellerLinkPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string> | undefined;
  const values = result?.values as Record<string, string> | undefined;
  const params = useParams();
  return (
    <>
      <ErrorSummary errors={errors} order={STORY_FIELD_ORDER} />
      <h1>Your story</h1>
      <p className="lead">Only you can see this page, with the link we emailed you. Keep the link to yourself.</p>
      <StoryCard story={data.story} headingLevel={2} link={false} />
      <StoryTellerPanel teller={data.teller} consentValues={values?.intent === "consents" ? values : data.consents} errors={errors} withAccount={false} confirmingWithdrawal={data.confirmingWithdrawal} here={`/stories/${data.story.id}/teller/${params.token}`} />
      <section aria-labelledby="link-heading">
        <h2 id="link-heading">A new link</h2>
        <p>If someone else may have this link (a forwarded email, a shared computer), we can email you a new one. This one then stops working.</p>
        <Form method="post">
          <button type="submit" name="intent" value="new-link" className="button button--secondary">
            Email me a new link
          </button>
        </Form>
      </section>
    </>
  );
}
