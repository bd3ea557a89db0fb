import { SubNav } from "./sub-nav";

export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  const items = [
    { to: "/admin", label: "Overview", end: true, show: true },
    { to: "/admin/organisations", label: "Verify organisations", show: isAdmin },
    { to: "/admin/members", label: "Members and roles", show: isAdmin },
    { to: "/admin/campaigns", label: "Campaigns", show: isAdmin },
    { to: "/admin/moderation", label: "Moderation", show: true },
    { to: "/admin/stories", label: "Stories", show: true },
    { to: "/admin/audit", label: "Audit log", show: isAdmin },
  ];
  return <SubNav label="Admin" items={items.filter((i) => i.show)} />;
}
