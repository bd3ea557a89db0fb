import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { loadEvent } from "~/events/access.server";
import { cancelByLink, readCancelToken } from "~/services/event.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Give up your place", "Events");

/** The signed link in a public registrant's emails: a page with one button, so a mail scanner cancels nothing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await loadEvent(request, params.id);
  return { valid: readCancelToken(params.token ?? "") !== null, event: { id: event.id, title: event.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await loadEvent(request, params.id);
  const result = await cancelByLink(db, event.id, params.token ?? "");
  return redirectWithFlash(request, `/events/${event.id}`, result.ok ? { kind: "success", message: "You have given up your place. Thank you for letting us know." } : { kind: "error", message: "There was no place to give up: it may have been cancelled already." });
}

export default function CancelEventPlace() {
  const { valid, event } = useLoaderData<typeof loader>();
  return (
    <LinkLanding valid={valid} title="Give up your place" button="Give up my place" expiredMessage="This link is not one we sent. Use the link in your latest email about the event." retry={{ to: `/events/${event.id}`, label: "Go to the event" }}>
      <p>If you cannot come to &ldquo;{event.title}&rdquo;, press the button: your place goes to the next person on the waiting list.</p>
    </LinkLanding>
  );
}
