import { Form } from "@remix-run/react";
import { fieldId } from "~/components/error-summary";
import { describedBy, FieldError, FieldHint } from "~/components/form-field";
import { REASON_WORDING, REVIEW_REASON_MAX } from "~/stories/moderation-forms";
import { valueOf, type FieldErrors, type FormValues } from "~/utils/forms";

type ReasonDecision = keyof typeof REASON_WORDING;

/**
 * The four decisions, each a form of its own so that each reason box says who will read it: publish;
 * ask for a change and decline (the teller reads the reason); the safeguarding route (the reason stays
 * within the coalition). Plain forms: they work without JavaScript.
 */
export function DecisionForms({ errors, values }: { errors: FieldErrors | undefined; values: FormValues | undefined }) {
  return (
    <section className="section" aria-labelledby="decide-heading">
      <h2 id="decide-heading">Your decision</h2>
      <div className="story-decisions">
        <Form method="post" className="form story-decision" noValidate>
          <h3>Publish it</h3>
          <p>The people its teller chose can read it at once, under the name they chose. The teller is emailed, and people following its demands hear that a new story was published (never its title or words).</p>
          <input type="hidden" name="decision" value="published" />
          <button type="submit" className="button">
            Publish it
          </button>
        </Form>
        {(Object.keys(REASON_WORDING) as ReasonDecision[]).map((decision) => (
          <ReasonForm key={decision} decision={decision} error={errors?.[`reason-${decision}`]} value={valueOf(values, "decision") === decision ? valueOf(values, "reason") : ""} />
        ))}
      </div>
    </section>
  );
}

const HEADINGS: Record<ReasonDecision, string> = {
  changes_requested: "Ask the teller to change something",
  declined: "Decline it",
  safeguarding: "Pass it to the safeguarding route",
};

function ReasonForm({ decision, error, value }: { decision: ReasonDecision; error: string | undefined; value: string }) {
  const wording = REASON_WORDING[decision];
  const name = `reason-${decision}`;
  const id = fieldId(name);
  const hint = `${wording.hint} Up to ${REVIEW_REASON_MAX.toLocaleString("en-GB")} characters.`;
  return (
    <Form method="post" className={decision === "safeguarding" ? "form story-decision story-decision--safeguarding" : "form story-decision"} noValidate>
      <h3>{HEADINGS[decision]}</h3>
      <input type="hidden" name="decision" value={decision} />
      <div className={error ? "field field--error" : "field"}>
        <label className="field__label" htmlFor={id}>
          {wording.label}
        </label>
        <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
        <FieldError id={`${id}-error`} message={error} />
        <textarea
          className="textarea"
          id={id}
          name="reason"
          rows={4}
          maxLength={REVIEW_REASON_MAX}
          defaultValue={value}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <button type="submit" className={decision === "changes_requested" ? "button button--secondary" : "button button--warning"}>
        {wording.button}
      </button>
    </Form>
  );
}
