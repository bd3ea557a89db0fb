import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { ChoiceGroup } from "~/components/form-field";
import { requireCan } from "~/members/session.server";
import { listModeratorStoryCategories, listStoriesWaiting } from "~/models/story-review.server";
import { saveModeratorStoryCategories } from "~/services/story-moderation.server";
import { CONTENT_NOTE_CATEGORIES, CONTENT_NOTES } from "~/stories/labels";
import { ModeratorCategoriesSchema } from "~/stories/moderation-forms";
import { contentNoteText } from "~/stories/view";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { parsePage } from "~/utils/ids";
import { formatLondonMedium } from "~/utils/london-time";
import { pageTitle } from "~/utils/meta";
import { badRequest } from "~/utils/responses.server";

export const meta: MetaFunction = (args) => pageTitle(args, "Stories waiting for review", "Admin");

/**
 * The queue of stories waiting for review, oldest first, in the content-note categories this moderator
 * chose. Its page data holds what a moderator decides to open by: the content note, the title and when
 * it was sent. Never the story's words, nor anything about its teller.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireCan(request, "moderation.review");
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const categories = await listModeratorStoryCategories(db, member.id);
  const { stories, hasMore } = await listStoriesWaiting(db, categories, page);
  return {
    isAdmin: member.isAdmin,
    page,
    hasMore,
    categories,
    stories: stories.map((s) => ({ id: s.id, title: s.title, sentAt: new Date(s.createdAt).toISOString(), contentNote: contentNoteText(s.contentNotes, s.contentNoteDetail) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requireCan(request, "moderation.review");
  // Checkboxes from a fixed list: anything else is a form no page of ours sent.
  const parsed = parseForm(ModeratorCategoriesSchema, await request.formData());
  if (!parsed.ok) badRequest();
  await saveModeratorStoryCategories(db, moderator.id, parsed.data.category);
  const message = parsed.data.category.length === 0 ? "You review every story." : "Saved: you review stories with the content notes you ticked, and stories with none.";
  return redirectWithFlash(request, "/admin/stories", { kind: "success", message });
}

export default function StoriesQueue() {
  const { isAdmin, page, hasMore, categories, stories } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin={isAdmin} />
      <h2>Stories waiting for review</h2>
      <div className="notice">
        <p>A moderator reads every story before it is published. Each story below shows its content note first; its words open on the next page, when you choose to read them.</p>
        <p>
          {categories.length === 0 ? (
            <>You review every story. </>
          ) : (
            <>You review stories with these content notes, and stories with none: {categories.map((c) => CONTENT_NOTES[c]).join("; ")}. </>
          )}
          <a href="#categories-heading">Choose what you review</a>.
        </p>
      </div>
      {stories.length === 0 ? <p>{page > 1 ? "No more stories are waiting." : "No stories are waiting for you to review."}</p> : null}
      <ol className="story-queue">
        {stories.map((s) => (
          <li key={s.id} className="story-queue__item">
            <p className={s.contentNote ? "story-queue__note" : "story-queue__note story-queue__note--none"}>{s.contentNote ? <>Content note: {s.contentNote}</> : "No content note"}</p>
            <h3 className="story-queue__title">
              <Link to={`/admin/stories/${s.id}`}>{s.title}</Link>
            </h3>
            <p className="small">
              Sent <time dateTime={s.sentAt}>{formatLondonMedium(s.sentAt)}</time>
            </p>
          </li>
        ))}
      </ol>
      {page > 1 || hasMore ? (
        <nav className="pagination" aria-label="Pages of stories waiting">
          {page > 1 ? <Link to={`?page=${page - 1}`}>Previous page</Link> : null}
          {hasMore ? <Link to={`?page=${page + 1}`}>Next page</Link> : null}
        </nav>
      ) : null}
      <section className="section" aria-labelledby="categories-heading">
        <h2 id="categories-heading">Which stories you review</h2>
        <Form method="post" className="form" noValidate>
          <ChoiceGroup
            name="category"
            type="checkbox"
            legend="Content notes you review"
            hint="Some stories are hard to read. Tick the content notes you are able to review; stories without a content note always come to you. Tick none to review every story."
            options={CONTENT_NOTE_CATEGORIES.map((c) => ({ value: c, label: CONTENT_NOTES[c] }))}
            selected={categories}
          />
          <button type="submit" className="button button--secondary">
            Save what I review
          </button>
        </Form>
      </section>
    </>
  );
}
