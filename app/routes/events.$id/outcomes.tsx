import { Link } from "@remix-run/react";

interface Outcome {
  id: number;
  note: string | null;
  demand_id: number | null;
  amendment_id: number | null;
  campaign_id: number | null;
  demand_title: string | null;
  amendment_demand_id: number | null;
  amendment_demand_title: string | null;
  campaign_title: string | null;
}

/** "What came out of it": the demands, amendments and campaigns the event shaped. */
export function EventOutcomes({ outcomes }: { outcomes: Outcome[] }) {
  if (!outcomes.length) return null;
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">What came out of it</h2>
      <ul>
        {outcomes.map((o) => (
          <li key={o.id}>
            {o.demand_id !== null ? (
              <>
                The demand <Link to={`/demands/${o.demand_id}`}>{o.demand_title}</Link>
              </>
            ) : o.amendment_id !== null ? (
              <>
                <Link to={`/demands/${o.amendment_demand_id}/amendments/${o.amendment_id}`}>An amendment</Link> to &ldquo;{o.amendment_demand_title}&rdquo;
              </>
            ) : (
              <>
                The campaign <Link to={`/campaigns/${o.campaign_id}`}>{o.campaign_title}</Link>
              </>
            )}
            {o.note ? `: ${o.note}` : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
