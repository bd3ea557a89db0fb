import { SubNav } from "./sub-nav";

const items = [
  { to: "/settings", label: "Profile", end: true },
  { to: "/settings/perspectives", label: "Your perspective" },
  { to: "/settings/email", label: "Email" },
  { to: "/settings/notifications", label: "Notifications" },
  { to: "/settings/calendar", label: "Calendar" },
  { to: "/settings/content-notes", label: "Content notes" },
  { to: "/settings/security", label: "Password and devices" },
  { to: "/settings/organisations", label: "Organisations" },
  { to: "/settings/stories", label: "Your stories" },
  { to: "/settings/data", label: "Your data" },
];

export function SettingsNav() {
  return <SubNav label="Settings" items={items} />;
}
