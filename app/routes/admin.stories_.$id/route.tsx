import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { ErrorSummary } from "~/components/error-summary";
import { requireCan } from "~/members/session.server";
import { listStoryReviewHistory } from "~/models/story-review.server";
import { getStory } from "~/models/story.server";
import { tellerName } from "~/stories/consent";
import { AUDIENCES, STORY_STATUSES } from "~/stories/labels";
import { contentNoteText } from "~/stories/view";
import { db } from "~/utils/db.server";
import { requireId } from "~/utils/ids";
import { formatLondonMedium } from "~/utils/london-time";
import { markdownToSafeHtml } from "~/utils/markdown.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import { DecisionForms } from "./decision-forms";
import { SafeguardingContact } from "./safeguarding-contact";
import { contactIntent, decideIntent } from "./intents.server";

export const meta: MetaFunction = (args) => pageTitle(args, "Review a story", "Admin");

const DECISION_WORDS = { published: "Published", changes_requested: "Asked the teller to change something", declined: "Declined", safeguarding: "Passed to the safeguarding route" } as const;

/**
 * One story for a moderator: its content note first, its words behind a click, the name and audience
 * its teller chose (never who they are or their address), its decisions so far, and the decision
 * forms while it waits. A withdrawn story shows only that it was withdrawn and its history.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireCan(request, "moderation.review");
  const story = await getStory(db, requireId(params.id));
  if (!story) notFound();
  const history = await listStoryReviewHistory(db, story.id);
  const withdrawn = story.status === "withdrawn";
  return {
    isAdmin: member.isAdmin,
    story: {
      id: story.id,
      status: story.status,
      sentAt: new Date(story.createdAt).toISOString(),
      withdrawnAt: story.withdrawnAt ? new Date(story.withdrawnAt).toISOString() : null,
      // Withdrawing takes a story away from every page, this one included: only its history stays.
      told: withdrawn
        ? null
        : {
            title: story.title,
            contentNote: contentNoteText(story.contentNotes, story.contentNoteDetail),
            html: markdownToSafeHtml(story.body, 3),
            easyReadHtml: story.easyRead ? markdownToSafeHtml(story.easyRead, 3) : null,
            shownAs: tellerName(story),
            audience: AUDIENCES[story.audience].label,
            audienceCampaigns: story.audience === "organisers" ? story.audienceCampaigns.map((c) => c.title) : [],
            demands: story.demands.map((d) => ({ id: d.id, title: d.title })),
            withoutAccount: story.tellerId === null,
          },
    },
    history: history.map((h) => ({ id: h.id, decision: h.decision, reason: h.reason, moderatorName: h.moderatorName, at: new Date(h.createdAt).toISOString() })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const moderator = await requireCan(request, "moderation.review");
  const formData = await request.formData();
  if (formData.get("intent") === "contact") return contactIntent(requireId(params.id), moderator);
  return decideIntent(request, formData, requireId(params.id), moderator.id);
}

export default function ReviewStory() {
  const { isAdmin, story, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : undefined;
  const looked = result && "contactMessage" in result ? result : undefined;
  const told = story.told;
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin={isAdmin} />
      <p>
        <Link to="/admin/stories">Back to the stories waiting for review</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h2>Review a story</h2>
      {told ? (
        <>
          <p className={told.contentNote ? "story-review__note" : "story-review__note story-review__note--none"}>{told.contentNote ? <>Content note: {told.contentNote}</> : "No content note"}</p>
          <dl className="summary-list story-review__facts">
            <dt>Title</dt>
            <dd>{told.title}</dd>
            <dt>Sent</dt>
            <dd>
              <time dateTime={story.sentAt}>{formatLondonMedium(story.sentAt)}</time>
            </dd>
            <dt>Status</dt>
            <dd>{STORY_STATUSES[story.status].label}</dd>
            <dt>Shown under the name</dt>
            <dd>{told.shownAs}</dd>
            <dt>Who may read it</dt>
            <dd>
              {told.audience}
              {told.audienceCampaigns.length > 0 ? `: ${told.audienceCampaigns.join("; ")}` : null}
            </dd>
            <dt>About</dt>
            <dd>
              {told.demands.length === 0 ? (
                "No demand named"
              ) : (
                <ul className="story-review__demands">
                  {told.demands.map((d) => (
                    <li key={d.id}>
                      <Link to={`/demands/${d.id}`}>{d.title}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            {told.withoutAccount ? (
              <>
                <dt>Told</dt>
                <dd>Without an account, after signing a petition or writing a letter</dd>
              </>
            ) : null}
          </dl>
          <details className="story-review__fold">
            <summary>Read the story</summary>
            <div className="prose story-review__text" dangerouslySetInnerHTML={{ __html: told.html }} />
          </details>
          {told.easyReadHtml ? (
            <details className="story-review__fold">
              <summary>Read the easy-read version</summary>
              <div className="prose story-review__text" dangerouslySetInnerHTML={{ __html: told.easyReadHtml }} />
            </details>
          ) : null}
        </>
      ) : (
        <p className="notice">
          Its teller withdrew this story{story.withdrawnAt ? <> on {formatLondonMedium(story.withdrawnAt)}</> : null}. Nobody can read it any more, here included. Its decisions stay on record.
        </p>
      )}
      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">Decisions so far</h2>
        {history.length === 0 ? (
          <p>None yet: this is its first review.</p>
        ) : (
          <ol className="story-review__history">
            {history.map((h) => (
              <li key={h.id}>
                <strong>{DECISION_WORDS[h.decision]}</strong> by {h.moderatorName ?? "a former moderator"}, <time dateTime={h.at}>{formatLondonMedium(h.at)}</time>
                {h.reason ? <p className="story-review__reason">{h.decision === "safeguarding" ? "What worried them (not shown to the teller)" : "Reason shown to the teller"}: {h.reason}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {story.status === "safeguarding" && isAdmin ? <SafeguardingContact contact={looked?.contact ?? null} message={looked?.contactMessage ?? null} /> : null}
      {story.status === "waiting" ? <DecisionForms errors={errors} values={values} /> : <p>This story is not waiting for review, so there is nothing to decide now.</p>}
    </>
  );
}
