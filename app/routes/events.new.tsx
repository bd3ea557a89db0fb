import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { EVENT_FIELD_ORDER, EventFields } from "~/components/event-fields";
import { EventSchema } from "~/events/forms";
import { requireMember } from "~/members/session.server";
import { hostOptions } from "~/events/access.server";
import { createEvent } from "~/services/event.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { forbidden, invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Create an event", "Events");

async function requireHostingMember(request: Request) {
  const member = await requireMember(request);
  const hosts = await hostOptions(member);
  if (!hosts.length) forbidden();
  return { member, hosts };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { hosts } = await requireHostingMember(request);
  return { hosts };
}

export async function action({ request }: ActionFunctionArgs) {
  const { member } = await requireHostingMember(request);
  const parsed = parseForm(EventSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await createEvent(db, member, parsed.data);
  if (!result.ok) return invalid({ host: "Choose who is hosting the event from the list" }, {});
  return redirectWithFlash(request, `/events/${result.id}`, { kind: "success", message: "The event is saved as a draft. Only its hosts can see it until you publish it." });
}

export default function NewEvent() {
  const { hosts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/events">Back to events</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={result?.errors} order={EVENT_FIELD_ORDER} />
        <h1>Create an event</h1>
        <p className="lead">It stays a draft, seen only by its hosts, until you publish it.</p>
        <Form method="post" noValidate>
          <EventFields values={result?.values} errors={result?.errors} hosts={hosts} />
          <button type="submit" className="button">
            Save draft
          </button>
        </Form>
      </div>
    </>
  );
}
