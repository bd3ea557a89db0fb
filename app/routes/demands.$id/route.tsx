import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProposedAt } from "~/components/proposed-at";
import { proposedAtLines } from "~/services/event.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { DemandOutcome } from "../../../db/schema";
import { CommentForm, CommentThreads, openCommentForm } from "~/components/comments";
import { RenderedMarkdown, StageTag } from "~/components/demand-bits";
import { VerifiedBadge } from "~/components/organisation-badge";
import { ErrorSummary } from "~/components/error-summary";
import { listAmendments } from "~/models/amendment.server";
import { getDemandEvidence } from "~/models/source.server";
import { citedNumbers, EVIDENCE_ON_DEMAND_PAGE, gathersEvidence } from "~/demands/evidence";
import { Evidence } from "./evidence";
import { StoriesSection } from "~/components/story-list";
import { newestDemandStories } from "~/stories/reader.server";
import { getCampaignForDemand } from "~/models/campaign.server";
import { listLatestCampaignAsks } from "~/models/tracker.server";
import { askViews } from "~/accountability/views.server";
import { CampaignAsks } from "./campaign-asks";
import { listCommentsReportedBy, listCommentThreads } from "~/models/comment.server";
import { isFollowing, listDemandAuthors, listDemandEvents, listEndorsements } from "~/models/demand.server";
import { getOrganisation, listMemberOrganisations } from "~/models/organisation.server";
import { getMemberVote, liveTally, listPublicReasons } from "~/models/vote.server";
import { getCurrentMember, requireMember } from "~/members/session.server";
import { COMMENT_INTENTS, handleCommentIntent } from "~/demands/comment-intents.server";
import { endorseIntent, followIntent, voteIntent } from "./intents.server";
import { Outcome } from "./outcome";
import { Endorsements } from "./endorsements";
import { VotePanel } from "./vote-panel";
import { db } from "~/utils/db.server";
import { DECISION_RULE_TEXT } from "~/demands/decision";
import { loadDemand } from "~/demands/access.server";
import { DECISION_RULE_LABELS, formatWhen, nextStep, STAGE_LABELS, TOPIC_LABELS } from "~/demands/labels";
import { valueOf } from "~/utils/forms";
import { renderMarkdown } from "~/utils/markdown.server";
import { can, canOnDemand, canStartCampaign } from "~/members/permissions";
import { badRequest } from "~/utils/responses.server";
import { parseId, parsePage } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data?.demand.title ?? "Demand");


