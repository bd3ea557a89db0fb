import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { unsubscribe } from "~/services/notifications.server";
import { db } from "~/utils/db.server";
import { NOTIFICATION_KINDS, isNotificationKind } from "~/notifications/kinds";
import { readSignedMemberKindToken } from "~/utils/signed-links.server";
import { notFound } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Stop these emails");

function describe(kind: string) {
  if (kind === "digest_daily") return "your daily summary";
  if (kind === "digest_weekly") return "your weekly summary";
  return isNotificationKind(kind) ? `emails about: ${NOTIFICATION_KINDS[kind].label.toLowerCase()}` : null;
}

/** The link in every notification email: the member and kind, signed, so no cookie is needed. */
function read(token: string | undefined) {
  const parsed = readSignedMemberKindToken("unsubscribe", token ?? "");
  const what = parsed ? describe(parsed.kind) : null;
  if (!parsed || !what) notFound();
  return { ...parsed, what };
}

/** Opening the link (mail scanners do) changes nothing: it shows one button. */
export async function loader({ params }: LoaderFunctionArgs) {
  return { what: read(params.token).what };
}

/**
 * Pressing the button, or a mail program's one-click unsubscribe (RFC 8058: a POST with
 * "List-Unsubscribe=One-Click", no cookie, no CSRF token), turns those emails off. Never a
 * redirect: one-click clients do not follow them.
 */
export async function action({ params }: ActionFunctionArgs) {
  const { memberId, kind, what } = read(params.token);
  await unsubscribe(db, memberId, kind);
  return { done: true, what };
}

export default function Unsubscribe() {
  const { what } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  return (
    <div className="prose">
      {done ? (
        <>
          <h1>Done: no more {done.what.replace(/^emails about: /, "emails about ")}</h1>
          <p role="status">You will not get these emails again. You still see everything in your notifications on Chorus.</p>
          <p>
            <Link to="/settings/notifications">Choose what you get, and how often</Link> (you need to sign in).
          </p>
        </>
      ) : (
        <>
          <h1>Stop these emails?</h1>
          <p>This stops {what}. Other emails, and sign-in links, are not affected.</p>
          <Form method="post">
            <button type="submit" className="button">
              Stop these emails
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
