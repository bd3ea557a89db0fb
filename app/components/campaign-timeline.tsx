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

/** A campaign's updates and milestones, newest first, each dated and attributed. */
export function CampaignTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p>Nothing yet.</p>;
  return (
    <ol className="timeline">
      {entries.map((e) => (
        <li key={e.id} className={`timeline__entry timeline__entry--${e.kind}`}>
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
  );
}
