import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { STORY_FIELD_ORDER, StoryTextFields } from "~/components/story-fields";
import { requireMember } from "~/members/session.server";
import { getStory, listStoryDemandChoices } from "~/models/story.server";
import { editStory, EDITABLE_STATUSES } from "~/services/stories.server";
import { StoryTextSchema } from "~/stories/forms";
import { DEMAND_CHOICES } from "~/stories/limits";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm } from "~/utils/forms";
import { parseId } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";
import { invalid, notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "Edit your story", args.data?.title ?? "");

/** Only the teller may edit, and only a story still open to change; to anyone else it does not exist. */
async function loadOwnStory(request: Request, rawId: string | undefined) {
  const member = await requireMember(request);
  const id = parseId(rawId);
  const story = id === null ? undefined : await getStory(db, id);
  if (!story || story.tellerId !== member.id || !(EDITABLE_STATUSES as readonly string[]).includes(story.status)) notFound();
  return { member, story };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { story } = await loadOwnStory(request, params.id);
  const demands = await listStoryDemandChoices(db, DEMAND_CHOICES);
  const related = story.demands.filter((d) => d.stage !== "draft" && !demands.some((c) => c.id === d.id)).map((d) => ({ id: d.id, title: d.title }));
  return {
    id: story.id,
    title: story.title,
    status: story.status,
    demands: [...related, ...demands],
    values: {
      title: story.title,
      body: story.body,
      easyRead: story.easyRead ?? "",
      contentNotes: story.contentNotes,
      contentNoteDetail: story.contentNoteDetail ?? "",
      topics: story.topics,
      demandIds: story.demands.map((d) => String(d.id)),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, story } = await loadOwnStory(request, params.id);
  const formData = await request.formData();
  const parsed = parseForm(StoryTextSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const v = parsed.data;
  const result = await editStory(db, story.id, member.id, { ...v, contentNoteDetail: v.contentNotes.includes("other") ? v.contentNoteDetail : null });
  if (!result.ok) {
    if (result.reason === "no-such-demand") return invalid({ demandIds: "One of the demands you chose is not open any more. Choose again." }, formValues(formData, StoryTextSchema));
    notFound();
  }
  return redirectWithFlash(request, `/stories/${story.id}`, {
    kind: "success",
    message: result.backToReview ? "Your changes are saved. Your story is waiting for review again: a moderator will read it before anyone else can." : "Your changes are saved.",
  });
}

export default function EditStoryPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? data.values;
  return (
    <>
      <p>
        <Link to={`/stories/${data.id}`}>Back to your story</Link>
      </p>
      <ErrorSummary errors={result?.errors} order={STORY_FIELD_ORDER} />
      <h1>Edit your story</h1>
      {data.status === "published" || data.status === "changes_requested" ? (
        <div className="notice" role="note">
          <p>If you change its words or content notes, your story goes back to a moderator{data.status === "published" ? " and is hidden until they have read it again" : ""}. Changing only its topics or demands does not.</p>
        </div>
      ) : null}
      <Form method="post" className="form" noValidate>
        <StoryTextFields values={values} errors={result?.errors} demands={data.demands} />
        <button type="submit" className="button">
          Save my changes
        </button>
      </Form>
    </>
  );
}
