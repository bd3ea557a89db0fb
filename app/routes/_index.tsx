import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { About } from "~/components/about";
import { listNeedsInput } from "~/models/needs-input.server";
import { getCurrentMember } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { formatWhen } from "~/utils/demands";

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
      {needs.votes.length ? (
        <section className="section" aria-labelledby="votes-heading">
          <h2 id="votes-heading">Votes you have not cast</h2>
          <ul className="task-list">
            {needs.votes.map((d) => (
              <li key={d.id}>
                <Link to={`/demands/${d.id}#vote`}>{d.title}</Link>
                <span className="task-list__when">Voting closes {formatWhen(d.ends_at)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {needs.amendments.length ? (
        <section className="section" aria-labelledby="amendments-heading">
          <h2 id="amendments-heading">Amendments to your demands, waiting for your decision</h2>
          <ul className="task-list">
            {needs.amendments.map((a) => (
              <li key={a.id}>
                <Link to={`/demands/${a.demand_id}/amendments/${a.id}`}>
                  Amendment by {a.author_name ?? "a former member"} to &ldquo;{a.title}&rdquo;
                </Link>
                <span className="task-list__when">
                  {a.support_count} {a.support_count === 1 ? "supporter" : "supporters"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {needs.consultations.length ? (
        <section className="section" aria-labelledby="consultations-heading">
          <h2 id="consultations-heading">Open for comments and amendments</h2>
          <ul className="task-list">
            {needs.consultations.map((d) => (
              <li key={d.id}>
                <Link to={`/demands/${d.id}`}>{d.title}</Link>
                <span className="task-list__when">
                  {d.ends_at ? `Until ${formatWhen(d.ends_at)}` : "Open"} · {d.comment_count} {d.comment_count === 1 ? "comment" : "comments"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {needs.drafts.length ? (
        <section className="section" aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">Your drafts (only you and your co-authors see them)</h2>
          <ul className="task-list">
            {needs.drafts.map((d) => (
              <li key={d.id}>
                <Link to={`/demands/${d.id}`}>{d.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to="/demands">All demands</Link> · <Link to="/welcome">What you can do here</Link>
      </p>
    </>
  );
}
