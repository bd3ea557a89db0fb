import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TableFrame } from "~/components/table-frame";
import { listTargets, TARGET_PAGE_SIZE } from "~/models/target.server";
import { db } from "~/utils/db.server";
import { parsePage } from "~/utils/ids";
import { requireDirectoryEditor } from "~/letters/access.server";
import { formatAreas, TARGET_ROLE_LABELS } from "~/letters/rules";
import { formatLondonMedium } from "~/utils/london-time";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Decision makers");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireDirectoryEditor(request);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 100);
  const page = parsePage(params.get("page"), 500);
  const rows = await listTargets(db, { q, page });
  return {
    targets: rows.slice(0, TARGET_PAGE_SIZE).map((t) => ({ id: t.id, name: t.name, role: TARGET_ROLE_LABELS[t.role], body: t.body, email: t.email, areas: t.source === "directory" ? formatAreas(t) : "their constituency, found by postcode through UK Parliament", bouncedAt: t.bounced_at })),
    hasMore: rows.length > TARGET_PAGE_SIZE,
    page,
    q,
  };
}

export default function Targets() {
  const { targets, hasMore, page, q } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <>
      <div className="page-heading">
        <h1>Decision makers</h1>
        <p className="lead">Who supporters can write to: MPs, councillors, ministers, health bodies and councils, with the postcode areas each covers.</p>
      </div>
      <p className="button-row">
        <Link to="/targets/new" className="button">
          Add a decision maker
        </Link>
        <Link to="/targets/import" className="button button--secondary">
          Import a spreadsheet (CSV)
        </Link>
      </p>
      <Form method="get" className="filters" role="search" aria-label="Find decision makers">
        <div className="field">
          <label className="field__label" htmlFor="filter-q">
            Name, body or email
          </label>
          <input className="input" id="filter-q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </Form>
      {targets.length === 0 ? (
        <p>{q ? "No decision makers match." : "No decision makers yet."}</p>
      ) : (
        <TableFrame label="Decision makers">
          <table className="table">
            <caption className="visually-hidden">Decision makers{page > 1 ? `, page ${page}` : ""}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role and body</th>
                <th scope="col">Areas</th>
                <th scope="col">Email</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    <Link to={`/targets/${t.id}`}>{t.name}</Link>
                  </th>
                  <td>
                    {t.role}, {t.body}
                  </td>
                  <td>{t.areas}</td>
                  <td>
                    {t.email}
                    {t.bouncedAt ? <strong className="flag"> Bounced {formatLondonMedium(t.bouncedAt)}: skipped until fixed</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <nav className="pagination" aria-label="Pages of decision makers">
        {page > 1 ? <Link to={pageLink(page - 1)}>Previous page</Link> : null}
        {hasMore ? <Link to={pageLink(page + 1)}>Next page</Link> : null}
      </nav>
    </>
  );
}
