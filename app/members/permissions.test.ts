import { describe, expect, it } from "vitest";
import { can, canOnCampaign, canStartCampaign, type Action, type Actor, type OrganisationContext } from "./permissions";

/**
 * The permissions matrix: every role against every action, allowed and denied. A change to who may
 * do what has to change this table too.
 */
const visitor = null;
const member: Actor = { id: 1, isAdmin: false, isModerator: false };
const moderator: Actor = { id: 2, isAdmin: false, isModerator: true };
const admin: Actor = { id: 3, isAdmin: true, isModerator: false };

const outsider: OrganisationContext = { membership: null, verified: true };
const orgMember: OrganisationContext = { membership: "member", verified: true };
const orgAdmin: OrganisationContext = { membership: "admin", verified: true };
const pendingOrgAdmin: OrganisationContext = { membership: "admin", verified: false };
const pendingOutsider: OrganisationContext = { membership: null, verified: false };

type Row = [Action, OrganisationContext | undefined, { visitor: boolean; member: boolean; moderator: boolean; admin: boolean }];

const matrix: Row[] = [
  ["settings.manage", undefined, { visitor: false, member: true, moderator: true, admin: true }],
  ["organisation.register", undefined, { visitor: false, member: true, moderator: true, admin: true }],
  ["organisation.verify", undefined, { visitor: false, member: false, moderator: false, admin: true }],
  ["roles.manage", undefined, { visitor: false, member: false, moderator: false, admin: true }],
  ["audit.read", undefined, { visitor: false, member: false, moderator: false, admin: true }],
  ["admin.view", undefined, { visitor: false, member: false, moderator: true, admin: true }],
  ["moderation.review", undefined, { visitor: false, member: false, moderator: true, admin: true }],
  // Organisation actions depend on the actor's place in that organisation, not on coalition roles.
  ["organisation.manage", outsider, { visitor: false, member: false, moderator: false, admin: false }],
  ["organisation.manage", orgMember, { visitor: false, member: false, moderator: false, admin: false }],
  ["organisation.manage", orgAdmin, { visitor: false, member: true, moderator: true, admin: true }],
  ["organisation.endorse", orgAdmin, { visitor: false, member: true, moderator: true, admin: true }],
  ["organisation.endorse", pendingOrgAdmin, { visitor: false, member: false, moderator: false, admin: false }],
  ["organisation.endorse", orgMember, { visitor: false, member: false, moderator: false, admin: false }],
  ["organisation.requestToJoin", outsider, { visitor: false, member: true, moderator: true, admin: true }],
  ["organisation.requestToJoin", orgMember, { visitor: false, member: false, moderator: false, admin: false }],
  ["organisation.requestToJoin", pendingOutsider, { visitor: false, member: false, moderator: false, admin: false }],
  ["organisation.leave", orgMember, { visitor: false, member: true, moderator: true, admin: true }],
  ["organisation.leave", outsider, { visitor: false, member: false, moderator: false, admin: false }],
  ["organisation.viewPending", pendingOutsider, { visitor: false, member: false, moderator: false, admin: true }],
  ["organisation.viewPending", pendingOrgAdmin, { visitor: false, member: true, moderator: true, admin: true }],
];

describe("can", () => {
  for (const [action, organisation, expected] of matrix) {
    const where = organisation ? ` (${organisation.membership ?? "outsider"}, ${organisation.verified ? "verified" : "pending"})` : "";
    it(`${action}${where}`, () => {
      expect({
        visitor: can(visitor, action, organisation),
        member: can(member, action, organisation),
        moderator: can(moderator, action, organisation),
        admin: can(admin, action, organisation),
      }).toEqual(expected);
    });
  }
});

describe("campaigns", () => {
  const active = { isOrganiser: false, status: "active" as const };
  const organising = { isOrganiser: true, status: "active" as const };
  const won = { isOrganiser: true, status: "won" as const };
  it("are public to read", () => {
    expect(canOnCampaign(visitor, "campaign.view", active)).toBe(true);
  });
  it("are run by their organisers and coalition admins while active; the dashboard stays open to them after", () => {
    expect(canOnCampaign(member, "campaign.manage", active)).toBe(false);
    expect(canOnCampaign(moderator, "campaign.manage", active)).toBe(false);
    expect(canOnCampaign(member, "campaign.manage", organising)).toBe(true);
    expect(canOnCampaign(admin, "campaign.manage", active)).toBe(true);
    expect(canOnCampaign(member, "campaign.manage", won)).toBe(false);
    expect(canOnCampaign(member, "campaign.dashboard", won)).toBe(true);
    expect(canOnCampaign(member, "campaign.dashboard", active)).toBe(false);
    expect(canOnCampaign(visitor, "campaign.dashboard", organising)).toBe(false);
  });
  it("keep their asks to decision makers in their organisers' hands after the campaign ends", () => {
    expect(canOnCampaign(member, "campaign.accountability", won)).toBe(true);
    expect(canOnCampaign(member, "campaign.accountability", { isOrganiser: true, status: "closed" })).toBe(true);
    expect(canOnCampaign(admin, "campaign.accountability", { isOrganiser: false, status: "closed" })).toBe(true);
    expect(canOnCampaign(member, "campaign.accountability", active)).toBe(false);
    expect(canOnCampaign(moderator, "campaign.accountability", active)).toBe(false);
    expect(canOnCampaign(visitor, "campaign.accountability", organising)).toBe(false);
  });
  it("are started from an adopted demand by its authors or a coalition admin", () => {
    expect(canStartCampaign(member, { isAuthor: true, stage: "adopted" })).toBe(true);
    expect(canStartCampaign(member, { isAuthor: false, stage: "adopted" })).toBe(false);
    expect(canStartCampaign(admin, { isAuthor: false, stage: "adopted" })).toBe(true);
    expect(canStartCampaign(admin, { isAuthor: false, stage: "not_adopted" })).toBe(false);
    expect(canStartCampaign(visitor, { isAuthor: false, stage: "adopted" })).toBe(false);
  });
});
