import { NavLink } from "@remix-run/react";

export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  const items = [
    { to: "/admin", label: "Overview", end: true, show: true },
    { to: "/admin/organisations", label: "Verify organisations", show: isAdmin },
    { to: "/admin/members", label: "Members and roles", show: isAdmin },
    { to: "/admin/moderation", label: "Moderation", show: true },
    { to: "/admin/audit", label: "Audit log", show: isAdmin },
  ];
  return (
    <nav aria-label="Admin" className="subnav">
      <ul className="subnav__list">
        {items
          .filter((i) => i.show)
          .map((item) => (
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
