import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "~/models/audit.server";
import { requireCan } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { parseId } from "~/utils/ids";
import { formatLondonMedium } from "~/utils/london-time";

export const meta: MetaFunction = () => [{ title: "Audit log – Admin – Chorus" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCan(request, "audit.read");
  const before = parseId(new URL(request.url).searchParams.get("before")) ?? undefined;
  const rows = await listAuditEvents(db, { beforeId: before });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { events: page, next: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id : null };
}

export default function AuditLog() {
  const { events, next } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin />
      <h2>Audit log</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{formatLondonMedium(e.created_at)}</td>
              <td>{e.actor_name ?? "System"}</td>
              <td>
                {e.action} ({e.subject_type} {e.subject_id})
              </td>
              <td>
                <code>{JSON.stringify(e.detail)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {next ? (
        <nav className="pagination" aria-label="Older events">
          <Link to={`?before=${next}`}>Older events</Link>
        </nav>
      ) : null}
    </>
  );
}
