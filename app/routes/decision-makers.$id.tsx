import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ASK_STATUSES, REPLY_OUTCOMES } from "../../db/schema";
import { AskRecord } from "~/components/ask-record";
import { askViews } from "~/accountability/views.server";
import { describeAskCounts, type StatusCounts } from "~/accountability/tracker";
import { getDecisionMakerTallies, getPublicDecisionMaker } from "~/models/decision-maker.server";
import { listDecisionMakerAsks } from "~/models/tracker.server";
import { formatAreas, REPLY_OUTCOME_LABELS, TARGET_ROLE_LABELS } from "~/letters/rules";
import { db } from "~/utils/db.server";
import { parsePage, requireId } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data?.decisionMaker.name ?? "Decision maker");

export const headers: HeadersFunction = () => ({ "Cache-Control": "public, max-age=60" });

const ASKS_PAGE_SIZE = 20;

/**
 * A decision maker's public record: who they are, what they were asked and how they answered, and
 * how many letters reached them through Chorus (counts from the tallies, never the letters). Never
 * their email address.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireId(params.id);
  const page = parsePage(new URL(request.url).searchParams.get("page"), 500);
  const [target, tallies, rows] = await Promise.all([getPublicDecisionMaker(db, id), getDecisionMakerTallies(db, id), listDecisionMakerAsks(db, id, page, ASKS_PAGE_SIZE)]);
  if (!target) notFound();
  const counts: StatusCounts = Object.fromEntries(ASK_STATUSES.map((s) => [s, tallies.get(`ask_${s}`) ?? 0]));
  return {
    decisionMaker: {
      id: target.id,
      name: target.name,
      role: TARGET_ROLE_LABELS[target.role],
      body: target.body,
      areas: target.source === "directory" ? formatAreas(target) : "their constituency (found by postcode through UK Parliament)",
    },
    summary: describeAskCounts(counts),
    responses: tallies.get("responses") ?? 0,
    letters: tallies.get("letters_sent") ?? 0,
    replies: REPLY_OUTCOMES.map((o) => ({ outcome: o, label: REPLY_OUTCOME_LABELS[o], count: tallies.get(`reply_${o}`) ?? 0 })),
    asks: await askViews(db, rows.slice(0, ASKS_PAGE_SIZE)),
    hasMore: rows.length > ASKS_PAGE_SIZE,
    page,
  };
}

export default function DecisionMakerPage() {
  const { decisionMaker, summary, responses, letters, replies, asks, hasMore, page } = useLoaderData<typeof loader>();
  const reported = replies.reduce((sum, r) => sum + r.count, 0);
  return (
    <>
      <div className="page-heading">
        <p className="small">
          <Link to="/decision-makers">Decision makers</Link>
        </p>
        <h1>{decisionMaker.name}</h1>
        <p className="lead">
          {decisionMaker.role}
          {decisionMaker.body ? `, ${decisionMaker.body}` : ""}
        </p>
      </div>
      <dl className="summary-list">
          <dt>Areas covered</dt>
          <dd>{decisionMaker.areas}</dd>
          <dt>Asks</dt>
          <dd>
            {summary}
            {responses ? ` (${countOf(responses, "response")} published)` : ""}
          </dd>
          <dt>Letters through Chorus</dt>
          <dd>
            {countOf(letters, "letter")} from supporters sent to them
            {reported ? `; ${countOf(reported, "writer")} told us whether they got a reply` : ""}
          </dd>
      </dl>

      {reported ? (
        <section aria-labelledby="replies-heading">
          <h2 id="replies-heading">Replies writers reported</h2>
          <p>We ask each writer two weeks after their letter is sent. We publish only these counts, never the letters.</p>
          <ul className="figures">
            {replies.map((r) => (
              <li key={r.outcome}>
                <span className="figures__number">{r.count.toLocaleString("en-GB")}</span> {r.label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="asks-heading">
        <h2 id="asks-heading">What they were asked</h2>
        {asks.length === 0 ? <p>{page > 1 ? "No more asks." : "Nothing yet."}</p> : null}
        <ul className="ask-list">
          {asks.map((ask) => (
            <li key={ask.id}>
              <AskRecord ask={ask} context="decision-maker" />
            </li>
          ))}
        </ul>
        <nav className="pagination" aria-label="Pages of asks">
          {page > 1 ? <Link to={page === 2 ? "?" : `?page=${page - 1}`}>Newer asks</Link> : null}
          {hasMore ? <Link to={`?page=${page + 1}`}>Older asks</Link> : null}
        </nav>
      </section>
    </>
  );
}
