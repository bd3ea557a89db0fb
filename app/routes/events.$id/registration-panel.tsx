import { Form, Link } from "@remix-run/react";
import { ACCESS_NEEDS } from "../../../db/schema";
import { ErrorSummary } from "~/components/error-summary";
import { Checkbox, ChoiceGroup, TextArea, TextField } from "~/components/form-field";
import { ACCESS_NEED_LABELS, BENEFITS_ADVICE_URL, BENEFITS_SENTENCE } from "~/events/labels";
import { valueOf, valuesOf, type FieldErrors, type FormValues } from "~/utils/forms";

interface PanelData {
  event: { id: number; status: string; visibility: string; joinUrl: string | null; closes: string; placesLeft: number | null; payment: string | null; travelExpenses: boolean; format: string };
  openness: "open" | "not-published" | "closed" | "ended";
  signedIn: boolean;
  registration: { status: "registered" | "waiting" | "pending" | "cancelled"; position: number; toldNeeds: boolean; expert: boolean } | null;
}

/** Access needs, and payment for lived expertise when the event offers it: the same for members and the public. */
function Questions({ values, errors, payment, travelExpenses }: { values: FormValues | undefined; errors: FieldErrors | undefined; payment: string | null; travelExpenses: boolean }) {
  return (
    <>
      <ChoiceGroup
        name="needs"
        type="checkbox"
        legend="Access needs (optional)"
        hint="What would help you take part? Only the hosts see this, and it is deleted 30 days after the event."
        error={errors?.needs}
        options={ACCESS_NEEDS.map((need) => ({ value: need, label: ACCESS_NEED_LABELS[need] }))}
        selected={valuesOf(values, "needs")}
      />
      <TextField name="dietary" label="Dietary needs (optional)" limit={500} defaultValue={valueOf(values, "dietary")} error={errors?.dietary} />
      <TextArea name="otherNeeds" label="Anything else that would help (optional)" limit={1000} rows={3} defaultValue={valueOf(values, "otherNeeds")} error={errors?.otherNeeds} />
      {payment || travelExpenses ? (
        <div className="notice">
          <p>
            {payment ? `The hosts pay ${payment} a session to people taking part as experts by experience` : "The hosts pay experts by experience their travel expenses"}
            {payment && travelExpenses ? ", and their travel expenses." : "."}
          </p>
          <p>
            {BENEFITS_SENTENCE} <a href={BENEFITS_ADVICE_URL}>Read advice on payments and benefits</a>.
          </p>
          <Checkbox name="expert" label="I am taking part as an expert by experience and would like to be paid" defaultChecked={valueOf(values, "expert") === "yes"} error={errors?.expert} />
          {travelExpenses ? <Checkbox name="travel" label="I will claim travel expenses" defaultChecked={valueOf(values, "travel") === "yes"} error={errors?.travel} /> : null}
        </div>
      ) : null}
    </>
  );
}

/** Registering, or what the viewer's registration is and the one button that gives it up. */
export function RegistrationPanel({ data, result }: { data: PanelData; result: { errors?: FieldErrors; values?: FormValues } | undefined }) {
  const { event, registration, openness } = data;
  const full = event.placesLeft === 0;
  return (
    <section className="card event-register" id="register" aria-labelledby="register-heading">
      <h2 id="register-heading">{registration ? (registration.status === "registered" ? "You have a place" : "You are on the waiting list") : "Register"}</h2>
      {registration ? (
        <>
          {registration.status === "waiting" ? <p>You are number {registration.position.toLocaleString("en-GB")} on the waiting list. If a place comes free, it is yours and we will email you.</p> : null}
          {registration.status === "registered" && event.joinUrl ? (
            <p>
              Joining link: <a href={event.joinUrl} className="event-join-link">{event.joinUrl}</a>
            </p>
          ) : null}
          {registration.status === "registered" && event.format !== "in_person" && !event.joinUrl ? <p>The hosts will add the joining link here before the event.</p> : null}
          {registration.toldNeeds ? <p>You told the hosts about access needs. Only they can see them.</p> : null}
          {registration.expert ? <p>You asked to be paid as an expert by experience.</p> : null}
          {openness !== "ended" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button button--secondary">
                {registration.status === "registered" ? "Give up my place" : "Leave the waiting list"}
              </button>
            </Form>
          ) : null}
        </>
      ) : openness === "open" ? (
        <>
          <ErrorSummary errors={result?.errors} order={["name", "email", "needs", "dietary", "otherNeeds", "expert", "travel"]} />
          {full ? <p>The event is full. Register to join the waiting list: places that come free go to whoever has waited longest.</p> : null}
          <p className="muted">Registration closes {data.event.closes}.</p>
          {data.signedIn ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="register" />
              <Questions values={result?.values} errors={result?.errors} payment={event.payment} travelExpenses={event.travelExpenses} />
              <button type="submit" className="button">
                {full ? "Join the waiting list" : "Register"}
              </button>
            </Form>
          ) : event.visibility === "public" ? (
            <>
              <p>
                Members <Link to={`/sign-in?redirectTo=/events/${event.id}`}>sign in</Link> to register in one step. Or register with your name and email address:
              </p>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="register-public" />
                <TextField name="name" label="Your name" hint="The name the hosts will know you by. It does not have to be your full name." limit={100} autoComplete="name" defaultValue={valueOf(result?.values, "name")} error={result?.errors?.name} />
                <TextField name="email" label="Email address" hint="We send a link to confirm your place. We use it only for this event." type="email" autoComplete="email" spellCheck={false} defaultValue={valueOf(result?.values, "email")} error={result?.errors?.email} />
                <Questions values={result?.values} errors={result?.errors} payment={event.payment} travelExpenses={event.travelExpenses} />
                <button type="submit" className="button">
                  {full ? "Join the waiting list" : "Register"}
                </button>
              </Form>
            </>
          ) : null}
        </>
      ) : (
        <p>{openness === "ended" ? "This event has happened." : openness === "closed" ? "Registration has closed." : event.status === "cancelled" ? "This event has been cancelled." : "Registration opens when the event is published."}</p>
      )}
    </section>
  );
}
