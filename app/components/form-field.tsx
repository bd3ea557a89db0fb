import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { fieldId } from "./error-summary";

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

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
};

export function TextField({ name, label, hint, error, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(wiring) => <input className={`input ${className ?? ""}`.trim()} name={name} type="text" {...wiring} {...input} />}
    </FieldFrame>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
};

export function TextArea({ name, label, hint, error, ...textarea }: TextAreaProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {(wiring) => <textarea className="textarea" name={name} rows={5} {...wiring} {...textarea} />}
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
            const optionId = index === 0 ? id : `${id}-${index}`;
            return (
              <div className="choice" key={option.value}>
                <input
                  className="choice__input"
                  type={type}
                  id={optionId}
                  name={name}
                  value={option.value}
                  defaultChecked={selected.includes(option.value)}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                />
                <label className="choice__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint ? (
                  <FieldHint id={`${optionId}-hint`} className="choice__hint">
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
