import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { EVENT_FIELD_ORDER, EventFields } from "~/components/event-fields";
import { hostOptions, requireEventHost } from "~/events/access.server";
import { eventFormValues } from "~/events/form-values";
import { EventSchema } from "~/events/forms";
import { hostValue, updateEvent } from "~/services/event.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm } from "~/utils/forms";
import { invalid, notFound } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Edit the event", "Events");

async function load(request: Request, rawId: string | undefined) {
  const { event, member } = await requireEventHost(request, rawId);
  const current = hostValue(event);
  const options = await hostOptions(member);
  // The event's own host stays a choice even for a coalition admin who does not run it.
  const currentLabel = event.host_kind === "organisation" ? event.organisation_name! : event.host_kind === "campaign" ? `The campaign “${event.campaign_title}”` : "The coalition";
  const hosts = options.some((o) => o.value === current) ? options : [{ value: current, label: currentLabel }, ...options];
  return { event, member, hosts };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, hosts } = await load(request, params.id);
  return { id: event.id, title: event.title, status: event.status, values: eventFormValues(event, hostValue(event)), hosts };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, member } = await load(request, params.id);
  const formData = await request.formData();
  const parsed = parseForm(EventSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await updateEvent(db, member, event.id, parsed.data);
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    const values = Object.fromEntries(Object.entries(eventFormValues(event, hostValue(event))));
    if (result.reason === "lobby-day") return invalid({ kind: event.parent_id !== null ? "A local event cannot be a lobby day itself: choose another type" : "This lobby day has local events, so it stays a lobby day hosted by its campaign" }, formValues(formData, EventSchema));
    if (result.reason === "region") return invalid({ region: "Choose the region of this local event: its lobby day lists local events by region" }, formValues(formData, EventSchema));
    if (result.reason === "capacity") return invalid({ capacity: `${result.registered.toLocaleString("en-GB")} people already have a place: the number of places cannot be fewer than that` }, values);
    return invalid({ host: "Choose who is hosting the event from the list" }, values);
  }
  const told = result.changedTimeOrPlace && event.status === "published" ? " Everyone registered has been told the new time or place." : "";
  return redirectWithFlash(request, `/events/${event.id}`, { kind: "success", message: `The event is saved.${told}` });
}

export default function EditEvent() {
  const { id, title, values, hosts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/events/${id}`}>Back to the event</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={result?.errors} order={EVENT_FIELD_ORDER} />
        <h1>Edit &ldquo;{title}&rdquo;</h1>
        <p className="lead">If you change the time or the place, everyone registered is told, and calendars that added it update.</p>
        <Form method="post" noValidate>
          <EventFields values={result?.values ?? values} errors={result?.errors} hosts={hosts} />
          <button type="submit" className="button">
            Save changes
          </button>
        </Form>
      </div>
    </>
  );
}
