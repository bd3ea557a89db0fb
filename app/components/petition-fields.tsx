import { Link } from "@remix-run/react";
import { ChoiceGroup, TextArea, TextField } from "./form-field";
import { valueOf, valuesOf, type FormValues } from "~/utils/forms";
import { UK_DATE_HINT } from "~/utils/uk-dates";

/** A decision maker from the directory, as the petition forms offer them. */
export type TargetChoice = { id: string; label: string; bounced: boolean };

/** What has already asked on an open petition, and so can no longer change. */
export type AsksLocked = { targets: boolean; response: boolean; meeting: boolean };

const NOTHING_LOCKED: AsksLocked = { targets: false, response: false, meeting: false };

/** A petition's wording and numbers: the same fields to start one and to edit a draft. */
export function PetitionFields({ values, errors, targets }: { values?: FormValues; errors?: Record<string, string>; targets: TargetChoice[] }) {
  return (
    <>
      <TextField name="title" label="Title" limit={150} defaultValue={valueOf(values, "title")} error={errors?.title} />
      <TextField name="ask" label="The ask, in one sentence" limit={300} defaultValue={valueOf(values, "ask")} error={errors?.ask} />
      <TextArea name="why" label="Why it matters" hint="Markdown: # for headings, - for lists, [text](https://…) for links." limit={10_000} rows={8} defaultValue={valueOf(values, "why")} error={errors?.why} />
      <TextField name="addressedTo" label="Addressed to" hint="How the petition names them, in your words." limit={300} defaultValue={valueOf(values, "addressedTo")} error={errors?.addressedTo} />
      <TextField name="goal" inputMode="numeric" className="input--short" label="Signature goal" hint="For example, 10,000." defaultValue={valueOf(values, "goal")} error={errors?.goal} />
      <TextField name="milestones" label="Milestones (optional)" hint="Counts to announce on the campaign's timeline when passed, like 1,000 and 5,000. The goal is always announced." defaultValue={valueOf(values, "milestones")} error={errors?.milestones} />
      <TextField name="closesOn" className="input--short" label="Closing date (optional)" hint={`Day, month and year. It closes at the end of that day, UK time. ${UK_DATE_HINT}`} defaultValue={valueOf(values, "closesOn")} error={errors?.closesOn} />
      <PetitionAsksFields values={values} errors={errors} targets={targets} />
    </>
  );
}

/**
 * The decision makers a petition asks and the counts at which it asks them. On an open petition
 * these are the only fields that still change, until each threshold has asked (`locked`).
 */
export function PetitionAsksFields({ values, errors, targets, locked = NOTHING_LOCKED }: { values?: FormValues; errors?: Record<string, string>; targets: TargetChoice[]; locked?: AsksLocked }) {
  const chosen = valuesOf(values, "targetIds");
  return (
    <>
      {locked.targets ? (
        <div className="field">
          <p className="fieldset__legend">Decision makers it asks</p>
          <p className="field__hint">They were asked when the petition passed a threshold, so they stay as they are.</p>
          <ul>
            {targets
              .filter((t) => chosen.includes(t.id))
              .map((t) => (
                <li key={t.id}>
                  {t.label}
                  <input type="hidden" name="targetIds" value={t.id} />
                </li>
              ))}
          </ul>
        </div>
      ) : targets.length ? (
        <ChoiceGroup
          name="targetIds"
          type="checkbox"
          legend="Decision makers it asks (optional)"
          hint="From the directory. When the petition reaches a threshold below, each of them is emailed the petition, its count and a link to respond in public."
          error={errors?.targetIds}
          options={targets.map((t) => ({ value: t.id, label: t.label, hint: t.bounced ? "Their address bounced: they cannot be emailed until it is fixed." : undefined }))}
          selected={chosen}
        />
      ) : (
        <div className={errors?.targetIds ? "field field--error" : "field"}>
          <p className="fieldset__legend" id="field-targetIds">
            Decision makers it asks
          </p>
          {errors?.targetIds ? <p className="field__error">{errors.targetIds}</p> : null}
          <p className="field__hint">The directory is empty, so thresholds cannot ask anyone yet.</p>
        </div>
      )}
      {targets.length && !locked.targets ? (
        <p className="small">
          Someone missing? <Link to="/targets/new">Add a decision maker</Link> (this form keeps nothing: add them first).
        </p>
      ) : null}
      <ThresholdField
        name="responseThreshold"
        label="Response threshold (optional)"
        hint="When this many people have confirmed, the decision makers you chose are asked for a response, once, automatically. For example, 10,000. If the petition is open and has already passed it, they are asked as soon as you save. You can change it until it has asked."
        lockedHint="The decision makers were asked for a response when the petition passed it, so it stays as it is."
        locked={locked.response}
        values={values}
        errors={errors}
      />
      <ThresholdField
        name="meetingThreshold"
        label="Meeting threshold (optional)"
        hint="A higher count at which they are asked to meet the campaign, once, automatically. For example, 50,000."
        lockedHint="The decision makers were asked for a meeting when the petition passed it, so it stays as it is."
        locked={locked.meeting}
        values={values}
        errors={errors}
      />
    </>
  );
}

function ThresholdField({ name, label, hint, lockedHint, locked, values, errors }: { name: string; label: string; hint: string; lockedHint: string; locked: boolean; values?: FormValues; errors?: Record<string, string> }) {
  if (locked)
    return (
      <div className="field">
        <p className="fieldset__legend">{label.replace(" (optional)", "")}</p>
        <p>
          {valueOf(values, name)} signatures. <span className="field__hint">{lockedHint}</span>
        </p>
        <input type="hidden" name={name} value={valueOf(values, name)} />
      </div>
    );
  return <TextField name={name} inputMode="numeric" className="input--short" label={label} hint={hint} defaultValue={valueOf(values, name)} error={errors?.[name]} />;
}

export const PETITION_ASKS_FIELD_ORDER = ["targetIds", "responseThreshold", "meetingThreshold"];
export const PETITION_FIELD_ORDER = ["title", "ask", "why", "addressedTo", "goal", "milestones", "closesOn", ...PETITION_ASKS_FIELD_ORDER];
