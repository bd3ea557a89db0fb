import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listLivePetitions, PETITION_PAGE_SIZE } from "~/models/coalition-activity.server";
import { db } from "~/utils/db.server";
import { formatWhen } from "~/demands/labels";
import { parsePage } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Petitions to sign");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = parsePage(new URL(request.url).searchParams.get("page"), 500);
  const rows = await listLivePetitions(db, { limit: PETITION_PAGE_SIZE, page });
  return { petitions: rows.slice(0, PETITION_PAGE_SIZE), hasMore: rows.length > PETITION_PAGE_SIZE, page };
}

/** Every petition taking signatures now, closing soonest first, each with its confirmed count. */
export default function Petitions() {
  const { petitions, hasMore, page } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>Petitions to sign</h1>
        <p className="lead">Anyone can sign: you do not need to join. A signature counts once its email address is confirmed.</p>
      </div>
      {petitions.length === 0 ? (
        <p>
          No petition is open just now. <Link to="/campaigns">See the coalition&apos;s campaigns</Link>.
        </p>
      ) : (
        <ul className="demand-list">
          {petitions.map((p) => (
            <li key={p.id} className="demand-card">
              <h2>
                <Link to={`/petitions/${p.slug}`}>{p.title}</Link>
              </h2>
              <p>{p.ask}</p>
              <ul className="demand-card__facts">
                <li>
                  {p.signature_count.toLocaleString("en-GB")} {p.signature_count === 1 ? "signature" : "signatures"} of {p.goal.toLocaleString("en-GB")}
                </li>
                {p.closes_at ? <li className="demand-card__deadline">Open until {formatWhen(p.closes_at)}</li> : null}
                <li>
                  Part of <Link to={`/campaigns/${p.campaign_id}`}>{p.campaign_title}</Link>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
      <nav className="pagination" aria-label="Pages of petitions">
        {page > 1 ? <Link to={`?page=${page - 1}`}>Previous page</Link> : null}
        {hasMore ? <Link to={`?page=${page + 1}`}>Next page</Link> : null}
      </nav>
    </>
  );
}
