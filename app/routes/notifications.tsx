import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listNotifications, NOTIFICATION_PAGE_SIZE } from "~/models/notification.server";
import { requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseId } from "~/utils/ids";
import { formatLondonMedium } from "~/utils/london-time";
import { badRequest, notFound } from "~/utils/responses.server";
import { readAllNotifications, readNotification } from "~/services/notifications.server";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";

export const meta: MetaFunction = (args) => pageTitle(args, "Notifications");

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const before = parseId(new URL(request.url).searchParams.get("before") ?? undefined);
  const rows = await listNotifications(db, member.id, before ?? undefined);
  const page = rows.slice(0, NOTIFICATION_PAGE_SIZE);
  return {
    notifications: page.map((n) => ({ id: n.id, title: n.title, group: n.group_title, at: n.created_at, unread: !n.read_at })),
    older: rows.length > NOTIFICATION_PAGE_SIZE ? page[page.length - 1]!.id : null,
    first: before === null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  if (intent === "read-all") {
    const n = await readAllNotifications(db, member.id);
    return redirectWithFlash(request, "/notifications", { kind: "success", message: n ? "All marked as read." : "Nothing was unread." });
  }
  if (intent === "open") {
    const id = parseId(String(formData.get("id") ?? ""));
    const to = id === null ? null : await readNotification(db, member.id, id);
    if (!to) notFound();
    return redirect(to);
  }
  badRequest();
}

export default function Notifications() {
  const { notifications, older, first } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => n.unread).length;
  return (
    <>
      <div className="page-heading">
        <h1>Notifications</h1>
        <p className="lead">What happened in the demands, campaigns, topics and organisations you follow. Kept for 90 days.</p>
      </div>
      <p>{unread ? <strong>{countOf(unread, "unread notification")} on this page.</strong> : "Everything here is read."}</p>
      <div className="button-row">
        {unread ? (
          <Form method="post">
            <button type="submit" name="intent" value="read-all" className="button button--secondary">
              Mark all as read
            </button>
          </Form>
        ) : null}
        <Link to="/settings/notifications">Choose what you get, and how often</Link>
      </div>
      {notifications.length === 0 ? (
        <p>{first ? "Nothing yet. Follow a demand, campaign, topic or organisation to hear what happens." : "No older notifications."}</p>
      ) : (
        <ul className="notification-list">
          {notifications.map((n) => (
            <li key={n.id} className={n.unread ? "is-unread" : undefined}>
              <p className="notification-list__group">
                {n.unread ? <span className="unread-tag">Unread</span> : null}
                {n.group} · {formatLondonMedium(n.at)}
              </p>
              <Form method="post">
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" name="intent" value="open" className="link-button notification-list__title">
                  {n.title}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <nav className="pagination" aria-label="Older notifications">
        {!first ? <Link to="/notifications">Newest</Link> : null}
        {older ? <Link to={`?before=${older}`}>Older notifications</Link> : null}
      </nav>
    </>
  );
}
