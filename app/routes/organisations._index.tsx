import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { VerifiedBadge } from "~/components/organisation-badge";
import { listOrganisations, ORGANISATION_PAGE_SIZE } from "~/models/organisation.server";
import { getCurrentMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { ORGANISATION_KIND_LABELS } from "~/organisations/labels";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Organisations");

export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const after = new URL(request.url).searchParams.get("after") ?? undefined;
  const rows = await listOrganisations(db, { status: "verified", afterName: after });
  const page = rows.slice(0, ORGANISATION_PAGE_SIZE);
  return { organisations: page, next: rows.length > ORGANISATION_PAGE_SIZE ? page[page.length - 1]!.name : null, signedIn: Boolean(member) };
}

export default function Organisations() {
  const { organisations, next, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>Organisations</h1>
        <p className="lead">Service-user-led groups, professional bodies, charities and researchers who are part of the coalition.</p>
      </div>
      {signedIn ? (
        <p>
          <Link to="/organisations/new" className="button button--secondary">
            Register an organisation
          </Link>
        </p>
      ) : null}
      {organisations.length === 0 ? (
        <p>No verified organisations yet.</p>
      ) : (
        <ul className="card-grid">
          {organisations.map((o) => (
            <li key={o.id} className="card">
              <h2 className="card__title">
                <Link to={`/organisations/${o.slug}`}>{o.name}</Link>
              </h2>
              <p className="muted small">
                {ORGANISATION_KIND_LABELS[o.kind]} <VerifiedBadge status={o.status} />
              </p>
              {o.description ? <p>{o.description.length > 160 ? `${o.description.slice(0, 157)}…` : o.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {next ? (
        <nav className="pagination" aria-label="More organisations">
          <Link to={`?${new URLSearchParams({ after: next })}`}>More organisations</Link>
        </nav>
      ) : null}
    </>
  );
}
