import { Form } from "@remix-run/react";
import { ENTRY_KINDS } from "~/campaigns/labels";
import { ChoiceGroup, TextArea, TextField } from "~/components/form-field";
import { valueOf, type FormValues } from "~/utils/forms";
import { toUkDateInput, UK_DATE_HINT } from "~/utils/uk-dates";

interface FormProps {
  values?: FormValues;
  errors?: Record<string, string>;
  /** The intent of the form the answer is for, so errors show beside the right form. */
  intent: string;
}

/** An update or a milestone for the campaign's public timeline. */
export function TimelineForm({ values, errors, intent, today }: FormProps & { today: string }) {
  return (
  <section className="section form" aria-labelledby="entry-heading">
    <h2 id="entry-heading">Post to the timeline</h2>
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="entry" />
      <ChoiceGroup
        name="kind"
        type="radio"
        legend="What is it?"
        error={intent === "entry" ? errors?.kind : undefined}
        options={Object.entries(ENTRY_KINDS).map(([value, label]) => ({ value, label }))}
        selected={[valueOf(values, "kind") || "update"]}
      />
      <TextField name="headline" label="Headline" limit={150} defaultValue={valueOf(values, "headline")} error={errors?.headline} />
      <TextArea
        name="text"
        label="Text (optional)"
        hint="Markdown: # for headings, - for lists, [text](https://…) for links."
        limit={10_000}
        rows={6}
        defaultValue={valueOf(values, "text")}
        error={errors?.text}
      />
      <TextField name="link" type="url" label="Link (optional)" hint="For example, the published response." defaultValue={valueOf(values, "link")} error={errors?.link} />
      <TextField
        name="happenedOn"
        className="input--short"
        label="When it happened"
        hint={`Day, month and year. ${UK_DATE_HINT}`}
        defaultValue={(intent === "entry" && valueOf(values, "happenedOn")) || toUkDateInput(today)}
        error={intent === "entry" ? errors?.happenedOn : undefined}
      />
      <button type="submit" className="button">
        Post
      </button>
    </Form>
  </section>
  );
}

/** Ending the campaign as won or closed; the answer asks to confirm before anything changes. */
export function EndForm({ values, errors, intent }: FormProps) {
  return (
  <section className="danger-zone section" aria-labelledby="end-heading">
    <h2 id="end-heading">End the campaign</h2>
    <p>When the demand is won, or the coalition decides to stop, end the campaign. You will be asked to confirm.</p>
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="end" />
      <ChoiceGroup
        name="outcome"
        type="radio"
        legend="How did it end?"
        error={intent === "end" ? errors?.outcome : undefined}
        options={[
          { value: "won", label: "Won: the change we asked for is happening" },
          { value: "closed", label: "Closed: we are stopping without winning it" },
        ]}
        selected={[valueOf(values, "outcome")]}
      />
      <TextField name="result" label="What happened, in a line" limit={150} defaultValue={valueOf(values, "result")} error={errors?.result} />
      <TextArea name="resultText" label="More detail (optional)" limit={10_000} rows={4} defaultValue={valueOf(values, "resultText")} error={errors?.resultText} />
      <TextField name="resultLink" type="url" label="A link about it (optional)" defaultValue={valueOf(values, "resultLink")} error={errors?.resultLink} />
      <button type="submit" className="button button--warning">
        End the campaign…
      </button>
    </Form>
  </section>
  );
}
