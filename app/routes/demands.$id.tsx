import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { DemandOutcome, VoteChoice } from "../../db/schema";
import { CommentForm, CommentThreads, openCommentForm } from "~/components/comments";
import { RenderedMarkdown, StageTag } from "~/components/demand-bits";
import { ConfirmPanel } from "~/components/confirm";
import { ErrorSummary } from "~/components/error-summary";
import { FieldError, TextArea } from "~/components/form-field";
import { VerifiedBadge } from "~/components/organisation-badge";
import { TableFrame } from "~/components/table-frame";
import { CHOICE_LABELS, VoteTotals } from "~/components/vote-results";
import { listAmendments } from "~/models/amendment.server";
import { getCampaignForDemand } from "~/models/campaign.server";
import { listCommentThreads } from "~/models/comment.server";
import { followDemand, isFollowing, listDemandAuthors, listDemandEvents, listEndorsements, unfollowDemand, withdrawEndorsement } from "~/models/demand.server";
import { listMemberOrganisations } from "~/models/organisation.server";
import { getMemberVote, liveTally, listPublicReasons } from "~/models/vote.server";
import { castVote, endorseDemand } from "~/services/demand.server";
import { getCurrentMember, requireMember } from "~/members/session.server";
import { COMMENT_INTENTS, handleCommentIntent } from "~/demands/comment-intents.server";
import { db } from "~/utils/db.server";
import { DECISION_RULE_TEXT } from "~/demands/decision";
import { loadDemand } from "~/demands/access.server";
import { DECISION_RULE_LABELS, formatWhen, nextStep, STAGE_LABELS, TOPIC_LABELS } from "~/demands/labels";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf } from "~/utils/forms";
import { renderMarkdown } from "~/utils/markdown.server";
import { can, canOnDemand, canStartCampaign } from "~/members/permissions";
import { PERSPECTIVE_LABELS } from "~/members/perspectives";
import { badRequest, forbidden, invalid } from "~/utils/responses.server";
import { IdField, parseId, parsePage } from "~/utils/ids";
import { multiline } from "~/utils/fields";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.demand.title ?? "Demand"} – Chorus` }];


export const VoteSchema = z.object({
  choice: z.enum(["support", "oppose", "abstain"], { error: "Choose support, oppose or abstain" }),
  reason: multiline(z
    .string()
    .trim()
    .max(1000, { error: "Your reason must be 1,000 characters or fewer" })
    .optional()
    .transform((v) => (v ? v : null))),
  reasonPublic: z
    .literal("yes")
    .optional()
    .transform((v) => v === "yes"),
});
const EndorseSchema = z.object({
  organisationId: IdField,
  statement: multiline(z.string({ error: "Write a short statement" }).trim().min(10, { error: "Write a short statement (10 characters or more)" }).max(1000, { error: "The statement must be 1,000 characters or fewer" })),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  const url = new URL(request.url);
  const order = url.searchParams.get("comments") === "oldest" ? "oldest" : "activity";
  const commentPage = parsePage(url.searchParams.get("page"));
  const closed = demand.outcome !== null;
  const showLiveTally = demand.stage === "voting" && demand.live_results;
  const [authors, endorsements, events, amendments, threads, myVote, following, tally, reasons, myOrganisations] = await Promise.all([
    listDemandAuthors(db, demand.id),
    listEndorsements(db, demand.id),
    listDemandEvents(db, demand.id),
    listAmendments(db, demand.id),
    listCommentThreads(db, { demandId: demand.id, order, page: commentPage }),
    member ? getMemberVote(db, demand.id, member.id) : undefined,
    member ? isFollowing(db, demand.id, member.id) : false,
    showLiveTally ? liveTally(db, demand.id) : null,
    closed ? listPublicReasons(db, demand.id) : [],
    member ? listMemberOrganisations(db, member.id) : [],
  ]);
  const endorsedIds = new Set(endorsements.map((e) => e.id));
  const campaign = ["campaigning", "won", "closed"].includes(demand.stage) ? await getCampaignForDemand(db, demand.id) : undefined;
  return {
    demand: {
      id: demand.id,
      title: demand.title,
      summary: demand.summary,
      stage: demand.stage,
      topics: demand.topics,
      easyRead: demand.easy_read,
      html: renderMarkdown(demand.body),
      currentRevision: demand.current_revision,
      consultationEndsAt: demand.consultation_ends_at,
      votingEndsAt: demand.voting_ends_at,
      decisionRule: demand.decision_rule,
      quorum: demand.quorum,
      liveResults: demand.live_results,
      outcome: demand.outcome as DemandOutcome | null,
      nextStep: nextStep(demand),
    },
    authors,
    endorsements,
    events,
    amendments,
    threads,
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
    },
    endorsableOrganisations:
      demand.stage === "draft" || demand.stage === "withdrawn"
        ? []
        : myOrganisations.filter((o) => can(member, "organisation.endorse", { membership: o.role, verified: o.status === "verified" })).map((o) => ({ id: o.id, name: o.name, endorsed: endorsedIds.has(o.id) })),
    signedIn: Boolean(member),
    campaign: campaign ? { id: campaign.id, title: campaign.title } : null,
    canStartCampaign: canStartCampaign(member, context),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const back = `/demands/${demand.id}`;

  if (COMMENT_INTENTS.has(intent)) return handleCommentIntent(request, member, { demandId: demand.id, amendmentId: null, context, back }, formData);

  if (intent === "vote") {
    if (!canOnDemand(member, "demand.vote", context)) return invalid({ form: "Voting is not open for this demand." });
    const parsed = parseForm(VoteSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const result = await castVote(db, demand.id, member.id, parsed.data);
    if (!result.ok) return invalid({ form: "Voting has closed, so your vote was not recorded." });
    return redirectWithFlash(request, `${back}#vote`, { kind: "success", message: `Your vote is recorded: ${CHOICE_LABELS[parsed.data.choice].toLowerCase()}. You can change it until voting closes.` });
  }
  if (intent === "follow" || intent === "unfollow") {
    if (!canOnDemand(member, "demand.follow", context)) forbidden();
    if (intent === "follow") await followDemand(db, demand.id, member.id);
    else await unfollowDemand(db, demand.id, member.id);
    return redirectWithFlash(request, back, { kind: "success", message: intent === "follow" ? "You are following this demand." : "You no longer follow this demand." });
  }
  if (intent === "endorse" || intent === "withdraw-endorsement") {
    const organisationId = parseId(formData.get("organisationId"));
    const mine = (await listMemberOrganisations(db, member.id)).find((o) => o.id === organisationId);
    if (organisationId === null || !mine || !can(member, "organisation.endorse", { membership: mine.role, verified: mine.status === "verified" }) || demand.stage === "draft" || demand.stage === "withdrawn") {
      forbidden();
    }
    if (intent === "withdraw-endorsement") {
      await withdrawEndorsement(db, demand.id, organisationId);
      return redirectWithFlash(request, back, { kind: "success", message: `${mine.name} no longer endorses this demand.` });
    }
    const parsed = parseForm(EndorseSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    await endorseDemand(db, demand.id, organisationId, parsed.data.statement, member.id);
    return redirectWithFlash(request, back, { kind: "success", message: `${mine.name} now endorses this demand.` });
  }
  badRequest();
}

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
        <p className="small muted">
          {demand.topics.map((t) => TOPIC_LABELS[t]).join(", ")} · By {data.authors.map((a) => a.display_name).join(", ")} · Revision {demand.currentRevision} ·{" "}
          <Link to={`/demands/${demand.id}/history`}>History</Link>
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

          {/* The vote and the result come before the text and the discussion: on a phone the aside comes last. */}
          {demand.stage === "voting" ? <VotePanel data={data} errors={intent === "vote" ? errors : undefined} /> : null}
          {demand.outcome ? <Outcome outcome={demand.outcome} reasons={data.reasons} /> : null}

          <section aria-labelledby="easy-read-heading">
            <h2 id="easy-read-heading">Easy read</h2>
            {demand.easyRead ? <p className="easy-read">{demand.easyRead}</p> : <p className="muted">No easy-read summary yet.</p>}
          </section>

          <section aria-labelledby="text-heading">
            <h2 id="text-heading">The full text</h2>
            <RenderedMarkdown html={demand.html} />
          </section>

          <section aria-labelledby="amendments-heading">
            <h2 id="amendments-heading">Amendments</h2>
            {data.amendments.length === 0 ? <p>No amendments yet.</p> : null}
            <ul>
              {data.amendments.map((a) => (
                <li key={a.id}>
                  <Link to={`/demands/${demand.id}/amendments/${a.id}`}>
                    Amendment {a.id} {a.paragraph_index === null ? "to the whole text" : `to paragraph ${a.paragraph_index + 1}`}
                  </Link>{" "}
                  by {a.author_name ?? "Former member"}: {a.status}, {a.support_count} {a.support_count === 1 ? "supporter" : "supporters"}
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
            <CommentThreads roots={data.threads.roots} replies={data.threads.replies} viewerId={data.viewerId} canComment={data.can.comment} now={data.now} open={data.openForm} />
            <nav className="pagination" aria-label="Pages of the discussion">
              {data.commentPage > 1 ? <Link to={`?comments=${data.commentOrder}&page=${data.commentPage - 1}#comments-heading`}>Previous comments</Link> : null}
              {data.threads.hasMore ? <Link to={`?comments=${data.commentOrder}&page=${data.commentPage + 1}#comments-heading`}>More comments</Link> : null}
            </nav>
          </section>

          <section aria-labelledby="log-heading">
            <h2 id="log-heading">Decision log</h2>
            <ol>
              {data.events.map((e) => (
                <li key={e.id}>
                  {formatWhen(e.created_at)}: {e.from_stage ? `${STAGE_LABELS[e.from_stage]} → ` : ""}
                  {STAGE_LABELS[e.to_stage]}
                  {e.actor_name ? ` by ${e.actor_name}` : e.from_stage ? " (automatically)" : ""}. {e.reason}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside className="demand-aside" aria-label="Endorsements">
          <section className="card" aria-labelledby="endorsements-heading">
            <h2 id="endorsements-heading">Endorsed by</h2>
            {data.endorsements.length === 0 ? <p>No organisation has endorsed this yet.</p> : null}
            <ul>
              {data.endorsements.map((e) => (
                <li key={e.id}>
                  <Link to={`/organisations/${e.slug}`}>{e.name}</Link> <VerifiedBadge status={e.status} />
                  <p className="small">&ldquo;{e.statement}&rdquo;</p>
                </li>
              ))}
            </ul>
            <p className="small muted">Endorsements are separate from members&apos; votes and never counted as votes.</p>
            {data.endorsableOrganisations.map((o) =>
              o.endorsed ? (
                data.confirmWithdrawal === o.id ? (
                  <ConfirmPanel
                    key={o.id}
                    heading={`Withdraw ${o.name}'s endorsement?`}
                    confirm="Yes, withdraw the endorsement"
                    cancelTo="#endorsements-heading"
                    fields={{ intent: "withdraw-endorsement", organisationId: o.id }}
                    headingLevel={3}
                  >
                    <p>{o.name} will no longer be listed as endorsing this demand, and its statement will be removed. It can endorse again later.</p>
                  </ConfirmPanel>
                ) : (
                  <p key={o.id}>
                    <Link to={`?withdraw-endorsement=${o.id}#endorsements-heading`}>Withdraw {o.name}&apos;s endorsement</Link>
                  </p>
                )
              ) : (
                <details key={o.id}>
                  <summary>Endorse on behalf of {o.name}</summary>
                  <Form method="post" noValidate>
                    <input type="hidden" name="organisationId" value={o.id} />
                    <TextArea name="statement" label={`${o.name}'s statement`} hint="At least 10 characters." limit={1000} rows={3} error={intent === "endorse" ? errors?.statement : undefined} />
                    <button type="submit" name="intent" value="endorse" className="button">
                      Endorse
                    </button>
                  </Form>
                </details>
              ),
            )}
          </section>
        </aside>
      </div>
    </>
  );
}

function VotePanel({ data, errors }: { data: ReturnType<typeof useLoaderData<typeof loader>>; errors?: Record<string, string> }) {
  const { demand, myVote } = data;
  return (
    <section className="card" id="vote" aria-labelledby="vote-heading">
      <h2 id="vote-heading">Vote</h2>
      <p>Voting closes {formatWhen(demand.votingEndsAt)}. Your ballot is secret: only totals are published.</p>
      {myVote ? (
        <p>
          <strong>Your vote: {CHOICE_LABELS[myVote.choice]}.</strong> You can change it until voting closes.
        </p>
      ) : null}
      {data.can.vote ? (
        <Form method="post" noValidate>
          <div className={errors?.choice ? "field field--error" : "field"}>
            <fieldset className="fieldset" aria-describedby={errors?.choice ? "field-choice-error" : undefined}>
              <legend className="fieldset__legend">{myVote ? "Change your vote" : "Your vote"}</legend>
              <FieldError id="field-choice-error" message={errors?.choice} />
              <div className="choices">
                {(Object.keys(CHOICE_LABELS) as VoteChoice[]).map((c, i) => (
                  <div className="choice" key={c}>
                    <input className="choice__input" type="radio" name="choice" value={c} id={i === 0 ? "field-choice" : `field-choice-${i}`} defaultChecked={myVote?.choice === c} />
                    <label className="choice__label" htmlFor={i === 0 ? "field-choice" : `field-choice-${i}`}>
                      {CHOICE_LABELS[c]}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <TextArea name="reason" label="Your reason (optional)" limit={1000} rows={3} defaultValue={myVote?.reason ?? ""} error={errors?.reason} />
          <div className="choice field">
            <input className="choice__input" type="checkbox" id="field-reasonPublic" name="reasonPublic" value="yes" defaultChecked={myVote?.reason_public ?? false} />
            <label className="choice__label" htmlFor="field-reasonPublic">
              Publish my reason after the vote, without my name
            </label>
          </div>
          <button type="submit" name="intent" value="vote" className="button">
            {myVote ? "Change my vote" : "Cast my vote"}
          </button>
        </Form>
      ) : !data.signedIn ? (
        <p>
          <Link to={`/sign-in?redirectTo=/demands/${demand.id}`}>Sign in</Link> to vote.
        </p>
      ) : null}
      {data.tally ? <VoteTotals totals={data.tally} caption="Totals so far (they can change until voting closes)" /> : null}
      <p className="small">
        When voting closes the result is counted under the rule above and published here with the totals. If it is adopted it becomes a coalition position and
        can become a campaign; if not, it stays here with its result and the reasons voters chose to share.
      </p>
    </section>
  );
}

function Outcome({ outcome, reasons }: { outcome: DemandOutcome; reasons: Array<{ choice: VoteChoice; reason: string | null }> }) {
  return (
    <section className="card" id="result" aria-labelledby="result-heading">
      <h2 id="result-heading">Result: {outcome.adopted ? "adopted" : "not adopted"}</h2>
      <p>{outcome.explanation}</p>
      <VoteTotals totals={outcome.totals} caption={`Votes cast: ${outcome.turnout.toLocaleString("en-GB")}`} />
      <p>
        {outcome.quorum ? `Quorum of ${outcome.quorum}: ${outcome.quorumMet ? "met" : "not met"}.` : "No quorum was set."} Rule: {DECISION_RULE_LABELS[outcome.rule]}.
      </p>
      <TableFrame label="Votes by perspective">
      <table className="table table--stack">
        <caption>By perspective (members who chose to share theirs; a member can hold more than one)</caption>
        <thead>
          <tr>
            <th scope="col">Perspective</th>
            <th scope="col">Support</th>
            <th scope="col">Oppose</th>
            <th scope="col">Abstain</th>
          </tr>
        </thead>
        <tbody>
          {outcome.breakdown.map((row) => (
            <tr key={row.perspective}>
              <th scope="row">{PERSPECTIVE_LABELS[row.perspective].label}</th>
              {row.suppressed || !row.totals ? (
                <td colSpan={3}>Not shown, to protect privacy (too few votes, or they would reveal a small group)</td>
              ) : (
                <>
                  <td data-label="Support">{row.totals.support}</td>
                  <td data-label="Oppose">{row.totals.oppose}</td>
                  <td data-label="Abstain">{row.totals.abstain}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      </TableFrame>
      {reasons.length ? (
        <>
          <h3>Reasons voters chose to share</h3>
          <ul>
            {reasons.map((r, i) => (
              <li key={i}>
                <strong>{CHOICE_LABELS[r.choice]}:</strong> {r.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
