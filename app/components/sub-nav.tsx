import { NavLink } from "@remix-run/react";

/** The tabs under a section's heading (settings, admin). */
export function SubNav({ label, items }: { label: string; items: Array<{ to: string; label: string; end?: boolean }> }) {
  return (
    <nav aria-label={label} className="subnav">
      <ul className="subnav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
