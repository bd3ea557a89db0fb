import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { TableFrame } from "~/components/table-frame";
import { CAMPAIGN_PAGE_SIZE, listCampaignOverview } from "~/models/campaign.server";
import { requireCan } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { parsePage } from "~/utils/ids";
import { formatCalendarDate, formatLondonMedium } from "~/utils/london-time";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Campaigns", "Admin");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCan(request, "roles.manage");
  const page = parsePage(new URL(request.url).searchParams.get("page"), 500);
  const rows = await listCampaignOverview(db, page);
  return { campaigns: rows.slice(0, CAMPAIGN_PAGE_SIZE), hasMore: rows.length > CAMPAIGN_PAGE_SIZE, page };
}

/** Every campaign with its figures, for the coalition's admins. */
export default function CampaignOverview() {
  const { campaigns, hasMore, page } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin />
      <h2>Campaigns</h2>
      {campaigns.length === 0 ? <p>No campaigns yet.</p> : null}
      {campaigns.length ? (
        <TableFrame label="All campaigns">
          <table className="table table--stack">
            <caption>All campaigns, active first</caption>
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col" className="numeric">
                  Organisers
                </th>
                <th scope="col" className="numeric">
                  Partners
                </th>
                <th scope="col" className="numeric">
                  Updates
                </th>
                <th scope="col">Last entry</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/campaigns/${c.id}/dashboard`}>{c.title}</Link>
                  </th>
                  <td data-label="Status">{c.status === "active" ? "Active" : c.status === "won" ? "Won" : "Closed"}</td>
                  <td data-label="Started">{formatLondonMedium(c.created_at)}</td>
                  <td data-label="Organisers" className="numeric">
                    {c.organisers}
                  </td>
                  <td data-label="Partners" className="numeric">
                    {c.partners}
                  </td>
                  <td data-label="Updates" className="numeric">
                    {c.updates}
                  </td>
                  <td data-label="Last entry">{c.last_entry_on ? formatCalendarDate(c.last_entry_on) : "None"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
      <nav className="pagination" aria-label="Pages of campaigns">
        {page > 1 ? <Link to={`?page=${page - 1}`}>Previous page</Link> : null}
        {hasMore ? <Link to={`?page=${page + 1}`}>Next page</Link> : null}
      </nav>
    </>
  );
}
