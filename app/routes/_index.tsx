import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { About } from "~/components/about";
import { listNeedsInput } from "~/models/needs-input.server";
import { getCurrentMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { formatWhen } from "~/demands/labels";
import { countOf } from "~/utils/plural";

export const meta: MetaFunction = () => [
  { title: "Chorus: deciding together for social approaches to mental health" },
  { name: "description", content: "Propose, draft and decide policy demands together, then campaign for them." },
];

/** Signed-in members land on what needs their input; everyone else on what Chorus is. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  if (!member) return { member: null, needs: null };
  return { member: { name: member.displayName }, needs: await listNeedsInput(db, member.id) };
}

export default function Home() {
  const { member, needs } = useLoaderData<typeof loader>();
  return member && needs ? <NeedsYourInput name={member.name} needs={needs} /> : <About />;
}

type Needs = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["needs"]>;

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

function NeedsYourInput({ name, needs }: { name: string; needs: Needs }) {
  const nothing = needs.votes.length + needs.consultations.length + needs.amendments.length + needs.drafts.length === 0;
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
