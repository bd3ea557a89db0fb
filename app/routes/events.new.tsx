import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { EVENT_FIELD_ORDER, EventFields } from "~/components/event-fields";
import { EventSchema } from "~/events/forms";
import { requireMember } from "~/members/session.server";
import { hostOptions } from "~/events/access.server";
import { createEvent, lobbyDayForNewLocalEvent, type CreateEventResult } from "~/services/event.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm } from "~/utils/forms";
import { parseId } from "~/utils/ids";
import { forbidden, invalid, notFound } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Create an event", "Events");

async function requireHostingMember(request: Request) {
  const member = await requireMember(request);
  const hosts = await hostOptions(member);
  if (!hosts.length) forbidden();
  return { member, hosts };
}

/** `?parent=12` (or the form's `parent`): the lobby day a new local event belongs to, or a 404 when it takes none. */
async function parentLobbyDay(member: Awaited<ReturnType<typeof requireMember>>, raw: string | null) {
  if (raw === null || raw === "") return null;
  const id = parseId(raw);
  const parent = id !== null ? await lobbyDayForNewLocalEvent(db, member, id) : null;
  if (!parent) notFound();
  return { id: parent.id, title: parent.title, campaignTitle: parent.campaign_title };
}

const CREATE_REFUSED: Record<Exclude<CreateEventResult, { ok: true }>["reason"], [string, string]> = {
  host: ["host", "Choose who is hosting the event from the list"],
  "lobby-day-host": ["host", "A lobby day is hosted by its campaign: choose the campaign as the host"],
  "nested-lobby-day": ["kind", "A local event cannot be a lobby day itself: choose another type, such as a meeting"],
  region: ["region", "Choose the region of this local event: its lobby day lists local events by region"],
  parent: ["form", "This lobby day is no longer taking local events: it may have been cancelled"],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { member, hosts } = await requireHostingMember(request);
  const parent = await parentLobbyDay(member, new URL(request.url).searchParams.get("parent"));
  return { hosts, parent };
}

export async function action({ request }: ActionFunctionArgs) {
  const { member } = await requireHostingMember(request);
  const formData = await request.formData();
  const rawParent = formData.get("parent");
  const parent = await parentLobbyDay(member, typeof rawParent === "string" ? rawParent : null);
  const parsed = parseForm(EventSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await createEvent(db, member, parsed.data, parent?.id ?? null);
  if (!result.ok) {
    const [field, message] = CREATE_REFUSED[result.reason];
    return invalid({ [field]: message }, formValues(formData, EventSchema));
  }
  return redirectWithFlash(request, `/events/${result.id}`, { kind: "success", message: "The event is saved as a draft. Only its hosts can see it until you publish it." });
}

export default function NewEvent() {
  const { hosts, parent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={parent ? `/events/${parent.id}` : "/events"}>{parent ? `Back to ${parent.title}` : "Back to events"}</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={result?.errors} order={EVENT_FIELD_ORDER} />
        <h1>{parent ? "Add a local event to this lobby day" : "Create an event"}</h1>
        {parent ? (
          <p className="lead">
            Part of the lobby day “{parent.title}”. You host it yourself, with its own place, region and places. It stays a draft, seen only by its hosts, until you publish it.
          </p>
        ) : (
          <p className="lead">It stays a draft, seen only by its hosts, until you publish it.</p>
        )}
        <Form method="post" noValidate>
          {parent ? <input type="hidden" name="parent" value={parent.id} /> : null}
          <EventFields values={result?.values ?? (parent ? { kind: "meeting", format: "in_person" } : undefined)} errors={result?.errors} hosts={hosts} />
          <button type="submit" className="button">
            Save draft
          </button>
        </Form>
      </div>
    </>
  );
}
