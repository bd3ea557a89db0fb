import type { ReactNode } from "react";

/**
 * A table that never widens the page (WCAG 1.4.10): on a narrow screen it scrolls inside this frame,
 * which is named and can take focus so keyboard users can scroll it too.
 */
export function TableFrame({
  label,
  children,
}: {
  label: string;
  children: ReactNode;
}) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
