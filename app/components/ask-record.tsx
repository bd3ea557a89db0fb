import { Link } from "@remix-run/react";
import type { AskStatus } from "../../db/schema";
import { ASK_CHANNEL_LABELS, ASK_STATUS_LABELS, ASK_STATUS_MEANINGS } from "~/accountability/statuses";
import type { AskView } from "~/accountability/ask-view";
import { TARGET_ROLE_LABELS } from "~/letters/rules";
import { formatCalendarDate } from "~/utils/london-time";
import { RenderedMarkdown } from "./demand-bits";

/** An ask's status as a badge: its words carry the meaning, the colour only repeats it. */
export function AskStatusBadge({ status }: { status: AskStatus }) {
  return <span className={`ask-status ask-status--${status}`}>{ASK_STATUS_LABELS[status]}</span>;
}

const SOURCE_WORDS = { organiser: "recorded by the organisers", decision_maker: "in their own response", automatic: "recorded automatically" } as const;

const Day = ({ day }: { day: string }) => <time dateTime={day}>{formatCalendarDate(day)}</time>;

/**
 * One ask as the public and organisers see it: who was asked, what and when, where it stands in
 * plain words, their responses in their own words (sanitised Markdown) and the dated history,
 * which only ever grows. `context` says what the surrounding page already names: on a decision
 * maker's page the ask names its campaign; on a campaign's, its decision maker; on the tracker, both.
 */
export function AskRecord({ ask, context, headingLevel = 3, manageHref }: { ask: AskView; context: "campaign" | "decision-maker" | "both"; headingLevel?: 3 | 4; manageHref?: string }) {
  const Heading = `h${headingLevel}` as "h3" | "h4";
  const who = (
    <>
      <Link to={`/decision-makers/${ask.target.id}`}>{ask.target.name}</Link>
      <span className="ask-record__role">
        {" "}
        · {TARGET_ROLE_LABELS[ask.target.role]}
        {ask.target.body ? `, ${ask.target.body}` : ""}
      </span>
    </>
  );
  const campaign = <Link to={`/campaigns/${ask.campaign.id}`}>{ask.campaign.title}</Link>;
  return (
    <article className={`ask-record ask-record--${ask.status}`} id={`ask-${ask.id}`} aria-labelledby={`ask-${ask.id}-heading`}>
      <div className="ask-record__top">
        <Heading className="ask-record__heading" id={`ask-${ask.id}-heading`}>
          {context === "decision-maker" ? campaign : who}
        </Heading>
        <AskStatusBadge status={ask.status} />
      </div>
      {context === "both" ? <p className="ask-record__context">Campaign: {campaign}</p> : null}
      <p className="ask-record__summary">
        {ask.summary || ASK_STATUS_MEANINGS[ask.status]} <span className="ask-record__date">(since <Day day={ask.statusOn} />)</span>
      </p>
      <p className="ask-record__meta">
        Asked on <Day day={ask.askedOn} /> · {ASK_CHANNEL_LABELS[ask.channel]}
        {ask.threshold ? (ask.threshold === "meeting" ? ", when the petition passed its meeting threshold" : ", when the petition passed its response threshold") : ""}
        {ask.petition ? (
          <>
            {" · "}
            <Link to={`/petitions/${ask.petition.slug}`}>{ask.petition.title}</Link>
          </>
        ) : null}
        {ask.letterCampaign ? (
          <>
            {" · "}
            <Link to={`/letters/${ask.letterCampaign.slug}`}>{ask.letterCampaign.title}</Link>
          </>
        ) : null}
        {ask.link && !ask.petition ? (
          <>
            {" · "}
            <a href={ask.link} rel="noopener noreferrer nofollow">
              Source<span className="visually-hidden"> for the ask to {ask.target.name}</span>
            </a>
          </>
        ) : null}
      </p>
      <details className="ask-record__request">
        <summary>What was asked</summary>
        {ask.request.split(/\n{2,}/).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </details>
      {ask.responses.map((r) => (
        <figure className="ask-response" key={r.id} id={`response-${r.id}`}>
          <blockquote className="ask-response__words">
            <RenderedMarkdown html={r.html} />
          </blockquote>
          <figcaption className="ask-response__by">
            {r.responder}, <Day day={r.receivedOn} />
            {r.via === "link" ? " · in their own words, through Chorus" : ` · ${r.source ? `received by ${r.source}, ` : ""}published by the organisers`}
          </figcaption>
        </figure>
      ))}
      {ask.history.length > 1 ? (
        <details className="ask-record__history">
          <summary>History ({ask.history.length} dated steps)</summary>
          <ol className="ask-history">
            {ask.history.map((h) => (
              <li key={h.id}>
                <Day day={h.happenedOn} /> · <strong>{ASK_STATUS_LABELS[h.status]}</strong>
                {h.summary ? `: ${h.summary}` : ""} <span className="ask-history__source">({SOURCE_WORDS[h.source]})</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {manageHref ? (
        <p className="ask-record__manage">
          <Link to={manageHref}>
            Update this ask<span className="visually-hidden"> to {ask.target.name}</span>
          </Link>
        </p>
      ) : null}
    </article>
  );
}
