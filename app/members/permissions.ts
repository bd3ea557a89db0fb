import type { DemandStage } from "../../db/schema";

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

export interface DemandContext {
  isAuthor: boolean;
  stage: DemandStage;
}

export type DemandAction =
  | "demand.view"
  | "demand.propose"
  | "demand.edit"
  | "demand.openConsultation"
  | "demand.openVoting"
  | "demand.withdraw"
  | "demand.vote"
  | "demand.comment"
  | "demand.amend"
  | "demand.follow"
  | "amendment.decide"
  | "amendment.support";

const OPEN_STAGES = new Set(["draft", "consultation", "voting"]);

/**
 * Demands: who may do what at which stage. Facilitating (opening votes) is for coalition admins;
 * authors run their own draft and consultation.
 */
export function canOnDemand(actor: Actor | null, action: DemandAction, demand?: DemandContext): boolean {
  // A draft is its authors' work in progress: private to them, coalition admins included (docs/decisions/014-drafts-are-private.md).
  if (action === "demand.view") return demand?.stage !== "draft" || Boolean(demand?.isAuthor);
  if (!actor) return false;
  if (action === "demand.propose") return true;
  if (!demand) return false;
  switch (action) {
    case "demand.edit":
      return demand.isAuthor && (demand.stage === "draft" || demand.stage === "consultation");
    case "demand.openConsultation":
      return (demand.isAuthor || actor.isAdmin) && demand.stage === "draft";
    case "demand.openVoting":
      return actor.isAdmin && demand.stage === "consultation";
    case "demand.withdraw":
      return demand.isAuthor && OPEN_STAGES.has(demand.stage);
    case "demand.vote":
      return demand.stage === "voting";
    case "demand.comment":
      return demand.stage !== "withdrawn" && (demand.stage !== "draft" || demand.isAuthor);
    case "demand.amend":
    case "amendment.support":
      return demand.stage === "consultation";
    case "amendment.decide":
      return demand.isAuthor && demand.stage === "consultation";
    case "demand.follow":
      return demand.stage !== "draft";
  }
}

export interface CampaignContext {
  isOrganiser: boolean;
  status: "active" | "won" | "closed";
}

export type CampaignAction = "campaign.view" | "campaign.manage" | "campaign.dashboard" | "campaign.accountability";

/**
 * Campaigns: anyone reads them; organisers (and coalition admins, who can do everything an organiser
 * can) run an active one and see its dashboard, which stays readable after it ends. Holding decision
 * makers to account goes on after a campaign ends too: a promise made before it was won can still be
 * delivered, or broken, later.
 */
export function canOnCampaign(actor: Actor | null, action: CampaignAction, campaign: CampaignContext): boolean {
  if (action === "campaign.view") return true;
  if (!actor) return false;
  const organiser = campaign.isOrganiser || actor.isAdmin;
  if (action === "campaign.dashboard" || action === "campaign.accountability") return organiser;
  return organiser && campaign.status === "active";
}

/** Starting a campaign: a coalition admin (the facilitator) or one of the adopted demand's authors. */
export function canStartCampaign(actor: Actor | null, demand: DemandContext): boolean {
  return Boolean(actor) && demand.stage === "adopted" && (demand.isAuthor || Boolean(actor?.isAdmin));
}
