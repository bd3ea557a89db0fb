import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { SelectField } from "~/components/form-field";
import { HiddenNotesForm, StoryList } from "~/components/story-list";
import { listHiddenContentNotes, listReadableStories } from "~/models/story.server";
import { saveHiddenContentNotes } from "~/services/story-reading.server";
import { getCurrentMember } from "~/members/session.server";
import { TOPIC_LABELS, TOPICS } from "~/demands/labels";
import { readStoryFilters, storiesQuery, STORY_SEARCH_MAX } from "~/stories/filters";
import { CONTENT_NOTES, type ContentNoteCategory } from "~/stories/labels";
import { HiddenNotesSchema } from "~/stories/reader-forms";
import { hiddenNotesFromCookie, hiddenNotesSetCookie, sqlStoryViewer, storyListCard } from "~/stories/reader.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valuesOf } from "~/utils/forms";
import { pageTitle } from "~/utils/meta";
import { badRequest, invalid } from "~/utils/responses.server";

export const meta: MetaFunction = (args) => [
  ...pageTitle(args, "Stories"),
  { name: "description", content: "What happened to people, in their own words: the experiences behind the coalition's demands." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const { topic, q, page } = readStoryFilters(new URL(request.url).searchParams);
  const hidden = member ? await listHiddenContentNotes(db, member.id) : await hiddenNotesFromCookie(request);
  const { stories, hasMore } = await listReadableStories(db, sqlStoryViewer(member), { page, topic, search: q || undefined, hiding: hidden });
  return {
    stories: stories.map(storyListCard),
    hasMore,
    page,
    filters: { q, topic: topic ?? "" },
    hidden,
    signedIn: Boolean(member),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const formData = await request.formData();
  if (formData.get("intent") !== "hide") badRequest();
  const parsed = parseForm(HiddenNotesSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const hidden = parsed.data.note;
  const message = hidden.length ? `Stories about ${hidden.map((c) => CONTENT_NOTES[c].toLowerCase()).join(", ")} are hidden from your lists.` : "You hide no stories now.";
  const back = "/stories#hide-heading";
  if (member) {
    await saveHiddenContentNotes(db, member.id, hidden);
    return redirectWithFlash(request, back, { kind: "success", message });
  }
  return redirectWithFlash(request, back, { kind: "success", message: `${message} This device remembers it.` }, { headers: { "Set-Cookie": await hiddenNotesSetCookie(hidden) } });
}

export default function Stories() {
  const { stories, hasMore, page, filters, hidden, signedIn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const searching = Boolean(filters.q || filters.topic);
  return (
    <>
      <div className="page-heading">
        <h1>Stories</h1>
        <p className="lead">What happened to people, in their own words. A moderator reads every story before it is published, and the person who told it decides who may read it, under which name, and can withdraw it at any time.</p>
      </div>
      {signedIn ? (
        <p>
          <Link to="/stories/new" className="button">
            Tell your story
          </Link>
        </p>
      ) : (
        <p>
          <Link to="/sign-in?redirectTo=/stories/new">Sign in</Link> or <Link to="/join">join</Link> to tell your story.
        </p>
      )}

      <Form method="get" className="filters" role="search" aria-label="Find stories">
        <div className="field">
          <label className="field__label" htmlFor="filter-q">
            Search stories
          </label>
          <input className="input" id="filter-q" type="search" name="q" defaultValue={filters.q} maxLength={STORY_SEARCH_MAX} />
        </div>
        <SelectField id="filter-topic" name="topic" label="Topic" defaultValue={filters.topic} options={[{ value: "", label: "Any topic" }, ...TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] }))]} />
        <button type="submit" className="button button--secondary">
          Show stories
        </button>
      </Form>

      <section aria-labelledby="hide-heading" className="story-hide">
        <h2 id="hide-heading" className="visually-hidden">
          Stories you hide
        </h2>
        {hidden.length ? (
          <p>
            You hide stories about: {hidden.map((c: ContentNoteCategory) => CONTENT_NOTES[c].toLowerCase()).join(", ")}.
          </p>
        ) : null}
        <details className="story-hide__choose" open={Boolean(errors)}>
          <summary>{hidden.length ? "Change what you hide" : "Hide stories about…"}</summary>
          <ErrorSummary errors={errors} />
          <HiddenNotesForm
            hidden={errors ? valuesOf(result?.values, "note") : hidden}
            error={errors?.note}
            saved={signedIn ? "Saved with your account: you can change it in your settings too." : "Remembered on this device (in a cookie) until you change it."}
          />
        </details>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="visually-hidden">
          {searching ? "Stories found" : "Newest stories"}
        </h2>
        {stories.length ? <StoryList stories={stories} headingLevel={3} /> : <p>{searching || page > 1 ? "No stories match. Try other words or another topic." : hidden.length ? "No stories to show: every published story has a content note you hide." : "No stories have been published yet."}</p>}
        <nav className="pagination" aria-label="Pages of stories">
          {page > 1 ? <Link to={storiesQuery(filters, page - 1) || "?"}>Previous page</Link> : null}
          {hasMore ? <Link to={storiesQuery(filters, page + 1)}>Next page</Link> : null}
        </nav>
      </section>

      <p className="small">
        <a href={`/stories.json${storiesQuery(filters, page)}`}>These stories as open data (JSON)</a>: only stories their tellers made public, never members-only ones.
      </p>
    </>
  );
}
