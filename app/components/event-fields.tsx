import type { ReactNode } from "react";
import { EVENT_FORMATS, EVENT_KINDS } from "../../db/schema";
import { BENEFITS_ADVICE_URL, EVENT_FORMAT_LABELS, EVENT_KIND_LABELS, EVENT_TIME_ZONES } from "~/events/labels";
import { valueOf, type FormValues } from "~/utils/forms";
import { REGION_NAMES } from "~/utils/postcode-regions";
import { UK_DATE_HINT } from "~/utils/uk-dates";
import { fieldId } from "./error-summary";
import { Checkbox, ChoiceGroup, describedBy, FieldError, FieldHint, TextArea, TextField } from "./form-field";

/** The order the fields appear in, for the error summary. */
export const EVENT_FIELD_ORDER = ["host", "title", "purpose", "audience", "kind", "format", "address", "accessNotes", "joinUrl", "region", "startDate", "startTime", "endDate", "endTime", "timeZone", "closesDate", "closesTime", "capacity", "visibility", "payment", "travelExpenses", "agenda", "agendaEasyRead"];

function Select({ name, label, hint, error, value, options }: { name: string; label: string; hint?: ReactNode; error?: string; value: string; options: Array<{ value: string; label: string }> }) {
  const id = fieldId(name);
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      <FieldError id={`${id}-error`} message={error} />
      <select className="select input" id={id} name={name} defaultValue={value} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** An event's details: the same fields create and edit it. Dates and times are typed, in the event's own time zone. */
export function EventFields({ values, errors, hosts }: { values: FormValues | undefined; errors: Record<string, string> | undefined; hosts: Array<{ value: string; label: string }> }) {
  const v = (name: string) => valueOf(values, name);
  return (
    <>
      <Select name="host" label="Who is hosting it" hint="Hosts see the registrations and any access needs people tell them about." error={errors?.host} value={v("host")} options={hosts} />
      <TextField name="title" label="Title" limit={150} defaultValue={v("title")} error={errors?.title} />
      <TextArea name="purpose" label="What it is for" hint="What will happen and what you hope comes out of it." limit={2000} rows={4} defaultValue={v("purpose")} error={errors?.purpose} />
      <TextField name="audience" label="Who it is for" hint="For example: anyone with lived experience of the benefits system, and supporters." limit={500} defaultValue={v("audience")} error={errors?.audience} />
      <ChoiceGroup name="kind" type="radio" legend="Type of event" error={errors?.kind} options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))} selected={[v("kind")]} />
      <ChoiceGroup name="format" type="radio" legend="Where it happens" error={errors?.format} options={EVENT_FORMATS.map((f) => ({ value: f, label: EVENT_FORMAT_LABELS[f] }))} selected={[v("format")]} />
      <TextArea name="address" label="Address (in person)" hint="Leave empty for an online event." limit={500} rows={3} defaultValue={v("address")} error={errors?.address} />
      <TextArea name="accessNotes" label="Access information (optional)" hint="Step-free access, the nearest accessible toilet, parking, quiet space, how to get there." limit={2000} rows={4} defaultValue={v("accessNotes")} error={errors?.accessNotes} />
      <TextField name="joinUrl" label="Joining link (online, optional)" hint="Shown only to people with a place, never on the public page. You can add it later." limit={2000} type="url" defaultValue={v("joinUrl")} error={errors?.joinUrl} />
      <Select name="region" label="Region (optional)" error={errors?.region} value={v("region")} options={[{ value: "", label: "Not in one region" }, ...REGION_NAMES.map((r) => ({ value: r, label: r }))]} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">When it happens</legend>
        <TextField name="startDate" className="input--short" label="Date" hint={`Day, month and year. ${UK_DATE_HINT}.`} defaultValue={v("startDate")} error={errors?.startDate} />
        <TextField name="startTime" className="input--short" label="Starts at" hint="24-hour clock, for example 10:30." inputMode="numeric" defaultValue={v("startTime")} error={errors?.startTime} />
        <TextField name="endTime" className="input--short" label="Ends at" hint="For example 13:00." inputMode="numeric" defaultValue={v("endTime")} error={errors?.endTime} />
        <TextField name="endDate" className="input--short" label="Ends on a later day (optional)" hint="Only if it runs past midnight or over several days." defaultValue={v("endDate")} error={errors?.endDate} />
        <Select name="timeZone" label="Time zone" hint="The times above are in this zone; people see them in it too." error={errors?.timeZone} value={v("timeZone") || "Europe/London"} options={EVENT_TIME_ZONES.map((z) => ({ value: z, label: z === "Europe/London" ? "UK time (Europe/London)" : z }))} />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Registration closes (optional)</legend>
        <FieldHint id="closes-hint">Leave both empty to take registrations until the event starts.</FieldHint>
        <TextField name="closesDate" className="input--short" label="Date registration closes" defaultValue={v("closesDate")} error={errors?.closesDate} />
        <TextField name="closesTime" className="input--short" label="Time registration closes" inputMode="numeric" defaultValue={v("closesTime")} error={errors?.closesTime} />
      </fieldset>
      <TextField name="capacity" className="input--short" label="Number of places (optional)" hint="When they are taken, people join a waiting list and move up when someone cancels. Leave empty for no limit." inputMode="numeric" defaultValue={v("capacity")} error={errors?.capacity} />
      <ChoiceGroup
        name="visibility"
        type="radio"
        legend="Who can register"
        error={errors?.visibility}
        options={[
          { value: "public", label: "Anyone", hint: "Members register in one step; anyone else with a name and an email address they confirm." },
          { value: "members", label: "Coalition members only" },
        ]}
        selected={[v("visibility") || "public"]}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Paying people for their lived expertise (optional)</legend>
        <FieldHint id="payment-hint">
          People taking part as experts by experience can opt in when they register. Registration pages say that payments can affect benefits and link to <a href={BENEFITS_ADVICE_URL}>advice on payments and benefits</a>.
        </FieldHint>
        <TextField name="payment" className="input--short" label="Involvement payment per session, in pounds" hint="For example 25 or 25.50. Leave empty if there is none." inputMode="decimal" defaultValue={v("payment")} error={errors?.payment} />
        <Checkbox name="travelExpenses" label="We pay travel expenses to experts by experience" defaultChecked={v("travelExpenses") === "yes"} error={errors?.travelExpenses} />
      </fieldset>
      <TextArea name="agenda" label="Agenda (optional)" hint="Markdown: ## for headings, - for lists." limit={20000} rows={6} defaultValue={v("agenda")} error={errors?.agenda} />
      <TextArea name="agendaEasyRead" label="Easy-read agenda (optional)" hint="Short sentences and everyday words." limit={20000} rows={6} defaultValue={v("agendaEasyRead")} error={errors?.agendaEasyRead} />
    </>
  );
}
