import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countPhrase } from "~/admin/waiting";
import { About } from "~/components/about";
import { CoalitionNow } from "~/components/coalition-now";
import { WaitingWorkList } from "~/components/waiting-work";
import { listLivePetitions, listOpenVotes, listRecentWins, listRunningCampaigns } from "~/models/coalition-activity.server";
import { countWaitingWork, listCampaignTasks, listNeedsInput } from "~/models/needs-input.server";
import { can } from "~/members/permissions";
import { getCurrentMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { formatWhen } from "~/demands/labels";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";

export const meta: MetaFunction = (args) => [
  ...pageTitle(args, "Deciding together for social approaches to mental health"),
  { name: "description", content: "Propose, draft and decide policy demands together, then campaign for them." },
];

/** How many of each kind of activity a visitor sees: enough to show the coalition at work, each list linking to the rest. */
const NOW_LIST = 4;

/**
 * Signed-in members land on what needs their input (and, for organisers and the coalition team, what
 * waits in their campaigns and queues); everyone else on what Chorus is and what it is doing now.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  if (!member) {
    const [votes, petitions, campaigns, wins] = await Promise.all([
      listOpenVotes(db, NOW_LIST),
      listLivePetitions(db, { limit: NOW_LIST }),
      listRunningCampaigns(db, NOW_LIST),
      listRecentWins(db, NOW_LIST),
    ]);
    return {
      member: null,
      now: {
        votes,
        petitions: petitions.slice(0, NOW_LIST).map((p) => ({ id: p.id, slug: p.slug, title: p.title, signature_count: p.signature_count, goal: p.goal, closes_at: p.closes_at })),
        campaigns: campaigns.map((c) => ({ id: c.id, title: c.title, ends_on: c.ends_on })),
        wins,
      },
    };
  }
  const verify = can(member, "organisation.verify");
  const moderate = can(member, "moderation.review");
  const [needs, campaigns, waiting] = await Promise.all([
    listNeedsInput(db, member.id),
    listCampaignTasks(db, member.id),
    verify || moderate ? countWaitingWork(db, { verify, moderate, reviewLetters: member.isAdmin }) : null,
  ]);
  return { member: { name: member.displayName }, needs, campaigns, waiting };
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  if (!data.member) return <About now={<CoalitionNow {...data.now} />} />;
  return <NeedsYourInput name={data.member.name} needs={data.needs} campaigns={data.campaigns} waiting={data.waiting} />;
}

type SignedIn = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { needs: unknown }>;
type Needs = SignedIn["needs"];
type CampaignTasks = SignedIn["campaigns"];

/** One kind of waiting task, as a list of links; nothing at all when there are none. */
function TaskSection({ id, heading, tasks }: { id: string; heading: string; tasks: Array<{ key: number; to: string; text: string; when?: string }> }) {
  if (tasks.length === 0) return null;
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <ul className="task-list">
        {tasks.map((t) => (
          <li key={t.key}>
            <Link to={t.to}>{t.text}</Link>
            {t.when ? <span className="task-list__when">{t.when}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

const signatures = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "signature" : "signatures"}`;

/** The running campaigns this member organises: letters held for their review, and each petition's count. */
function YourCampaigns({ campaigns }: { campaigns: CampaignTasks }) {
  if (campaigns.length === 0) return null;
  return (
    <section className="section" aria-labelledby="your-campaigns-heading">
      <h2 id="your-campaigns-heading">Your campaigns</h2>
      <ul className="campaign-tasks">
        {campaigns.map((c) => (
          <li key={c.id} className="card">
            <h3 className="card__title">
              <Link to={`/campaigns/${c.id}/dashboard`}>{c.title}</Link>
            </h3>
            {c.heldLetters.length === 0 ? <p>No letters held for review.</p> : null}
            {c.heldLetters.length ? (
              <ul className="task-list">
                {c.heldLetters.map((h) => (
                  <li key={h.slug}>
                    <Link to={`/letters/${h.slug}/manage#held-heading`}>
                      {countPhrase(h.held, "letter held for your review", "letters held for your review")}: {h.title}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
            {c.petitions.length === 0 ? <p>No petition is open.</p> : null}
            {c.petitions.length ? (
              <ul className="campaign-tasks__petitions">
                {c.petitions.map((p) => (
                  <li key={p.slug}>
                    <Link to={`/petitions/${p.slug}`}>{p.title}</Link>: {signatures(p.signatures)} of {p.goal.toLocaleString("en-GB")}
                    {p.status === "closed" ? " (closed, ready to deliver)" : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NeedsYourInput({ name, needs, campaigns, waiting }: { name: string; needs: Needs; campaigns: CampaignTasks; waiting: SignedIn["waiting"] }) {
  const teamWaiting = waiting ? (waiting.organisations ?? 0) + (waiting.comments ?? 0) + (waiting.stories ?? 0) + (waiting.heldLetters?.length ?? 0) : 0;
  const campaignWaiting = campaigns.reduce((n, c) => n + c.heldLetters.length, 0);
  const nothing = needs.votes.length + needs.consultations.length + needs.amendments.length + needs.drafts.length + teamWaiting + campaignWaiting === 0;
  return (
    <>
      <div className="page-heading">
        <h1>What needs your input</h1>
        <p className="lead">Hello, {name}. Here is what is open now, the most urgent first.</p>
      </div>
      {nothing ? (
        <div className="notice">
          <p>
            Nothing is waiting for you right now. <Link to="/demands">Browse all demands</Link> or <Link to="/demands/new">propose one</Link>.
          </p>
        </div>
      ) : null}
      {waiting ? <WaitingWorkList id="team-waiting" heading="Waiting for the coalition team" work={waiting} /> : null}
      <YourCampaigns campaigns={campaigns} />
      <TaskSection
        id="votes"
        heading="Votes you have not cast"
        tasks={needs.votes.map((d) => ({ key: d.id, to: `/demands/${d.id}#vote`, text: d.title, when: `Voting closes ${formatWhen(d.ends_at)}` }))}
      />
      <TaskSection
        id="amendments"
        heading="Amendments to your demands, waiting for your decision"
        tasks={needs.amendments.map((a) => ({
          key: a.id,
          to: `/demands/${a.demand_id}/amendments/${a.id}`,
          text: `Amendment by ${a.author_name ?? "a former member"} to “${a.title}”`,
          when: `${countOf(a.support_count, "supporter")}`,
        }))}
      />
      <TaskSection
        id="consultations"
        heading="Open for comments and amendments"
        tasks={needs.consultations.map((d) => ({
          key: d.id,
          to: `/demands/${d.id}`,
          text: d.title,
          when: `${d.ends_at ? `Until ${formatWhen(d.ends_at)}` : "Open"} · ${countOf(d.comment_count, "comment")}`,
        }))}
      />
      <TaskSection
        id="drafts"
        heading="Your drafts (only you and your co-authors see them)"
        tasks={needs.drafts.map((d) => ({ key: d.id, to: `/demands/${d.id}`, text: d.title }))}
      />
      <p>
        <Link to="/demands">All demands</Link> · <Link to="/welcome">What you can do here</Link>
      </p>
    </>
  );
}
