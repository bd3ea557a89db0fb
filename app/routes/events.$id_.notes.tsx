import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextArea, TextField } from "~/components/form-field";
import { requireEventHost } from "~/events/access.server";
import { NotesSchema, OutcomeSchema } from "~/events/forms";
import { countRegistrations, listOutcomes } from "~/models/event.server";
import { addOutcome, removeOutcome, saveNotes } from "~/services/event.server";
import { db } from "~/utils/db.server";
import { IdField } from "~/utils/fields";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { badRequest, invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";
import { z } from "zod";
import { EventOutcomes } from "./events.$id/outcomes";

export const meta: MetaFunction = (args) => pageTitle(args, "Notes and outcomes", "Events");

/** After the event: the notes (decisions and actions), how many came, and what came out of it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventHost(request, params.id);
  const [outcomes, counts] = await Promise.all([listOutcomes(db, event.id), countRegistrations(db, event.id)]);
  return { event: { id: event.id, title: event.title, minutes: event.minutes ?? "", attendedCount: event.attended_count }, outcomes, marked: counts.attended };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await requireEventHost(request, params.id);
  const formData = await request.formData();
  const back = `/events/${event.id}/notes`;
  switch (formData.get("intent")) {
    case "notes": {
      const parsed = parseForm(NotesSchema, formData);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      await saveNotes(db, event.id, parsed.data);
      return redirectWithFlash(request, `/events/${event.id}#notes-heading`, { kind: "success", message: "The notes are saved and shown on the event's page." });
    }
    case "outcome": {
      const parsed = parseForm(OutcomeSchema, formData);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const result = await addOutcome(db, event.id, parsed.data.link, parsed.data.note);
      if (!result.ok) return invalid({ link: "There is no published demand, amendment or campaign at that address" }, formValues(formData, OutcomeSchema));
      return redirectWithFlash(request, `${back}#outcomes-heading`, { kind: "success", message: "The link is added." });
    }
    case "remove-outcome": {
      const parsed = parseForm(z.object({ outcomeId: IdField }), formData);
      if (!parsed.ok) badRequest();
      await removeOutcome(db, event.id, parsed.data.outcomeId);
      return redirectWithFlash(request, back, { kind: "success", message: "The link is removed." });
    }
    default:
      badRequest();
  }
}

export default function EventNotes() {
  const { event, outcomes, marked } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/events/${event.id}`}>Back to the event</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={result?.errors} order={["minutes", "attendedCount", "link", "note"]} />
        <h1>Notes and outcomes: &ldquo;{event.title}&rdquo;</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="notes" />
          <TextArea name="minutes" label="Notes or minutes" hint="Markdown. Say what was decided and who will do what. Never name people who came, or anyone's access needs." limit={50000} rows={12} defaultValue={valueOf(result?.values, "minutes") || event.minutes} error={result?.errors?.minutes} />
          <TextField
            name="attendedCount"
            className="input--short"
            label="How many people came (optional)"
            hint={`Shown on the event's page as a number, never with names.${marked ? ` You marked ${marked.toLocaleString("en-GB")} as having come.` : ""}`}
            inputMode="numeric"
            defaultValue={valueOf(result?.values, "attendedCount") || (event.attendedCount === null ? "" : String(event.attendedCount))}
            error={result?.errors?.attendedCount}
          />
          <button type="submit" className="button">
            Save notes
          </button>
        </Form>
        <EventOutcomes outcomes={outcomes} />
        {outcomes.length ? (
          <ul className="button-list">
            {outcomes.map((o) => (
              <li key={o.id}>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-outcome" />
                  <input type="hidden" name="outcomeId" value={o.id} />
                  <button type="submit" className="button button--secondary">
                    Remove the link to {o.demand_title ?? o.campaign_title ?? `the amendment to “${o.amendment_demand_title}”`}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
        <h2>Link what came out of it</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="outcome" />
          <TextField name="link" label="Address of a demand, amendment or campaign" hint="Copy it from the page, for example /demands/12." limit={300} defaultValue={valueOf(result?.values, "link")} error={result?.errors?.link} />
          <TextField name="note" label="How it came out of the event (optional)" hint="For example: proposed at the March assembly." limit={300} defaultValue={valueOf(result?.values, "note")} error={result?.errors?.note} />
          <button type="submit" className="button button--secondary">
            Add the link
          </button>
        </Form>
      </div>
    </>
  );
}
