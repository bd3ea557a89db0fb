import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { requireCan } from "~/members/session.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Admin");

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireCan(request, "admin.view");
  return { isAdmin: member.isAdmin, isModerator: member.isModerator };
}

export default function AdminHome() {
  const { isAdmin, isModerator } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin={isAdmin} />
      <ul className="card-grid">
        {isAdmin ? (
          <>
            <li className="card">
              <h2 className="card__title">
                <Link to="/admin/organisations">Verify organisations</Link>
              </h2>
              <p>Check organisations that registered and mark them as verified.</p>
            </li>
            <li className="card">
              <h2 className="card__title">
                <Link to="/admin/members">Members and roles</Link>
              </h2>
              <p>Find members and make them admins or moderators.</p>
            </li>
            <li className="card">
              <h2 className="card__title">
                <Link to="/admin/audit">Audit log</Link>
              </h2>
              <p>Every role change and verification, with who did it and when.</p>
            </li>
          </>
        ) : null}
        {isModerator || isAdmin ? (
          <li className="card">
            <h2 className="card__title">
              <Link to="/admin/moderation">Moderation</Link>
            </h2>
            <p>Review reported comments: hide them with a reason, show them again, or dismiss the reports.</p>
          </li>
        ) : null}
      </ul>
    </>
  );
}
