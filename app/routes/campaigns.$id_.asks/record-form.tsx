import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { AskChannel, TargetRole } from "../../../db/schema";
import { ASK_CHANNEL_LABELS } from "~/accountability/statuses";
import { fieldId } from "~/components/error-summary";
import { describedBy, FieldError, FieldHint, ChoiceGroup, Checkbox, TextArea, TextField } from "~/components/form-field";
import { TARGET_ROLE_PLURALS } from "~/letters/rules";
import { valueOf, type FormValues } from "~/utils/forms";
import { UK_DATE_HINT } from "~/utils/uk-dates";

export interface Choice {
  id: number;
  label: string;
}

/** The decision makers in the directory, grouped by role, each labelled with what the name does not already say. */
export type TargetGroups = Array<{ role: TargetRole; targets: Choice[] }>;

/** A drop-down with its label, hint and error wired as the other fields are; options may be grouped. */
function Select({ name, label, hint, error, empty, groups, selected }: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  empty: string;
  groups: Array<{ label: string | null; options: Choice[] }>;
  selected: string;
}) {
  const id = fieldId(name);
  const options = (list: Choice[]) =>
    list.map((o) => (
      <option key={o.id} value={o.id}>
        {o.label}
      </option>
    ));
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      <FieldError id={`${id}-error`} message={error} />
      <select className="select input" id={id} name={name} defaultValue={selected} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
        <option value="">{empty}</option>
        {groups.map((g) =>
          g.label ? (
            <optgroup key={g.label} label={g.label}>
              {options(g.options)}
            </optgroup>
          ) : (
            options(g.options)
          ),
        )}
      </select>
    </div>
  );
}

const CHANNEL_HINTS: Record<AskChannel, string> = {
  letter_campaign: "Supporters wrote to them through one of this campaign's letter campaigns.",
  petition: "A petition of this campaign was handed to them.",
  meeting: "You asked them in person or online.",
  other: "An email, a question at a public meeting, a consultation response.",
};

/** Recording what the campaign asked a decision maker; the ask can be emailed to them with a link to answer. */
export function RecordAskForm({ targets, petitions, letterCampaigns, values, errors, today }: {
  targets: TargetGroups;
  petitions: Choice[];
  letterCampaigns: Choice[];
  values?: FormValues;
  errors?: Record<string, string>;
  today: string;
}) {
  const refused = values !== undefined;
  return (
    <section className="section form" aria-labelledby="record-heading">
      <h2 id="record-heading">Record an ask</h2>
      <p>Record each time the campaign asks a decision maker for something. The ask, its status and any answer are published on the campaign&apos;s page.</p>
      <Form method="post" noValidate className="record-ask-form">
        <Select
          name="targetId"
          label="Who was asked"
          hint="Decision makers from the directory. If they are not listed, add them to the directory first."
          error={errors?.targetId}
          empty="Choose a decision maker"
          groups={targets.map((g) => ({ label: capitalise(TARGET_ROLE_PLURALS[g.role]), options: g.targets }))}
          selected={valueOf(values, "targetId")}
        />
        <TextArea
          name="request"
          label="What was asked"
          hint="In plain words, as you asked it: it is published with the ask."
          limit={5_000}
          minimum={10}
          rows={5}
          defaultValue={valueOf(values, "request")}
          error={errors?.request}
        />
        <ChoiceGroup
          name="channel"
          type="radio"
          legend="How were they asked?"
          error={errors?.channel}
          options={(Object.keys(ASK_CHANNEL_LABELS) as AskChannel[]).map((value) => ({ value, label: ASK_CHANNEL_LABELS[value], hint: CHANNEL_HINTS[value] }))}
          selected={[valueOf(values, "channel")]}
        />
        <div className="ask-channel-detail ask-channel-detail--petition">
          <Select
            name="petitionId"
            label="Which petition (for a petition delivery)"
            hint={petitions.length ? undefined : "This campaign has no petitions yet."}
            error={errors?.petitionId}
            empty="Choose a petition"
            groups={[{ label: null, options: petitions }]}
            selected={valueOf(values, "petitionId")}
          />
        </div>
        <div className="ask-channel-detail ask-channel-detail--letter_campaign">
          <Select
            name="letterCampaignId"
            label="Which letter campaign (for a letter campaign)"
            hint={letterCampaigns.length ? undefined : "This campaign has no letter campaigns yet."}
            error={errors?.letterCampaignId}
            empty="Choose a letter campaign"
            groups={[{ label: null, options: letterCampaigns }]}
            selected={valueOf(values, "letterCampaignId")}
          />
        </div>
        <TextField name="link" type="url" label="Link (optional)" hint="Where the ask can be read, for example the meeting's minutes." defaultValue={valueOf(values, "link")} error={errors?.link} />
        <TextField
          name="askedOn"
          className="input--short"
          label="When they were asked"
          hint={`Day, month and year. ${UK_DATE_HINT}`}
          defaultValue={refused ? valueOf(values, "askedOn") : today}
          error={errors?.askedOn}
        />
        <Checkbox
          name="sendLink"
          label="Email them this ask with a link to respond"
          hint="The link lets them answer without an account. Their answer is published at once, in their own words, with the date."
          defaultChecked={refused ? valueOf(values, "sendLink") === "yes" : true}
          error={errors?.sendLink}
        />
        <button type="submit" className="button">
          Record the ask
        </button>
      </Form>
    </section>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
