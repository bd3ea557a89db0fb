import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { WaitingWorkList } from "~/components/waiting-work";
import { countWaitingWork } from "~/models/needs-input.server";
import { can } from "~/members/permissions";
import { requireCan } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Admin");

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireCan(request, "admin.view");
  // Only the queues this person works on: moderators see reported comments, admins everything.
  const waiting = await countWaitingWork(db, { verify: can(member, "organisation.verify"), moderate: can(member, "moderation.review"), reviewLetters: member.isAdmin });
  return { isAdmin: member.isAdmin, isModerator: member.isModerator, waiting };
}

export default function AdminHome() {
  const { isAdmin, isModerator, waiting } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin={isAdmin} />
      <WaitingWorkList id="waiting" heading="Waiting for you" work={waiting} />
      <h2>What you can do here</h2>
      <ul className="card-grid">
        {isAdmin ? (
          <>
            <li className="card">
              <h3 className="card__title">
                <Link to="/admin/organisations">Verify organisations</Link>
              </h3>
              <p>Check organisations that registered and mark them as verified.</p>
            </li>
            <li className="card">
              <h3 className="card__title">
                <Link to="/admin/members">Members and roles</Link>
              </h3>
              <p>Find members and make them admins or moderators.</p>
            </li>
            <li className="card">
              <h3 className="card__title">
                <Link to="/admin/audit">Audit log</Link>
              </h3>
              <p>Every role change and verification, with who did it and when.</p>
            </li>
          </>
        ) : null}
        {isModerator || isAdmin ? (
          <li className="card">
            <h3 className="card__title">
              <Link to="/admin/moderation">Moderation</Link>
            </h3>
            <p>Review reported comments: hide them with a reason, show them again, or dismiss the reports.</p>
          </li>
        ) : null}
        {isModerator || isAdmin ? (
          <li className="card">
            <h3 className="card__title">
              <Link to="/admin/stories">Stories</Link>
            </h3>
            <p>Read stories waiting for review, content note first, and publish them, ask for a change, decline them or pass them to the safeguarding route.</p>
          </li>
        ) : null}
      </ul>
    </>
  );
}
