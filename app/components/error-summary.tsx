import { useEffect, useRef } from "react";
import type { FieldErrors } from "~/utils/forms";

/**
 * The GOV.UK error summary: at the top of the form, focused when it appears, each message a link
 * to its field. `order` lists field names in the order they appear on the page.
 */
export function ErrorSummary({ errors, order }: { errors: FieldErrors | undefined; order?: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = errors ? Object.entries(errors) : [];
  const key = entries.map(([name, message]) => `${name}:${message}`).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (entries.length === 0) return null;
  const sorted = order ? [...entries].sort(([a], [b]) => rank(order, a) - rank(order, b)) : entries;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {sorted.map(([name, message]) => (
          <li key={name}>{name === "form" ? message : <a href={`#${fieldId(name)}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

function rank(order: string[], name: string) {
  const index = order.indexOf(name);
  return index === -1 ? order.length : index;
}

export function fieldId(name: string) {
  return `field-${name}`;
}
