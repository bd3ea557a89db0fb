import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { StoryWithoutAccount } from "~/components/story-without-account";
import { getLetterCampaignBySlug } from "~/models/letter.server";
import { storyFormData, tellWithoutAccountAction } from "~/stories/no-account.server";
import { db } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction = (args) => pageTitle(args, "Add your story");

/** A letter writer adds a story, authorised by the link that confirmed their letter. */
async function source(slug: string | undefined) {
  const lc = slug ? await getLetterCampaignBySlug(db, slug) : undefined;
  if (!lc || lc.status === "draft") notFound();
  return { lc, source: { kind: "letter" as const, letterCampaignId: lc.id, title: lc.title } };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { lc, source: s } = await source(params.slug);
  return storyFormData(s, params.token ?? "", `/letters/${lc.slug}`, []);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lc, source: s } = await source(params.slug);
  return tellWithoutAccountAction(request, context.clientIp, s, params.token ?? "", `/letters/${lc.slug}/confirm/${params.token}/story`);
}

export default function LetterStoryPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  return <StoryWithoutAccount data={data} told={search.get("told") === "1"} result={result} backLabel="Go back to the letters" />;
}
