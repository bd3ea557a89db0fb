import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CountTable } from "~/components/count-table";
import { TableFrame } from "~/components/table-frame";
import { countLettersByArea, countMessagesByState, countMessagesByTarget, listHeldMessages, listReplySummaries } from "~/models/letter.server";
import { decideHeldMessage, publishReplySummary, setLetterCampaignStatus, setLetterTestMode } from "~/services/letter.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseId } from "~/utils/ids";
import { requireLetterManager } from "~/letters/access.server";
import { describeWindow, REPLY_OUTCOME_LABELS, roleUnlessNamed } from "~/letters/rules";
import { formatCalendarDate, formatLondonMedium } from "~/utils/london-time";
import { badRequest } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, `Manage: ${args.data?.lc.title ?? "letters"}`);

const STATE_LABELS = { unconfirmed: "Awaiting confirmation", queued: "Queued", held: "Held for review", sent: "Sent", failed: "Failed", rejected: "Rejected" } as const;

/**
 * The organiser's view of a letter campaign: figures, held letters, replies. Organisers never read
 * a letter's words, except a held one they must decide on.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lc, campaign } = await requireLetterManager(request, params.slug);
  const [states, byTarget, byArea, held, summaries] = await Promise.all([
    countMessagesByState(db, lc.id),
    countMessagesByTarget(db, lc.id),
    countLettersByArea(db, lc.id),
    listHeldMessages(db, lc.id),
    listReplySummaries(db, lc.id),
  ]);
  return {
    lc: {
      slug: lc.slug,
      title: lc.title,
      status: lc.status,
      testMode: lc.test_mode,
      hourlyCap: lc.hourly_cap,
      window: describeWindow({ days: lc.window_days, start: lc.window_start, end: lc.window_end }),
      endsOn: lc.ends_on,
    },
    campaign: { id: campaign.id, title: campaign.title },
    states: Object.entries(STATE_LABELS).map(([key, label]) => ({ key, label, count: states[key as keyof typeof STATE_LABELS] ?? 0 })),
    byTarget: byTarget.map((t) => ({ ...t, role: roleUnlessNamed(t) })),
    byArea,
    held: held.map((h) => ({ id: h.id, target: h.target_name, similarity: Math.round((h.similarity ?? 0) * 100), subject: h.subject, opening: h.opening, personal: h.personal, district: h.outward_code, at: h.created_at })),
    summaries: summaries.map((s) => ({ id: s.id, target: s.target_name, outcome: s.reply_outcome ? REPLY_OUTCOME_LABELS[s.reply_outcome] : "", summary: s.reply_summary, at: s.replied_at, published: Boolean(s.summary_published_at) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { lc, member } = await requireLetterManager(request, params.slug);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const here = `/letters/${lc.slug}/manage`;
  if (intent === "open" || intent === "close") {
    const changed = await setLetterCampaignStatus(db, lc.id, intent === "open" ? "open" : "closed");
    return redirectWithFlash(request, here, changed ? { kind: "success", message: intent === "open" ? "Supporters can now write." : "Closed: no new letters. Confirmed ones still go out." } : { kind: "info", message: "Nothing changed." });
  }
  if (intent === "test-on" || intent === "test-off") {
    await setLetterTestMode(db, lc.id, intent === "test-on");
    return redirectWithFlash(request, here, { kind: "success", message: intent === "test-on" ? "Test mode is on: letters confirmed from now go to you." : "Test mode is off: letters confirmed from now go to decision makers." });
  }
  const messageId = parseId(String(formData.get("message") ?? ""));
  if (messageId === null) badRequest();
  if (intent === "release" || intent === "reject") {
    const done = await decideHeldMessage(db, lc.id, messageId, intent);
    return redirectWithFlash(request, `${here}#held-heading`, done ? { kind: "success", message: intent === "release" ? "Released: it joins the queue." : "Rejected: it will not be sent, and its writer has been told why." } : { kind: "info", message: "That letter was already decided." });
  }
  if (intent === "publish") {
    const done = await publishReplySummary(db, lc.id, messageId, member.id);
    return redirectWithFlash(request, `${here}#replies-heading`, done ? { kind: "success", message: "The summary is on the campaign's timeline." } : { kind: "info", message: "That summary was already published." });
  }
  badRequest();
}

export default function ManageLetters() {
  const { lc, campaign, states, byTarget, byArea, held, summaries } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}/dashboard`}>Back to the campaign dashboard</Link>
      </p>
      <div className="page-heading">
        <span className={`stage stage--${lc.status === "open" ? "campaigning" : "closed"}`}>{lc.status === "draft" ? "Draft" : lc.status === "open" ? "Open for letters" : "Closed"}</span>
        <h1>{lc.title}</h1>
        <p className="lead">
          Letters go out {lc.window}, at most {lc.hourlyCap} an hour to each decision maker.
          {lc.endsOn ? ` Writing closes after ${formatCalendarDate(lc.endsOn)}.` : ""}
        </p>
      </div>
      <div className={lc.testMode ? "notice notice--warning" : "notice"}>
        <p>
          {lc.testMode ? <strong>Test mode is on: every letter confirmed now goes to you, not to decision makers.</strong> : "Test mode is off: confirmed letters go to decision makers."}
        </p>
        <Form method="post" className="button-row">
          <button type="submit" name="intent" value={lc.testMode ? "test-off" : "test-on"} className="button button--secondary">
            {lc.testMode ? "Switch test mode off" : "Switch test mode on"}
          </button>
          {lc.status !== "closed" ? (
            <button type="submit" name="intent" value={lc.status === "draft" ? "open" : "close"} className={lc.status === "draft" ? "button" : "button button--secondary"}>
              {lc.status === "draft" ? "Open to supporters" : "Close to new letters"}
            </button>
          ) : null}
          <Link to={`/letters/${lc.slug}`}>See the writing page</Link>
        </Form>
      </div>
      <ul className="figures" aria-label="Letters by state">
        {states.map((s) => (
          <li key={s.key}>
            <span className="figures__number">{s.count.toLocaleString("en-GB")}</span> {s.label}
          </li>
        ))}
      </ul>
      <section aria-labelledby="held-heading">
        <h2 id="held-heading">Held for review</h2>
        <p className="small">Letters very like an earlier letter to the same decision maker wait here. Offices ignore identical letters; release the ones that are the writer&apos;s own, reject copies. Either way the writer is never left in the dark.</p>
        {held.length === 0 ? (
          <p>Nothing to review.</p>
        ) : (
          <ul className="task-list">
            {held.map((h) => (
              <li key={h.id} className="held-letter">
                <div>
                  <p>
                    <strong>To {h.target}</strong>, from {h.district ?? "an unknown district"}, {formatLondonMedium(h.at)}. {h.similarity}% like an earlier letter.
                  </p>
                  <article className="letter" aria-label={`Held letter to ${h.target}`}>
                    <p className="letter__subject">Subject: {h.subject}</p>
                    <p>{h.opening}</p>
                    <p>{h.personal}</p>
                  </article>
                  <Form method="post" className="button-row">
                    <input type="hidden" name="message" value={h.id} />
                    <button type="submit" name="intent" value="release" className="button">
                      Release<span className="visually-hidden"> the letter to {h.target}</span>
                    </button>
                    <button type="submit" name="intent" value="reject" className="button button--warning">
                      Reject: do not send<span className="visually-hidden"> the letter to {h.target}</span>
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">By decision maker</h2>
        {byTarget.length === 0 ? (
          <p>No letters yet.</p>
        ) : (
          <TableFrame label="Letters and replies by decision maker">
            <table className="table">
              <caption className="visually-hidden">Letters and reply outcomes by decision maker</caption>
              <thead>
                <tr>
                  <th scope="col">Decision maker</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Queued</th>
                  <th scope="col">Held</th>
                  <th scope="col">Awaiting confirmation</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Replied</th>
                  <th scope="col">Not satisfactory</th>
                  <th scope="col">No reply</th>
                </tr>
              </thead>
              <tbody>
                {byTarget.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">
                      {t.name} {t.role ? <span className="muted">({t.role})</span> : null}
                      {t.bounced_at ? <span className="flag">Address bounced: skipped until fixed</span> : null}
                    </th>
                    <td>{t.sent}</td>
                    <td>{t.queued}</td>
                    <td>{t.held}</td>
                    <td>{t.unconfirmed}</td>
                    <td>{t.failed + t.rejected}</td>
                    <td>{t.yes}</td>
                    <td>{t.unsatisfactory}</td>
                    <td>{t.no}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>
      {byArea.length ? (
        <section aria-labelledby="areas-heading">
          <h2 id="areas-heading">By postcode district</h2>
          <CountTable caption="Confirmed letters by the writer's postcode district" heading="District" unit="Letters" rows={byArea.map((a) => ({ key: a.area, label: a.area, count: a.letters }))} />
        </section>
      ) : null}
      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading">What writers heard back</h2>
        <p className="small">Summaries writers chose to share with the campaign. Publishing one puts it on the campaign&apos;s timeline without the writer&apos;s name.</p>
        {summaries.length === 0 ? (
          <p>None yet. Writers are asked two weeks after their letter goes.</p>
        ) : (
          <ul className="task-list">
            {summaries.map((s) => (
              <li key={s.id}>
                <div>
                  <p>
                    <strong>{s.target}</strong>: {s.outcome}
                    {s.at ? ` (${formatLondonMedium(s.at)})` : ""}
                  </p>
                  <blockquote>{s.summary}</blockquote>
                </div>
                {s.published ? (
                  <span className="muted">On the timeline</span>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="message" value={s.id} />
                    <button type="submit" name="intent" value="publish" className="button button--secondary">
                      Publish<span className="visually-hidden"> the summary about {s.target}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
