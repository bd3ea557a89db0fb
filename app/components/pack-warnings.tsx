import { Link } from "@remix-run/react";
import type { PackWarningView } from "~/stories/packs";
import { formatLondonDate } from "~/utils/london-time";

/**
 * "Tell the decision maker": for organisers, on the packs page and the campaign dashboard. A story a
 * teller took back after delivery is still on the decision maker's desk; only the organisers can ask
 * them to stop using it. The story is named by its number in the pack, never by its title.
 */
export function PackWarnings({ campaignId, warnings }: { campaignId: number; warnings: PackWarningView[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="notice notice--warning pack-warnings" aria-labelledby="pack-warnings-heading">
      <h2 id="pack-warnings-heading">Tell decision makers about withdrawn stories</h2>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.packId}-${w.position}`}>
            {w.withdrawn ? (
              <>A story in a delivered pack was withdrawn by its teller on {formatLondonDate(w.droppedAt)}: tell {w.deliveredTo} it should no longer be used.</>
            ) : (
              <>A story in a delivered pack may no longer be quoted: its teller changed what they agreed to on {formatLondonDate(w.droppedAt)}. Tell {w.deliveredTo} it should no longer be used.</>
            )}{" "}
            <Link to={`/campaigns/${campaignId}/packs/${w.packId}`}>
              {w.position ? `Story ${w.position} in ` : ""}&ldquo;{w.packTitle}&rdquo;
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