const DEMAND_ASKS_SHOWN = 3;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  const url = new URL(request.url);
  const order = url.searchParams.get("comments") === "oldest" ? "oldest" : "activity";
  const commentPage = parsePage(url.searchParams.get("page"));
  const closed = demand.outcome !== null;
  const showLiveTally = demand.stage === "voting" && demand.live_results;
  const [authors, organisation, endorsements, events, amendments, threads, myVote, following, tally, reasons, myOrganisations, evidence, stories, proposedAt] = await Promise.all([
    listDemandAuthors(db, demand.id),
    demand.organisation_id ? getOrganisation(db, demand.organisation_id) : undefined,
    listEndorsements(db, demand.id),
    listDemandEvents(db, demand.id),
    listAmendments(db, demand.id),
    listCommentThreads(db, { demandId: demand.id, order, page: commentPage }),
    member ? getMemberVote(db, demand.id, member.id) : undefined,
    member ? isFollowing(db, demand.id, member.id) : false,
    showLiveTally ? liveTally(db, demand.id) : null,
    closed ? listPublicReasons(db, demand.id) : [],
    member ? listMemberOrganisations(db, member.id) : [],
    // One bounded query: the sources the text cites and the first few, with the counts.
    getDemandEvidence(db, demand.id, { cited: citedNumbers(demand.body), first: EVIDENCE_ON_DEMAND_PAGE }),
    // One bounded query: the newest few stories this reader may read, without those they hide.
    newestDemandStories(request, member, demand.id),
    // One bounded query: the gatherings whose notes link this demand or its amendments.
    demand.stage !== "draft" ? proposedAtLines(db, { demandId: demand.id }) : [],
  ]);
  const endorsedIds = new Set(endorsements.map((e) => e.id));
  const campaign = ["campaigning", "won", "closed"].includes(demand.stage) ? await getCampaignForDemand(db, demand.id) : undefined;
  // A hot page: one bounded query for the campaign's newest asks, then askViews' two for the whole handful.
  const askRows = campaign ? await listLatestCampaignAsks(db, campaign.id, DEMAND_ASKS_SHOWN + 1) : [];
  return {
    demand: {
      id: demand.id,
      title: demand.title,
      summary: demand.summary,
      stage: demand.stage,
      topics: demand.topics,
      easyRead: demand.easy_read,
      html: renderMarkdown(demand.body, { headingLevel: 3, citations: new Map(evidence.sources.map((source) => [source.number!, source.title])) }),
      currentRevision: demand.current_revision,
      consultationEndsAt: demand.consultation_ends_at,
      votingEndsAt: demand.voting_ends_at,
      decisionRule: demand.decision_rule,
      quorum: demand.quorum,
      liveResults: demand.live_results,
      outcome: demand.outcome as DemandOutcome | null,
      nextStep: nextStep(demand),
    },
    // Who wrote it: the names they show now ("Former member" once an account is deleted).
    authors: authors.map((a) => (a.deleted_at ? "Former member" : a.display_name)),
    organisation: organisation ? { name: organisation.name, slug: organisation.slug, status: organisation.status } : null,
    endorsements,
    evidence: { sources: evidence.sources, accepted: evidence.accepted, suggested: context.isAuthor ? evidence.suggested : 0, gathering: gathersEvidence(demand.stage), viewerIsAuthor: context.isAuthor },
    stories,
    proposedAt,
    events,
    amendments,
    threads,
    reportedIds: member ? await listCommentsReportedBy(db, member.id, [...threads.roots, ...threads.replies].map((c) => c.id)) : [],
    commentOrder: order,
    commentPage,
    myVote: myVote ?? null,
    following,
    tally,
    reasons,
    now: Date.now(),
    openForm: openCommentForm(new URL(request.url)),
    confirmWithdrawal: parseId(url.searchParams.get("withdraw-endorsement")),
    viewerId: member?.id ?? null,
    can: {
      edit: canOnDemand(member, "demand.edit", context),
      manage: canOnDemand(member, "demand.openConsultation", context) || canOnDemand(member, "demand.openVoting", context) || canOnDemand(member, "demand.withdraw", context),
      vote: canOnDemand(member, "demand.vote", context),
      comment: canOnDemand(member, "demand.comment", context),
      amend: canOnDemand(member, "demand.amend", context),
      follow: canOnDemand(member, "demand.follow", context),
      suggestSource: Boolean(member) && gathersEvidence(demand.stage),
    },
    endorsableOrganisations:
      demand.stage === "draft" || demand.stage === "withdrawn"
        ? []
        : myOrganisations.filter((o) => can(member, "organisation.endorse", { membership: o.role, verified: o.status === "verified" })).map((o) => ({ id: o.id, name: o.name, endorsed: endorsedIds.has(o.id) })),
    signedIn: Boolean(member),
    campaign: campaign ? { id: campaign.id, title: campaign.title } : null,
    asks: await askViews(db, askRows.slice(0, DEMAND_ASKS_SHOWN), { history: false }),
    moreAsks: askRows.length > DEMAND_ASKS_SHOWN,
    canStartCampaign: canStartCampaign(member, context),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const back = `/demands/${demand.id}`;
  const args = { request, member, demand, context, formData, back };
  if (COMMENT_INTENTS.has(intent)) return handleCommentIntent(request, member, { demandId: demand.id, amendmentId: null, context, back }, formData);
  if (intent === "vote") return voteIntent(args);
  if (intent === "follow" || intent === "unfollow") return followIntent(args, intent === "follow");
  if (intent === "endorse" || intent === "withdraw-endorsement") return endorseIntent(args, intent === "withdraw-endorsement");
  badRequest();
}

/** The log also records co-authors joining (the stage stays as it was). */
const isAuthorJoined = (detail: unknown) => typeof detail === "object" && detail !== null && (detail as { kind?: unknown }).kind === "author_joined";

