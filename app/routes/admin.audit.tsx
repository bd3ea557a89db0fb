import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "~/models/audit.server";
import { auditSentence } from "~/admin/audit-sentences";
import { requireCan } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { parseId } from "~/utils/ids";
import { formatLondonMedium } from "~/utils/london-time";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Audit log", "Admin");

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
      <p>Every change to roles, organisations and moderation, newest first. Times are UK time.</p>
      <ol className="audit-log">
        {events.map((e) => (
          <li key={e.id}>
            <p>
              {e.demand_id ? (
                <Link to={`/demands/${e.demand_id}#comment-${e.subject_id}`}>{auditSentence(e)}</Link>
              ) : (
                auditSentence(e)
              )}
            </p>
            <p className="small muted">{formatLondonMedium(e.created_at)}</p>
          </li>
        ))}
      </ol>
      {next ? (
        <nav className="pagination" aria-label="Older events">
          <Link to={`?before=${next}`}>Older events</Link>
        </nav>
      ) : null}
    </>
  );
}
