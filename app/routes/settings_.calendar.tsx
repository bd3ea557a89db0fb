import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { SettingsNav } from "~/components/settings-nav";
import { assertCan, requireMember } from "~/members/session.server";
import { calendarFeedToken, newCalendarFeedAddress } from "~/services/event.server";
import { db } from "~/utils/db.server";
import { getAppUrl } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Calendar", "Settings");

const feedUrl = (token: string) => `${getAppUrl()}/events/feed/${token}.ics`;

/** The member's private calendar address, and the button that replaces it (the old one stops working). */
export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  return { url: feedUrl(await calendarFeedToken(db, member.id)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  await newCalendarFeedAddress(db, member.id);
  return redirectWithFlash(request, "/settings/calendar", { kind: "success", message: "You have a new calendar address. The old one has stopped working: add the new one to your calendar." });
}

export default function CalendarSettings() {
  const { url } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      <div className="form">
        <h2>Your events calendar</h2>
        <p>Add this address to your calendar app (&ldquo;subscribe&rdquo; or &ldquo;add calendar from URL&rdquo;) to see the events you registered for, with joining links for online ones. It updates when an event changes.</p>
        <p>
          <label className="field__label" htmlFor="feed-url">
            Your private calendar address
          </label>
          <input className="input" id="feed-url" readOnly value={url} aria-describedby="feed-hint" />
        </p>
        <p className="field__hint" id="feed-hint">
          Anyone with this address can see which events you registered for. Keep it to yourself.
        </p>
        <section className="section">
          <h2>Make a new address</h2>
          <p>If you shared the address by mistake, make a new one: the old one stops working straight away.</p>
          <Form method="post">
            <button type="submit" className="button button--secondary">
              Make a new address
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}
