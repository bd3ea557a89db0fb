import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { StoryCardView } from "~/stories/view";
import { formatLondonDate } from "~/utils/london-time";

/**
 * One story as readers see it, everywhere stories appear (lists, a demand's and a campaign's pages,
 * the story's own page). A story with a content note is folded behind it (a <details>, so it works
 * without JavaScript) until the reader chooses to open it. On paper (a printed pack, `fold={false}`)
 * a closed fold would print nothing, so the content note stands above the text instead.
 */
export function StoryCard({ story, headingLevel = 3, link = true, fold = true, children }: { story: StoryCardView; headingLevel?: 2 | 3 | 4; link?: boolean; fold?: boolean; children?: ReactNode }) {
  const Heading = `h${headingLevel}` as const;
  const text = story.html !== undefined ? <div className="prose story-card__body" dangerouslySetInnerHTML={{ __html: story.html }} /> : <p className="story-card__excerpt">{story.excerpt}</p>;
  return (
    <article className="story-card" aria-labelledby={`story-${story.id}-title`}>
      <Heading className="story-card__title" id={`story-${story.id}-title`}>
        {link ? <Link to={`/stories/${story.id}`}>{story.title}</Link> : story.title}
      </Heading>
      <p className="story-card__meta">
        {story.tellerName}
        {story.publishedAt ? <> · <time dateTime={story.publishedAt}>{formatLondonDate(story.publishedAt)}</time></> : null}
      </p>
      {story.contentNote && !fold ? (
        <>
          <p className="story-card__note">Content note: {story.contentNote}.</p>
          {text}
        </>
      ) : story.contentNote ? (
        <details className="story-card__fold">
          <summary>
            Content note: {story.contentNote}. <span className="story-card__open">Show the story</span>
          </summary>
          {text}
        </details>
      ) : (
        text
      )}
      {children}
    </article>
  );
}
