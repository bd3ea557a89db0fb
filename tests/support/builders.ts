import type { Database } from "../../db";
import type { CoalitionRole, DecisionRule, OrganisationKind, Perspective, Topic } from "../../db/schema";
import { castVote, closeVoting, proposeDemand } from "../../app/services/demand.server";
import { startCampaign } from "../../app/services/campaign.server";
import { endVotingTime, provisionMember, provisionOrganisation, provisionVote } from "../../app/services/provisioning.server";

/**
 * Builders for the tests: sensible defaults over the app's own provisioning and services, so built
 * data obeys the app's rules. Each call makes unique names and emails.
 */
let counter = 0;
export const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface MemberSpec {
  email?: string;
  displayName?: string;
  password?: string | null;
  roles?: CoalitionRole[];
  perspectives?: Perspective[];
  verified?: boolean;
}

/** A member who has joined; the password is "correct horse battery" unless given. */
export async function createMember(db: Database, spec: MemberSpec = {}) {
  return provisionMember(db, {
    ...spec,
    email: spec.email ?? `member-${unique()}@example.org`,
    displayName: spec.displayName ?? `Member ${unique()}`,
    password: spec.password === undefined ? "correct horse battery" : spec.password,
  });
}

export interface OrganisationSpec {
  name?: string;
  kind?: OrganisationKind;
  description?: string;
  website?: string | null;
  adminId: number;
  verified?: boolean;
  members?: Array<{ id: number; role?: "admin" | "member"; listed?: boolean }>;
}

export async function createOrganisation(db: Database, spec: OrganisationSpec) {
  return provisionOrganisation(db, {
    ...spec,
    name: spec.name ?? `Organisation ${unique()}`,
    kind: spec.kind ?? "charity",
    description: spec.description ?? "",
    website: spec.website ?? null,
    verified: spec.verified ?? true,
  });
}

export interface DemandSpec {
  authorId: number;
  title?: string;
  summary?: string;
  body?: string;
  easyRead?: string;
  topics?: Topic[];
  organisationId?: number | null;
}

const LOREM_BODY = `## What we want

Everyone leaving a mental health ward should have a safe, settled home to go to.

## Why

Discharge to no fixed address undoes the work of recovery and leads to readmission.

## What this means in practice

Councils and NHS trusts plan housing from the day someone is admitted, not the day they leave.`;

export async function createDemand(db: Database, spec: DemandSpec) {
  return proposeDemand(db, spec.authorId, {
    title: spec.title ?? `A demand ${unique()}`,
    summary: spec.summary ?? "A one-paragraph summary of what should change and why it matters to people.",
    body: spec.body ?? LOREM_BODY,
    easyRead: spec.easyRead ?? "People leaving hospital need a safe home. We want councils to plan homes early.",
    topics: spec.topics ?? ["housing"],
    organisationId: spec.organisationId ?? null,
  });
}

/** Moves a demand through consultation into voting, with the deadline `votingEndsAt`. */
export async function openDemandForVoting(db: Database, demandId: number, facilitatorId: number, options: { rule?: DecisionRule; quorum?: number | null; liveResults?: boolean; votingEndsAt?: Date } = {}) {
  await provisionVote(db, demandId, facilitatorId, {
    endsAt: options.votingEndsAt ?? new Date(Date.now() + 7 * 86_400_000),
    rule: options.rule ?? "simple_majority",
    quorum: options.quorum ?? null,
    liveResults: options.liveResults ?? false,
  });
}

/** Puts a vote's deadline in the past (as if time had passed), ready for closeVoting. */
export const expireVoting = endVotingTime;

/**
 * A running campaign led by `leadId`, started the way members start one: a demand of theirs adopted
 * by vote, then the campaign. Returns the campaign's id.
 */
export async function createRunningCampaign(db: Database, leadId: number, title = `A campaign ${unique()}`) {
  const admin = await createMember(db, { roles: ["admin"] });
  const demandId = await createDemand(db, { authorId: leadId });
  await openDemandForVoting(db, demandId, admin.id);
  await castVote(db, demandId, (await createMember(db)).id, { choice: "support", reason: null, reasonPublic: false });
  await expireVoting(db, demandId);
  await closeVoting(db, demandId);
  const started = await startCampaign(db, leadId, demandId, { title, pitch: "A pitch long enough for the campaign page.", ask: "An ask long enough for the campaign.", target: "Decision makers", endsOn: null }, []);
  if (!started.ok) throw new Error(started.reason);
  return started.id;
}
