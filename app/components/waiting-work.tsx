import { Link } from "@remix-run/react";
import { countPhrase } from "~/admin/waiting";

export interface WaitingWork {
  /** null where this person may not do that kind of work. */
  organisations: number | null;
  comments: number | null;
  stories: number | null;
  heldLetters: Array<{ slug: string; title: string; campaignTitle: string; held: number }> | null;
}

const SHOWN_LETTER_CAMPAIGNS = 5;

/** Counts of what waits for the coalition team, each linked to where it is done. */
export function WaitingWorkList({ id, heading, work }: { id: string; heading: string; work: WaitingWork }) {
  const held = work.heldLetters;
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <ul className="task-list">
        {work.organisations !== null ? (
          <li>
            <Link to="/admin/organisations">{countPhrase(work.organisations, "organisation to verify", "organisations to verify")}</Link>
          </li>
        ) : null}
        {work.comments !== null ? (
          <li>
            <Link to="/admin/moderation">{countPhrase(work.comments, "reported comment to review", "reported comments to review")}</Link>
          </li>
        ) : null}
        {work.stories !== null ? (
          <li>
            <Link to="/admin/stories">{countPhrase(work.stories, "story waiting for review", "stories waiting for review")}</Link>
          </li>
        ) : null}
        {held && held.length === 0 ? <li>No letters held for review</li> : null}
        {held?.slice(0, SHOWN_LETTER_CAMPAIGNS).map((h) => (
          <li key={h.slug}>
            <Link to={`/letters/${h.slug}/manage#held-heading`}>
              {countPhrase(h.held, "letter held for review", "letters held for review")}: {h.title}
            </Link>
            <span className="task-list__when">{h.campaignTitle}</span>
          </li>
        ))}
        {held && held.length > SHOWN_LETTER_CAMPAIGNS ? (
          <li>
            <Link to="/admin/campaigns">
              Letters are held in {held.length - SHOWN_LETTER_CAMPAIGNS} more letter {held.length - SHOWN_LETTER_CAMPAIGNS === 1 ? "campaign" : "campaigns"}
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
