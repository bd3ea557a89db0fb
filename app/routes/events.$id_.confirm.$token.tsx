import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkLanding } from "~/components/link-landing";
import { loadEvent } from "~/events/access.server";
import { EVENT_CONFIRM_LINK_DAYS } from "~/events/labels";
import { confirmPublicRegistration, findConfirmLink } from "~/services/event.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Confirm your place", "Events");

/** Opening the link (as mail scanners do) shows a button; only pressing it confirms (decision 017). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await loadEvent(request, params.id);
  const link = await findConfirmLink(db, event.id, params.token ?? "");
  return { valid: Boolean(link), event: { id: event.id, title: event.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await loadEvent(request, params.id);
  const result = await confirmPublicRegistration(db, event.id, params.token ?? "");
  const back = `/events/${event.id}`;
  if (!result.ok) {
    const message = result.reason === "link" ? "That link has expired or was already used. You can register again below." : result.reason === "closed" ? "Registration closed before you confirmed, so you do not have a place." : "This event is no longer taking registrations.";
    return redirectWithFlash(request, `${back}#register`, { kind: "error", message });
  }
  return redirectWithFlash(request, back, {
    kind: "success",
    message: result.status === "registered" ? "Your place is confirmed. We have emailed you the details and a link to cancel if you need to." : "The event is full, so you are on the waiting list. We will email you if a place comes free.",
  });
}

export default function ConfirmEventPlace() {
  const { valid, event } = useLoaderData<typeof loader>();
  return (
    <LinkLanding valid={valid} title="Confirm your place" button="Confirm my place" expiredMessage={`Confirmation links work for ${EVENT_CONFIRM_LINK_DAYS} days and once only. Register again to get a new one.`} retry={{ to: `/events/${event.id}#register`, label: "Go to the event" }}>
      <p>Press the button to confirm your registration for &ldquo;{event.title}&rdquo;.</p>
    </LinkLanding>
  );
}
