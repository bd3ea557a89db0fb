import { Form } from "@remix-run/react";
import type { AskStatus } from "../../../db/schema";
import { ASK_STATUS_LABELS, ASK_STATUS_MEANINGS, statusAfterResponse } from "~/accountability/statuses";
import { ChoiceGroup, FieldError, TextArea, TextField } from "~/components/form-field";
import { valueOf, type FormValues } from "~/utils/forms";
import { UK_DATE_HINT } from "~/utils/uk-dates";

interface FormProps {
  values?: FormValues;
  errors?: Record<string, string>;
  /** The intent of the form the answer is for, so values and errors show in the right form. */
  intent: string;
  today: string;
}

/** Only the form that was sent gets its values and errors back. */
function mine(props: FormProps, intent: string) {
  return props.intent === intent ? { values: props.values, errors: props.errors, refused: true } : { values: undefined, errors: undefined, refused: false };
}

/** A dated step: the same status with a progress summary, or one of the statuses it may move to. */
export function StepForm({ status, next, ...props }: FormProps & { status: AskStatus; next: AskStatus[] }) {
  const { values, errors, refused } = mine(props, "step");
  return (
    <section className="section form" aria-labelledby="step-heading">
      <h2 id="step-heading">Add a step to the history</h2>
      <p>Each step is published with its date and stays in the history: nothing is overwritten. To correct a step, add another that says so.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="step" />
        <ChoiceGroup
          name="status"
          type="radio"
          legend="Where does the ask stand now?"
          error={errors?.status}
          options={next.map((s) => ({
            value: s,
            label: s === status ? `Still ${ASK_STATUS_LABELS[s].toLowerCase()}: a progress update` : ASK_STATUS_LABELS[s],
            hint: ASK_STATUS_MEANINGS[s],
          }))}
          selected={[refused ? valueOf(values, "status") : status]}
        />
        <TextField
          name="summary"
          label="What happened, in plain words"
          hint="For example, “The minister agreed to fund 3 of 9 regions; 2 have opened”."
          limit={500}
          defaultValue={valueOf(values, "summary")}
          error={errors?.summary}
        />
        <TextField
          name="happenedOn"
          className="input--short"
          label="When it happened"
          hint={`Day, month and year. ${UK_DATE_HINT}`}
          defaultValue={refused ? valueOf(values, "happenedOn") : props.today}
          error={errors?.happenedOn}
        />
        <button type="submit" className="button">
          Add the step
        </button>
      </Form>
    </section>
  );
}

/** A response received elsewhere (a letter by post, said at a meeting), published in their words with its source. */
export function ResponseForm({ status, next, targetName, ...props }: FormProps & { status: AskStatus; next: AskStatus[]; targetName: string }) {
  const { values, errors, refused } = mine(props, "response");
  const kept = statusAfterResponse(status);
  const options = [
    {
      value: "keep",
      label: kept === status ? `Keep it as ${ASK_STATUS_LABELS[status].toLowerCase()}` : `${ASK_STATUS_LABELS[kept]}: they answered`,
      hint: ASK_STATUS_MEANINGS[kept],
    },
    // A response is never "no response"; and the status "keep" gives is not offered twice.
    ...next.filter((s) => s !== status && s !== kept && s !== "no_response").map((s) => ({ value: s, label: ASK_STATUS_LABELS[s], hint: ASK_STATUS_MEANINGS[s] })),
  ];
  return (
    <section className="section form" aria-labelledby="response-heading">
      <h2 id="response-heading">Publish a response received elsewhere</h2>
      <p>When they answered by post, in a meeting or anywhere outside Chorus. It is published in their words, with where it came from and its date.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="response" />
        <TextArea
          name="body"
          label="Their response, in their words"
          hint="Copy it as they gave it. Markdown: # for headings, - for lists, [text](https://…) for links."
          limit={20_000}
          rows={8}
          defaultValue={valueOf(values, "body")}
          error={errors?.body}
        />
        <TextField name="responder" label="Who responded" limit={150} defaultValue={refused ? valueOf(values, "responder") : targetName} error={errors?.responder} />
        <TextField
          name="source"
          label="Where it came from"
          hint="For example, “Letter by post” or “Meeting on 3 March”."
          limit={150}
          defaultValue={valueOf(values, "source")}
          error={errors?.source}
        />
        <TextField
          name="receivedOn"
          className="input--short"
          label="When it was received"
          hint={`Day, month and year. ${UK_DATE_HINT}`}
          defaultValue={refused ? valueOf(values, "receivedOn") : props.today}
          error={errors?.receivedOn}
        />
        <ChoiceGroup name="meaning" type="radio" legend="What does it mean for the ask?" error={errors?.meaning} options={options} selected={[refused ? valueOf(values, "meaning") : "keep"]} />
        <TextField
          name="responseSummary"
          label="What they said, in plain words"
          hint="One line for the ask's summary, for example “Agreed to meet in March; no commitment yet”."
          limit={500}
          defaultValue={valueOf(values, "responseSummary")}
          error={errors?.responseSummary}
        />
        <button type="submit" className="button">
          Publish the response
        </button>
      </Form>
    </section>
  );
}

/** A fresh response link; the one sent before stops working. */
export function ResendForm({ link, ...props }: FormProps & { link: { sentOn: string; expiresOn: string | null; expired: boolean } | null }) {
  const { errors } = mine(props, "resend");
  return (
    <section className="section form" aria-labelledby="resend-heading">
      <h2 id="resend-heading">Send a new link to respond</h2>
      {link ? (
        <p>
          The last link was sent on {link.sentOn}
          {link.expiresOn ? (link.expired ? ` and stopped working on ${link.expiresOn}.` : ` and works until ${link.expiresOn}.`) : "."}
        </p>
      ) : (
        <p>No link has been sent for this ask yet.</p>
      )}
      <p>A new link is emailed to them with the ask. Any link sent before stops working, so only the newest can be used.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="resend" />
        <div className={errors?.resend ? "field field--error" : "field"} id="field-resend" tabIndex={-1}>
          <FieldError id="field-resend-error" message={errors?.resend} />
          <button type="submit" className="button button--secondary">
            Send a new link
          </button>
        </div>
      </Form>
    </section>
  );
}