const AUTHOR_LIST = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

export default function DemandPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { demand } = data;
  const errors = result?.errors as Record<string, string> | undefined;
  const intent = valueOf(result?.values, "intent");
  return (
    <>
      <ErrorSummary errors={errors} />
      <div className="page-heading">
        <StageTag stage={demand.stage} />
        <h1>{demand.title}</h1>
        <p className="lead">{demand.summary}</p>
        <p className="byline">
          Written by {AUTHOR_LIST.format(data.authors)}
          {data.organisation ? (
            <>
              {" "}
              on behalf of <Link to={`/organisations/${data.organisation.slug}`}>{data.organisation.name}</Link> <VerifiedBadge status={data.organisation.status} />
            </>
          ) : null}
        </p>
        <p className="small muted">
          {demand.topics.map((t) => TOPIC_LABELS[t]).join(", ")} · Revision {demand.currentRevision} · <Link to={`/demands/${demand.id}/history`}>History</Link>
        </p>
        <ul className="jump-links" aria-label="On this page">
          {demand.stage === "voting" ? (
            <li>
              <a href="#vote">{data.myVote ? "Your vote" : data.can.vote ? "Go to the vote" : "How the vote works"}</a>
            </li>
          ) : null}
          {demand.outcome ? (
            <li>
              <a href="#result">See the result</a>
            </li>
          ) : null}
          <li>
            <a href="#text-heading">Read the full text</a>
          </li>
          {data.evidence.accepted ? (
            <li>
              <a href="#evidence-heading">See the evidence</a>
            </li>
          ) : null}
          {data.stories.length ? (
            <li>
              <a href="#stories-heading">Read people&apos;s stories</a>
            </li>
          ) : null}
          <li>
            <a href="#comments-heading">Go to the discussion</a>
          </li>
        </ul>
      </div>
      <div className="demand-layout">
        <div>
          <section className="card stage-box" aria-labelledby="stage-heading">
            <h2 id="stage-heading">Where this is: {STAGE_LABELS[demand.stage]}</h2>
            <p>{demand.nextStep}</p>
            {demand.decisionRule ? (
              <p>
                <strong>Decision rule: {DECISION_RULE_LABELS[demand.decisionRule]}.</strong> {DECISION_RULE_TEXT[demand.decisionRule]}
                {demand.quorum ? ` At least ${demand.quorum} members must vote (quorum).` : " No quorum."}{" "}
                {demand.liveResults ? "Totals are shown while voting is open." : "Totals stay hidden until voting closes."}
              </p>
            ) : null}
            <div className="button-row">
              {data.can.edit ? (
                <Link to={`/demands/${demand.id}/edit`} className="button button--secondary">
                  Edit the text
                </Link>
              ) : null}
              {data.can.manage ? (
                <Link to={`/demands/${demand.id}/process`} className="button button--secondary">
                  Run the process
                </Link>
              ) : null}
              {data.canStartCampaign ? (
                <Link to={`/campaigns/new?demand=${demand.id}`} className="button">
                  Start a campaign
                </Link>
              ) : null}
              {data.campaign ? (
                <Link to={`/campaigns/${data.campaign.id}`} className="button">
                  Go to the campaign
                </Link>
              ) : null}
              {data.can.follow ? (
                <Form method="post">
                  <button type="submit" name="intent" value={data.following ? "unfollow" : "follow"} className="button button--secondary">
                    {data.following ? "Stop following" : "Follow"}
                  </button>
                </Form>
              ) : null}
            </div>
          </section>

          {/* The easy read comes first so everyone can understand what they are voting on; then the vote and the
              result, before the full text and the discussion (on a phone the aside comes last). */}
          <section aria-labelledby="easy-read-heading">
            <h2 id="easy-read-heading">Easy read</h2>
            {demand.easyRead ? <p className="easy-read">{demand.easyRead}</p> : <p className="muted">No easy-read summary yet.</p>}
          </section>

          {demand.stage === "voting" ? <VotePanel data={data} errors={intent === "vote" ? errors : undefined} /> : null}
          {demand.outcome ? <Outcome outcome={demand.outcome} reasons={data.reasons} /> : null}
          {data.campaign && data.asks.length ? <CampaignAsks campaign={data.campaign} demandId={demand.id} asks={data.asks} more={data.moreAsks} /> : null}

          <section aria-labelledby="text-heading">
            <h2 id="text-heading">The full text</h2>
            <RenderedMarkdown html={demand.html} />
          </section>

          <Evidence demandId={demand.id} evidence={data.evidence} canSuggest={data.can.suggestSource} signedIn={data.signedIn} />

          <ProposedAt lines={data.proposedAt} />
          {demand.stage !== "draft" ? <StoriesSection demandId={demand.id} stories={data.stories} signedIn={data.signedIn} /> : null}

          <section aria-labelledby="amendments-heading">
            <h2 id="amendments-heading">Amendments</h2>
            {data.amendments.length === 0 ? <p>No amendments yet.</p> : null}
            <ul>
              {data.amendments.map((a) => (
                <li key={a.id}>
                  <Link to={`/demands/${demand.id}/amendments/${a.id}`}>
                    Amendment {a.id} {a.paragraph_index === null ? "to the whole text" : `to paragraph ${a.paragraph_index + 1}`}
                  </Link>{" "}
                  by {a.author_name ?? "Former member"}: {a.status}, {countOf(a.support_count, "supporter")}
                </li>
              ))}
            </ul>
            {data.can.amend ? (
              <Link to={`/demands/${demand.id}/amendments/new`} className="button button--secondary">
                Propose an amendment
              </Link>
            ) : null}
          </section>

          <section aria-labelledby="comments-heading">
            <h2 id="comments-heading">Discussion</h2>
            <p className="small">
              Order:{" "}
              {data.commentOrder === "activity" ? (
                <>
                  <strong>newest activity first</strong> · <Link to="?comments=oldest#comments-heading">oldest first</Link>
                </>
              ) : (
                <>
                  <Link to="?comments=activity#comments-heading">newest activity first</Link> · <strong>oldest first</strong>
                </>
              )}
            </p>
            {data.can.comment ? (
              <CommentForm intent="comment" label="Add to the discussion" submit="Post comment" errors={intent === "comment" && !valueOf(result?.values, "parentId") ? errors : undefined} />
            ) : !data.signedIn ? (
              <p>
                <Link to={`/sign-in?redirectTo=/demands/${demand.id}`}>Sign in</Link> to join the discussion.
              </p>
            ) : null}
            <CommentThreads
              roots={data.threads.roots}
              replies={data.threads.replies}
              viewerId={data.viewerId}
              canComment={data.can.comment}
              now={data.now}
              open={data.openForm}
              reportedIds={data.reportedIds}
              reportResult={intent === "report" ? { errors, values: result?.values } : undefined}
            />
            <nav className="pagination" aria-label="Pages of the discussion">
              {data.commentPage > 1 ? <Link to={`?comments=${data.commentOrder}&page=${data.commentPage - 1}#comments-heading`}>Previous comments</Link> : null}
              {data.threads.hasMore ? <Link to={`?comments=${data.commentOrder}&page=${data.commentPage + 1}#comments-heading`}>More comments</Link> : null}
            </nav>
          </section>

          <section aria-labelledby="log-heading">
            <h2 id="log-heading">Decision log</h2>
            <ol>
              {data.events.map((e) =>
                isAuthorJoined(e.detail) ? (
                  <li key={e.id}>
                    {formatWhen(e.created_at)}: {e.actor_name ?? "A former member"} joined as a co-author.
                  </li>
                ) : (
                  <li key={e.id}>
                    {formatWhen(e.created_at)}: {e.from_stage ? `${STAGE_LABELS[e.from_stage]} → ` : ""}
                    {STAGE_LABELS[e.to_stage]}
                    {e.actor_name ? ` by ${e.actor_name}` : e.from_stage ? " (automatically)" : ""}. {e.reason}
                  </li>
                ),
              )}
            </ol>
          </section>
        </div>

        <Endorsements
          endorsements={data.endorsements}
          endorsable={data.endorsableOrganisations}
          confirmWithdrawal={data.confirmWithdrawal}
          statementError={intent === "endorse" ? errors?.statement : undefined}
        />
      </div>
    </>
  );
}
