import { Form, Link } from "@remix-run/react";
import { ChoiceGroup } from "./form-field";
import { StoryCard } from "./story-card";
import { CONTENT_NOTE_CATEGORIES, CONTENT_NOTES } from "~/stories/labels";
import type { StoryCardView } from "~/stories/view";

type ListedStory = StoryCardView & { hasEasyRead: boolean };

/** Stories as cards, each with its excerpt, in a list whose items are the cards. */
export function StoryList({ stories, headingLevel }: { stories: ListedStory[]; headingLevel: 2 | 3 }) {
  return (
    <ul className="story-list">
      {stories.map((story) => (
        <li key={story.id}>
          <StoryCard story={story} headingLevel={headingLevel}>
            {story.hasEasyRead ? <p className="story-card__extra">There is an easy read version of this story.</p> : null}
          </StoryCard>
        </li>
      ))}
    </ul>
  );
}

/**
 * A demand's stories beside its text (on the demand's page and its campaign's): the newest few the
 * reader may read and does not hide, a way to tell one, and the way to all of them (where the
 * hidden ones are explained).
 */
export function StoriesSection({ demandId, stories, signedIn }: { demandId: number; stories: ListedStory[]; signedIn: boolean }) {
  return (
    <section aria-labelledby="stories-heading">
      <h2 id="stories-heading">Stories</h2>
      <p>What happened to people, in their own words, behind this demand.</p>
      {stories.length ? <StoryList stories={stories} headingLevel={3} /> : <p>No stories to show yet.</p>}
      <div className="button-row">
        {signedIn ? (
          <Link to={`/stories/new?demand=${demandId}`} className="button button--secondary">
            Tell your story
          </Link>
        ) : null}
        <Link to={`/demands/${demandId}/stories`}>All stories about this demand</Link>
      </div>
      {!signedIn ? (
        <p className="small">
          <Link to={`/sign-in?redirectTo=${encodeURIComponent(`/stories/new?demand=${demandId}`)}`}>Sign in</Link> to tell your story.
        </p>
      ) : null}
    </section>
  );
}

/** The "Hide stories about…" checkboxes, ticked as the reader chose; on /stories and in settings. */
export function HiddenNotesForm({ hidden, error, saved, action }: { hidden: string[]; error?: string; saved: string; action?: string }) {
  return (
    <Form method="post" action={action} noValidate className="hidden-notes">
      <ChoiceGroup
        name="note"
        type="checkbox"
        legend="Hide stories about…"
        hint={`Stories with any of these content notes are left out of every list of stories you see. ${saved}`}
        error={error}
        options={CONTENT_NOTE_CATEGORIES.map((category) => ({ value: category, label: CONTENT_NOTES[category] }))}
        selected={hidden}
      />
      <button type="submit" name="intent" value="hide" className="button button--secondary">
        Save what I hide
      </button>
    </Form>
  );
}
