import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TARGET_ROLES, type TargetRole } from "../../db/schema";
import { TableFrame } from "~/components/table-frame";
import { DECISION_MAKER_PAGE_SIZE, listDecisionMakers } from "~/models/decision-maker.server";
import { TARGET_ROLE_LABELS } from "~/letters/rules";
import { db } from "~/utils/db.server";
import { parsePage } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Decision makers");

export const headers: HeadersFunction = () => ({ "Cache-Control": "public, max-age=60" });

const parseRole = (value: string | null): TargetRole | null => (value !== null && (TARGET_ROLES as readonly string[]).includes(value) ? (value as TargetRole) : null);

/** Every decision maker the coalition has listed or looked up, with what they were asked and how often they answered. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  const role = parseRole(params.get("role"));
  const page = parsePage(params.get("page"), 500);
  const rows = await listDecisionMakers(db, { q, role, page });
  return { decisionMakers: rows.slice(0, DECISION_MAKER_PAGE_SIZE), hasMore: rows.length > DECISION_MAKER_PAGE_SIZE, page, q, role };
}

export default function DecisionMakers() {
  const { decisionMakers, hasMore, page, q, role } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`;
  return (
    <>
      <div className="page-heading">
        <h1>Decision makers</h1>
        <p className="lead">
          The MPs, councillors, ministers, health bodies and councils the coalition writes to and asks: what they were asked and how they answered. See every demand&apos;s record on the <Link to="/accountability">accountability tracker</Link>.
        </p>
      </div>
      <Form method="get" className="filters" role="search" aria-label="Find decision makers">
        <div className="field">
          <label className="field__label" htmlFor="filter-q">
            Name
          </label>
          <input className="input" id="filter-q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-role">
            Role
          </label>
          <select className="select" id="filter-role" name="role" defaultValue={role ?? ""}>
            <option value="">Any role</option>
            {TARGET_ROLES.map((r) => (
              <option key={r} value={r}>
                {TARGET_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </Form>
      {decisionMakers.length === 0 ? (
        <p>{q || role ? "No decision makers match." : "No decision makers listed yet."}</p>
      ) : (
        <TableFrame label="Decision makers">
          <table className="table">
            <caption className="visually-hidden">Decision makers{page > 1 ? `, page ${page}` : ""}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role and body</th>
                <th scope="col" className="numeric">
                  Asks
                </th>
                <th scope="col" className="numeric">
                  Responses
                </th>
              </tr>
            </thead>
            <tbody>
              {decisionMakers.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    <Link to={`/decision-makers/${t.id}`}>{t.name}</Link>
                  </th>
                  <td>
                    {TARGET_ROLE_LABELS[t.role]}
                    {t.body ? `, ${t.body}` : ""}
                  </td>
                  <td className="numeric">{t.asks.toLocaleString("en-GB")}</td>
                  <td className="numeric">{t.responses.toLocaleString("en-GB")}</td>
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
