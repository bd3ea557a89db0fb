import type { Database } from "./index";
import type { CoalitionRole, DecisionRule, OrganisationKind, Perspective, Topic } from "./schema";
import { castVote, closeVoting, openConsultation, openVoting, proposeDemand } from "../app/services/demand.server";
import { startCampaign } from "../app/services/campaign.server";
import { PERSPECTIVES_CONSENT_VERSION, recordConsent, replacePerspectives, TERMS_VERSION } from "../app/models/consent.server";
import { grantMemberRole, insertMember } from "../app/models/member.server";
import { addMembership, insertOrganisation, setOrganisationVerified } from "../app/models/organisation.server";
import { hashPassword } from "../app/utils/password.server";

/**
 * Builders for the demo seed (db/demo-data.ts) and the tests: they go through the same model and
 * service functions the app uses, so built data obeys the app's rules.
 */

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

const hashCache = new Map<string, Promise<string>>();
function cachedHash(password: string) {
  // argon2 is slow on purpose; builders reuse one hash per distinct password.
  if (!hashCache.has(password)) hashCache.set(password, hashPassword(password));
  return hashCache.get(password)!;
}

export interface MemberSpec {
  email?: string;
  displayName?: string;
  password?: string | null;
  roles?: CoalitionRole[];
  perspectives?: Perspective[];
  verified?: boolean;
}

export async function createMember(db: Database, spec: MemberSpec = {}) {
  const email = spec.email ?? `member-${unique()}@example.org`;
  const passwordHash = spec.password === null ? null : await cachedHash(spec.password ?? "correct horse battery");
  const member = await insertMember(db, { email, displayName: spec.displayName ?? `Member ${unique()}`, passwordHash, verified: spec.verified ?? true });
  await recordConsent(db, member.id, "terms", TERMS_VERSION);
  for (const role of spec.roles ?? []) await grantMemberRole(db, member.id, role);
  if (spec.perspectives?.length) {
    await recordConsent(db, member.id, "perspectives", PERSPECTIVES_CONSENT_VERSION);
    await replacePerspectives(db, member.id, spec.perspectives);
  }
  return { id: member.id, email };
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
  const created = await insertOrganisation(db, {
    name: spec.name ?? `Organisation ${unique()}`,
    kind: spec.kind ?? "charity",
    description: spec.description ?? "",
    website: spec.website ?? null,
    createdBy: spec.adminId,
  });
  if (!created) throw new Error("organisation name taken");
  if (spec.verified ?? true) await setOrganisationVerified(db, created.id);
  for (const m of spec.members ?? []) {
    await addMembership(db, created.id, m.id, m.role ?? "member");
    if (m.listed) await db.updateTable("organisation_membership").set({ listed: true }).where("organisation_id", "=", created.id).where("member_id", "=", m.id).execute();
  }
  return created;
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
  await openConsultation(db, demandId, facilitatorId, new Date(Date.now() + 7 * 86_400_000));
  const result = await openVoting(db, demandId, facilitatorId, {
    endsAt: options.votingEndsAt ?? new Date(Date.now() + 7 * 86_400_000),
    rule: options.rule ?? "simple_majority",
    quorum: options.quorum ?? null,
    liveResults: options.liveResults ?? false,
  });
  if (!result.ok) throw new Error(result.reason);
}

/** Puts a vote's deadline in the past (as if time had passed), ready for closeVoting. */
export async function expireVoting(db: Database, demandId: number) {
  await db.updateTable("demand").set({ voting_ends_at: new Date(Date.now() - 1000) }).where("id", "=", demandId).execute();
}

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
