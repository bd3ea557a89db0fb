import { useEffect, useState, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { fieldId } from "./error-summary";
import { countOf } from "~/utils/plural";

/** The hint under a label, referenced by the control's aria-describedby. */
export function FieldHint({ id, children, className = "field__hint" }: { id: string; children: ReactNode; className?: string }) {
  return (
    <div className={className} id={id}>
      {children}
    </div>
  );
}

/** The error message next to a field (GOV.UK pattern): prefixed "Error:" for screen readers. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

/** aria-describedby for a control with an optional hint and error. */
export function describedBy(id: string, hint: unknown, error: unknown) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

interface FieldFrameProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: (wiring: { id: string; "aria-describedby"?: string; "aria-invalid"?: true }) => ReactNode;
}

/** Label, hint and error message wired to one control, as screen readers expect. */
function FieldFrame({ name, label, hint, error, children }: FieldFrameProps) {
  const id = fieldId(name);
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      <FieldError id={`${id}-error`} message={error} />
      {children({ id, "aria-describedby": describedBy(id, hint, error), "aria-invalid": error ? true : undefined })}
    </div>
  );
}

/** "Up to 120 characters." after any hint: the limits are said before anyone types, not only when they are missed. */
function hintWithLimit(hint: ReactNode, limit: number | undefined, minimum?: number) {
  if (!limit) return hint;
  const said = minimum ? `At least ${minimum.toLocaleString("en-GB")} and up to ${limit.toLocaleString("en-GB")} characters.` : `Up to ${limit.toLocaleString("en-GB")} characters.`;
  return hint ? (
    <>
      {hint} {said}
    </>
  ) : (
    said
  );
}

/**
 * With JavaScript, how many characters are left (GOV.UK's character count), announced politely after
 * typing pauses. Without it, the limit in the hint and the server's message do the job.
 */
function CharacterCount({ id, limit, minimum = 0, length }: { id: string; limit: number; minimum?: number; length: number | null }) {
  const [announced, setAnnounced] = useState<number | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(length), 600);
    return () => clearTimeout(timer);
  }, [length]);
  if (length === null) return null;
  const left = limit - length;
  const needed = minimum - length;
  // Until a minimum is met, progress towards it; after, what is left before the limit.
  const text =
    needed > 0
      ? `${countOf(needed, "more character")} needed`
      : left >= 0
        ? `You have ${countOf(left, "character")} left`
        : `You have ${countOf(-left, "character")} too many`;
  return (
    <>
      <p className={left < 0 ? "character-count character-count--over" : needed > 0 ? "character-count character-count--short" : "character-count"} aria-hidden="true">
        {text}
      </p>
      <p className="visually-hidden" id={`${id}-count`} aria-live="polite">
        {announced === null ? "" : text}
      </p>
    </>
  );
}

/** The length of what is typed, once hydrated (null on the server and before, so nothing is shown without JavaScript). */
function useTypedLength(initial: unknown) {
  const [length, setLength] = useState<number | null>(null);
  useEffect(() => setLength(typeof initial === "string" ? initial.length : 0), [initial]);
  return [length, (value: string) => setLength(value.length)] as const;
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The server's limit: stated in the hint and counted down as the member types. */
  limit?: number;
  /** The server's minimum, if any: stated in the hint, and counted up to. */
  minimum?: number;
};

export function TextField({ name, label, hint, error, className, limit, minimum, ...input }: TextFieldProps) {
  const [length, setLength] = useTypedLength(input.defaultValue);
  return (
    <FieldFrame name={name} label={label} hint={hintWithLimit(hint, limit, minimum)} error={error}>
      {(wiring) => (
        <>
          <input className={`input ${className ?? ""}`.trim()} name={name} type="text" {...wiring} {...input} onChange={limit ? (e) => setLength(e.currentTarget.value) : input.onChange} />
          {limit ? <CharacterCount id={wiring.id} limit={limit} minimum={minimum} length={length} /> : null}
        </>
      )}
    </FieldFrame>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The server's limit: stated in the hint and counted down as the member types. */
  limit?: number;
  /** The server's minimum, if any: stated in the hint, and counted up to ("87 more characters needed"). */
  minimum?: number;
};

export function TextArea({ name, label, hint, error, limit, minimum, ...textarea }: TextAreaProps) {
  const [length, setLength] = useTypedLength(textarea.defaultValue);
  return (
    <FieldFrame name={name} label={label} hint={hintWithLimit(hint, limit, minimum)} error={error}>
      {(wiring) => (
        <>
          <textarea className="textarea" name={name} rows={5} {...wiring} {...textarea} onChange={limit ? (e) => setLength(e.currentTarget.value) : textarea.onChange} />
          {limit ? <CharacterCount id={wiring.id} limit={limit} minimum={minimum} length={length} /> : null}
        </>
      )}
    </FieldFrame>
  );
}

/** A labelled drop-down (filters and comparisons), wired like the other fields. */
export function SelectField({ id, name, label, options, defaultValue }: {
  id: string;
  name: string;
  label: ReactNode;
  options: Array<{ value: string | number; label: string }>;
  defaultValue?: string | number;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select className="select input" id={id} name={name} defaultValue={defaultValue}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A fieldset of checkboxes or radios sharing one name, with one legend, hint and error. */
export function ChoiceGroup({
  name,
  legend,
  hint,
  error,
  type,
  options,
  selected,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  type: "checkbox" | "radio";
  options: Array<{ value: string; label: ReactNode; hint?: ReactNode }>;
  selected: string[];
}) {
  const id = fieldId(name);
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
        <FieldError id={`${id}-error`} message={error} />
        <div className="choices">
          {options.map((option, index) => {
            // The first option carries the group's id (the error summary links to it); option hints get
            // their own ids so they never collide with the group's hint.
            const optionId = index === 0 ? id : `${id}-${index}`;
            const optionHintId = `${id}-option-${index}-hint`;
            return (
              <div className="choice" key={option.value}>
                <input
                  className="choice__input"
                  type={type}
                  id={optionId}
                  name={name}
                  value={option.value}
                  defaultChecked={selected.includes(option.value)}
                  aria-describedby={option.hint ? optionHintId : undefined}
                />
                <label className="choice__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint ? (
                  <FieldHint id={optionHintId} className="choice__hint">
                    {option.hint}
                  </FieldHint>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** One checkbox that must be ticked or may be (consents, confirmations). */
export function Checkbox({ name, label, hint, error, defaultChecked, value = "yes" }: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultChecked?: boolean;
  value?: string;
}) {
  const id = fieldId(name);
  return (
    <div className={error ? "field field--error" : "field"}>
      <FieldError id={`${id}-error`} message={error} />
      <div className="choice">
        <input
          className="choice__input"
          type="checkbox"
          id={id}
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
        />
        <label className="choice__label" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <FieldHint id={`${id}-hint`} className="choice__hint">
            {hint}
          </FieldHint>
        ) : null}
      </div>
    </div>
  );
}
