import { Form, Link } from "@remix-run/react";
import { useId, type ReactNode } from "react";

/**
 * The question an irreversible action asks first: what will happen, then one button that does it and
 * a way back. A plain form and a link, so it works without JavaScript.
 */
export function ConfirmPanel({
  heading,
  children,
  confirm,
  cancelTo,
  fields,
  warning = true,
  headingLevel = 2,
  action,
}: {
  heading: string;
  children: ReactNode;
  confirm: string;
  cancelTo: string;
  fields: Record<string, string | number>;
  warning?: boolean;
  headingLevel?: 1 | 2 | 3;
  action?: string;
}) {
  const Heading = `h${headingLevel}` as const;
  const headingId = useId();
  return (
    <section className="confirm" aria-labelledby={headingId}>
      <Heading id={headingId}>{heading}</Heading>
      {children}
      <Form method="post" action={action}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="button-row">
          <button type="submit" className={warning ? "button button--warning" : "button"}>
            {confirm}
          </button>
          <Link to={cancelTo}>Cancel</Link>
        </div>
      </Form>
    </section>
  );
}
