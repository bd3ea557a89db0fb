import { Link } from "@remix-run/react";

export interface ProposedAtLine {
  id: number;
  eventId: number;
  eventTitle: string;
  /** The event's date in its own time zone, formatted on the server. */
  date: string;
  note: string | null;
  amendment: boolean;
}

/**
 * "Proposed at the March assembly": the gatherings whose notes link this demand (or one of its
 * amendments) or this campaign, so readers see where it was shaped and by whom.
 */
export function ProposedAt({ lines }: { lines: ProposedAtLine[] }) {
  if (!lines.length) return null;
  return (
    <section aria-labelledby="proposed-at-heading" className="proposed-at">
      <h2 id="proposed-at-heading">Where it came from</h2>
      <ul>
        {lines.map((line) => (
          <li key={line.id}>
            {line.amendment ? "An amendment proposed at " : "Proposed at "}
            <Link to={`/events/${line.eventId}`}>{line.eventTitle}</Link>, {line.date}
            {line.note ? `: ${line.note}` : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
