/**
 * One place that answers "can this person do this to this thing?". Loaders and actions call it
 * (through assertCan on the server); pages call it only to decide what to show.
 */
export interface Actor {
  id: number;
  isAdmin: boolean;
  isModerator: boolean;
}

export interface OrganisationContext {
  /** The actor's role in the organisation, or null if they are not a member. */
  membership: "admin" | "member" | null;
  verified: boolean;
}

export type Action =
  | "settings.manage"
  | "organisation.register"
  | "organisation.verify"
  | "organisation.manage"
  | "organisation.requestToJoin"
  | "organisation.leave"
  | "organisation.endorse"
  | "organisation.viewPending"
  | "admin.view"
  | "roles.manage"
  | "audit.read"
  | "moderation.review";

export function can(actor: Actor | null, action: Action, organisation?: OrganisationContext): boolean {
  if (!actor) return false;
  switch (action) {
    case "settings.manage":
    case "organisation.register":
      return true;
    case "organisation.verify":
    case "roles.manage":
    case "audit.read":
      return actor.isAdmin;
    case "admin.view":
    case "moderation.review":
      return actor.isAdmin || actor.isModerator;
    case "organisation.manage":
      return organisation?.membership === "admin";
    case "organisation.viewPending":
      return actor.isAdmin || organisation?.membership != null;
    case "organisation.requestToJoin":
      return organisation !== undefined && organisation.membership === null && organisation.verified;
    case "organisation.leave":
      return organisation?.membership != null;
    case "organisation.endorse":
      return organisation?.membership === "admin" && organisation.verified;
  }
}
