import { TextArea, TextField } from "./form-field";
import { valueOf, type FormValues } from "~/utils/forms";
import { UK_DATE_HINT } from "~/utils/uk-dates";

/** A petition's wording and numbers: the same fields to start one and to edit a draft. */
export function PetitionFields({ values, errors }: { values?: FormValues; errors?: Record<string, string> }) {
  return (
    <>
      <TextField name="title" label="Title" limit={150} defaultValue={valueOf(values, "title")} error={errors?.title} />
      <TextField name="ask" label="The ask, in one sentence" limit={300} defaultValue={valueOf(values, "ask")} error={errors?.ask} />
      <TextArea name="why" label="Why it matters" hint="Markdown: # for headings, - for lists, [text](https://…) for links." limit={10_000} rows={8} defaultValue={valueOf(values, "why")} error={errors?.why} />
      <TextField name="addressedTo" label="Addressed to" limit={300} defaultValue={valueOf(values, "addressedTo")} error={errors?.addressedTo} />
      <TextField name="goal" inputMode="numeric" className="input--short" label="Signature goal" hint="For example, 10,000." defaultValue={valueOf(values, "goal")} error={errors?.goal} />
      <TextField name="milestones" label="Milestones (optional)" hint="Counts to announce on the campaign's timeline when passed, like 1,000 and 5,000. The goal is always announced." defaultValue={valueOf(values, "milestones")} error={errors?.milestones} />
      <TextField name="closesOn" className="input--short" label="Closing date (optional)" hint={`Day, month and year. It closes at the end of that day, UK time. ${UK_DATE_HINT}`} defaultValue={valueOf(values, "closesOn")} error={errors?.closesOn} />
    </>
  );
}

export const PETITION_FIELD_ORDER = ["title", "ask", "why", "addressedTo", "goal", "milestones", "closesOn"];
