import { CAMPAIGN_EVENT_LABELS } from "~/campaigns/labels";
import { formatCalendarDate } from "~/utils/london-time";
import { RenderedMarkdown } from "./demand-bits";

export interface TimelineEntry {
  id: number;
  kind: string;
  title: string;
  html: string;
  link: string | null;
  happened_on: string;
  author_name: string | null;
}

const POSTED = "Posted. This update is now on the campaign’s timeline for everyone to see.";

/**
 * A campaign's updates and milestones, newest first, each dated and attributed. `posted` is the entry
 * an organiser has just posted: the confirmation sits right above it (its anchor is `#update-ID`), or
 * above the list when its date puts it on another page.
 */
export function CampaignTimeline({ entries, posted = null }: { entries: TimelineEntry[]; posted?: number | null }) {
  const postedHere = posted !== null && entries.some((e) => e.id === posted);
  if (entries.length === 0) return <p>Nothing yet.</p>;
  return (
    <>
      {posted !== null && !postedHere ? (
        <p className="timeline__posted" role="status" id={`update-${posted}`}>
          {POSTED} Its date puts it further down, among the older entries.
        </p>
      ) : null}
      <ol className="timeline">
        {entries.map((e) => (
          <li key={e.id} className={`timeline__entry timeline__entry--${e.kind}`} id={`update-${e.id}`}>
            {e.id === posted ? (
              <p className="timeline__posted" role="status">
                {POSTED}
              </p>
            ) : null}
            <p className="timeline__meta">
              <span className="timeline__kind">{CAMPAIGN_EVENT_LABELS[e.kind] ?? e.kind}</span> · <time dateTime={e.happened_on}>{formatCalendarDate(e.happened_on)}</time>
              {e.author_name ? ` · ${e.author_name}` : ""}
            </p>
            <h3 className="timeline__title">{e.title}</h3>
            {e.html ? <RenderedMarkdown html={e.html} /> : null}
            {e.link ? (
              <p>
                <a href={e.link} rel="noopener noreferrer nofollow">
                  Read more<span className="visually-hidden"> about {e.title}</span>
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
