import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { StoryWithoutAccount } from "~/components/story-without-account";
import { loadPublicPetition } from "~/petitions/access.server";
import { storyFormData, tellWithoutAccountAction } from "~/stories/no-account.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Add your story");

/** A signer adds a story, authorised by the link that confirmed their signature. */
async function source(slug: string | undefined) {
  const petition = await loadPublicPetition(slug);
  return { petition, source: { kind: "signature" as const, petitionId: petition.id, title: petition.title } };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { petition, source: s } = await source(params.slug);
  return storyFormData(s, params.token ?? "", `/petitions/${petition.slug}`, []);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { petition, source: s } = await source(params.slug);
  return tellWithoutAccountAction(request, context.clientIp, s, params.token ?? "", `/petitions/${petition.slug}/confirm/${params.token}/story`);
}

export default function PetitionStoryPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  return <StoryWithoutAccount data={data} told={search.get("told") === "1"} result={result} backLabel="Go back to the petition" />;
}
