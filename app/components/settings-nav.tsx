import { NavLink } from "@remix-run/react";

const items = [
  { to: "/settings", label: "Profile", end: true },
  { to: "/settings/perspectives", label: "Your perspective" },
  { to: "/settings/email", label: "Email" },
  { to: "/settings/security", label: "Password and devices" },
  { to: "/settings/organisations", label: "Organisations" },
  { to: "/settings/data", label: "Your data" },
];

export function SettingsNav() {
  return (
    <nav aria-label="Settings" className="subnav">
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
