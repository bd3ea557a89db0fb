import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMember } from "~/members/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Welcome");

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return { name: member.displayName };
}

/** Where a new member lands after confirming their email: what they can do, and one optional question. */
export default function Welcome() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading prose">
        <h1>Welcome to Chorus, {name}</h1>
        <p className="lead">You are a member of the coalition now. Here is what you can do, at your own pace.</p>
      </div>
      <ul className="card-grid">
        <li className="card">
          <h2 className="card__title">Read and comment</h2>
          <p>Demands open for comments are drafts the coalition is still shaping. Say what you think, or reply to others.</p>
          <Link to="/demands">See the demands</Link>
        </li>
        <li className="card">
          <h2 className="card__title">Suggest changes</h2>
          <p>Propose a new wording for a paragraph. The demand&apos;s authors decide, and you are credited if it goes in.</p>
        </li>
        <li className="card">
          <h2 className="card__title">Vote</h2>
          <p>When a demand goes to a vote, your ballot is secret. Only totals are published.</p>
        </li>
        <li className="card">
          <h2 className="card__title">Propose your own</h2>
          <p>Write a demand on your own or with others. It stays private until you open it for comments.</p>
          <Link to="/demands/new">Propose a demand</Link>
        </li>
      </ul>
      <section className="prose section" aria-labelledby="perspective-heading">
        <h2 id="perspective-heading">One optional question</h2>
        <p>
          You can tell us whether you have lived experience of mental distress, are a carer, a practitioner, a researcher or a supporter. It is only ever
          used in anonymous totals, so the coalition can see whether people with lived experience back a demand. You can skip it, answer later in your
          settings, or never answer.
        </p>
        <div className="button-row">
          <Link to="/settings/perspectives?welcome=1" className="button">
            Answer the question
          </Link>
          <Link to="/" className="button button--secondary">
            Skip for now
          </Link>
        </div>
      </section>
      <p className="small">
        If things get difficult, <Link to="/get-help">get help now</Link>. You can read the <Link to="/terms">terms of membership</Link> and how we handle
        your information in the <Link to="/privacy">privacy notice</Link> at any time.
      </p>
    </>
  );
}
