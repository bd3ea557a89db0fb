import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * What an emailed link opens: a page with one button. Opening the page (as mail scanners do) uses
 * nothing up; only pressing the button, a POST, does.
 */
export function LinkLanding({ valid, title, children, button, expiredMessage, retry }: {
  valid: boolean;
  title: string;
  children?: ReactNode;
  button: string;
  expiredMessage: string;
  retry: { to: string; label: string };
}) {
  if (!valid) {
    return (
      <div className="prose">
        <h1>This link has expired</h1>
        <p>{expiredMessage}</p>
        <p>
          <Link to={retry.to} className="button">
            {retry.label}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose">
      <h1>{title}</h1>
      {children}
      <Form method="post">
        <button type="submit" className="button">
          {button}
        </button>
      </Form>
    </div>
  );
}
