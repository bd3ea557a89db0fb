import { Link } from "@remix-run/react";
import type { AskView } from "~/accountability/ask-view";
import { AskRecord } from "~/components/ask-record";

/** The campaign's newest asks, compactly (no history: the campaign page and the tracker carry it). */
export function CampaignAsks({ campaign, demandId, asks, more }: { campaign: { id: number; title: string }; demandId: number; asks: AskView[]; more: boolean }) {
  return (
    <section aria-labelledby="asks-heading">
      <h2 id="asks-heading">What decision makers were asked</h2>
      <ul className="ask-list">
        {asks.map((ask) => (
          <li key={ask.id}>
            <AskRecord ask={ask} context="campaign" />
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/accountability?demand=${demandId}`}>{more ? "See every ask and its history on the accountability tracker" : "See their history on the accountability tracker"}</Link>
        {" · "}
        <Link to={`/campaigns/${campaign.id}`}>The campaign: {campaign.title}</Link>
      </p>
    </section>
  );
}
