import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatWhen } from "~/demands/labels";
import { formatCalendarDate } from "~/utils/london-time";

export interface CoalitionNowProps {
  votes: Array<{ id: number; title: string; ends_at: Date | string | null }>;
  petitions: Array<{ id: number; slug: string; title: string; signature_count: number; goal: number; closes_at: Date | string | null }>;
  campaigns: Array<{ id: number; title: string; ends_on: string | null }>;
  wins: Array<{ kind: "campaign_won" | "demand_adopted"; id: number; title: string }>;
}

/** One short list with a link to the whole of it; says so plainly when it is empty. */
function ActivityList({ id, heading, empty, more, children }: { id: string; heading: string; empty: string; more: { to: string; text: string }; children: ReactNode[] }) {
  return (
    <section className="activity" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {children.length ? <ul className="activity__list">{children}</ul> : <p>{empty}</p>}
      <p className="activity__more">
        <Link to={more.to}>{more.text}</Link>
      </p>
    </section>
  );
}

const signatures = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "signature" : "signatures"}`;

/** What the coalition is doing now, for visitors: open votes, live petitions, running campaigns and recent wins. */
export function CoalitionNow({ votes, petitions, campaigns, wins }: CoalitionNowProps) {
  return (
    <section className="section" aria-labelledby="now-heading">
      <h2 id="now-heading">What the coalition is doing now</h2>
      <div className="activity-grid">
        <ActivityList id="now-votes" heading="Open votes" empty="No vote is open just now." more={{ to: "/demands?stage=voting", text: "All demands in a vote" }}>
          {votes.map((v) => (
            <li key={v.id}>
              <Link to={`/demands/${v.id}`}>{v.title}</Link>
              {v.ends_at ? <span className="activity__meta">Voting closes {formatWhen(v.ends_at)}</span> : null}
            </li>
          ))}
        </ActivityList>
        <ActivityList id="now-petitions" heading="Petitions to sign" empty="No petition is open just now." more={{ to: "/petitions", text: "All open petitions" }}>
          {petitions.map((p) => (
            <li key={p.id}>
              <Link to={`/petitions/${p.slug}`}>{p.title}</Link>
              <span className="activity__meta">
                {signatures(p.signature_count)} of {p.goal.toLocaleString("en-GB")}
                {p.closes_at ? `, until ${formatWhen(p.closes_at)}` : null}
              </span>
            </li>
          ))}
        </ActivityList>
        <ActivityList id="now-campaigns" heading="Campaigns running" empty="No campaign is running just now." more={{ to: "/campaigns?show=active", text: "All running campaigns" }}>
          {campaigns.map((c) => (
            <li key={c.id}>
              <Link to={`/campaigns/${c.id}`}>{c.title}</Link>
              {c.ends_on ? <span className="activity__meta">Runs until {formatCalendarDate(c.ends_on)}</span> : null}
            </li>
          ))}
        </ActivityList>
        <ActivityList id="now-wins" heading="Recent wins" empty="No wins yet: every campaign starts somewhere." more={{ to: "/campaigns?show=past", text: "All past campaigns" }}>
          {wins.map((w) => (
            <li key={`${w.kind}-${w.id}`}>
              <Link to={w.kind === "campaign_won" ? `/campaigns/${w.id}` : `/demands/${w.id}`}>{w.title}</Link>
              <span className="activity__meta">{w.kind === "campaign_won" ? "Campaign won" : "Demand adopted by members' vote"}</span>
            </li>
          ))}
        </ActivityList>
      </div>
    </section>
  );
}
