import type { CoalitionRole } from "../../db/schema";

/** The four combinations of coalition roles, as one choice an admin makes for a member. */
export const ROLE_CHOICES = {
  member: { label: "Member", roles: [] as CoalitionRole[] },
  moderator: { label: "Moderator", roles: ["moderator"] as CoalitionRole[] },
  admin: { label: "Admin", roles: ["admin"] as CoalitionRole[] },
  "admin-moderator": { label: "Admin and moderator", roles: ["admin", "moderator"] as CoalitionRole[] },
} as const;
export type RoleChoice = keyof typeof ROLE_CHOICES;

export function isRoleChoice(value: unknown): value is RoleChoice {
  return typeof value === "string" && Object.hasOwn(ROLE_CHOICES, value);
}

export function roleChoiceOf(roles: readonly string[]): RoleChoice {
  const admin = roles.includes("admin");
  const moderator = roles.includes("moderator");
  return admin && moderator ? "admin-moderator" : admin ? "admin" : moderator ? "moderator" : "member";
}

/** What each role lets someone do, for the confirmation page. */
export const ROLE_POWERS: Record<CoalitionRole, string> = {
  admin: "Admins can give and take away anyone's roles, verify organisations, run any demand's process, moderate and read the audit log.",
  moderator: "Moderators review reported comments and can hide them, with a reason everyone sees.",
};
