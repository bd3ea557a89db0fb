import { valueOf } from "~/utils/forms";
import { UK_DATE_HINT } from "~/utils/uk-dates";
import { TextArea, TextField } from "./form-field";

/** A campaign's public details, the same when starting and when editing. */
export function CampaignFields({ values, errors }: { values: Record<string, string | string[]> | undefined; errors: Record<string, string> | undefined }) {
  return (
    <>
      <TextField name="title" label="Campaign title" hint="What the campaign wants, in a few words." limit={150} defaultValue={valueOf(values, "title")} error={errors?.title} />
      <TextArea name="pitch" label="Short pitch" hint="Two or three sentences for the public page and for shared links." limit={500} rows={3} defaultValue={valueOf(values, "pitch")} error={errors?.pitch} />
      <TextArea name="ask" label="The ask" hint="Exactly what the campaign asks decision makers to do." limit={2000} rows={5} defaultValue={valueOf(values, "ask")} error={errors?.ask} />
      <TextField name="target" label="Who it is aimed at" hint="For example: the Secretary of State for Work and Pensions, and MPs on the Work and Pensions Committee." limit={300} defaultValue={valueOf(values, "target")} error={errors?.target} />
      <TextField
        name="endsOn"
        className="input--short"
        label="End date (optional)"
        hint={`Day, month and year. ${UK_DATE_HINT}. Leave empty if the campaign runs until it is won or closed.`}
        defaultValue={valueOf(values, "endsOn")}
        error={errors?.endsOn}
      />
    </>
  );
}
