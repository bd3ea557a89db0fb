import { Link } from "@remix-run/react";
import { AskStatusBadge } from "~/components/ask-record";
import { RenderedMarkdown } from "~/components/demand-bits";
import { ASK_STATUS_MEANINGS } from "~/accountability/statuses";
import { formatCalendarDate } from "~/utils/london-time";
import type { PetitionAsks } from "./asks.server";

const Day = ({ day }: { day: string }) => <time dateTime={day}>{formatCalendarDate(day)}</time>;

/** "A", "A and B", "A, B and C". */
function names(list: string[]) {
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

/**
 * What the petition's signatures will bring, then what they brought: who will be asked at which
 * count, who is waiting to answer and since when, and their answers in their own words (each
 * linking to the full record on the campaign's page). Server-rendered, no script.
 */
export function PetitionAsksSection({ asks, campaignId }: { asks: PetitionAsks; campaignId: number }) {
  if (!asks.ahead.length && !asks.asks.length) return null;
  const responseAhead = asks.ahead.some((a) => a.kind === "response");
  return (
    <section className="petition-asks" aria-labelledby="asks-heading">
      <h2 id="asks-heading">What the signatures ask for</h2>
      {asks.ahead.length ? (
        <ul className="petition-asks__ahead">
          {asks.ahead.map((a) => (
            <li key={a.kind}>
              At {a.count.toLocaleString("en-GB")} signatures,{" "}
              {a.kind === "response" ? `${names(a.names)} will be asked for a response.` : `${responseAhead ? "they" : names(a.names)} will be asked to meet the campaign.`}
            </li>
          ))}
        </ul>
      ) : null}
      {asks.asks.map((a) => {
        const what = a.threshold === "meeting" ? "an answer to the request for a meeting" : "a response";
        if (a.status === "asked")
          return (
            <p key={a.id} className="petition-asks__waiting">
              Waiting for {what} from {a.targetName} since <Day day={a.askedOn} />.
            </p>
          );
        if (a.status === "no_response")
          return (
            <p key={a.id} className="petition-asks__waiting">
              {a.targetName} has not answered: asked for {a.threshold === "meeting" ? "a meeting" : "a response"} on <Day day={a.askedOn} />, no response by <Day day={a.statusOn} />.
            </p>
          );
        return (
          <article key={a.id} className="petition-asks__answer" aria-labelledby={`petition-ask-${a.id}`}>
            <div className="ask-record__top">
              <h3 id={`petition-ask-${a.id}`} className="ask-record__heading">
                {a.threshold === "meeting" ? `${a.targetName} on meeting the campaign` : `${a.targetName}'s response`}
              </h3>
              <AskStatusBadge status={a.status} />
            </div>
            <p className="ask-record__summary">
              {a.summary || ASK_STATUS_MEANINGS[a.status]} <span className="ask-record__date">(since <Day day={a.statusOn} />)</span>
            </p>
            {a.responses.map((r) => (
              <figure className="ask-response" key={r.id}>
                <blockquote className="ask-response__words">
                  <RenderedMarkdown html={r.html} />
                </blockquote>
                <figcaption className="ask-response__by">
                  {r.responder}, <Day day={r.receivedOn} />
                  {r.via === "link" ? " · in their own words, through Chorus" : " · published by the organisers"}
                </figcaption>
              </figure>
            ))}
            <p>
              <Link to={`/campaigns/${campaignId}#ask-${a.id}`}>
                The full record of this ask<span className="visually-hidden"> to {a.targetName}</span>, with its dated history
              </Link>
            </p>
          </article>
        );
      })}
    </section>
  );
}
