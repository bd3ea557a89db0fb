import type { Database } from "../db";
import type { CoalitionRole, DecisionRule, OrganisationKind, Perspective, Topic } from "../db/schema";
import { addSupport } from "../app/models/amendment.server";
import { insertComment } from "../app/models/comment.server";
import { addDemandAuthor, upsertEndorsement } from "../app/models/demand.server";
import { castVote, closeVoting, decideOnAmendment, openConsultation, openVoting, proposeAmendment, proposeDemand, saveDemandText, withdrawDemand } from "../app/services/demand.server";
import { PERSPECTIVES_CONSENT_VERSION, recordConsent, replacePerspectives, TERMS_VERSION } from "../app/models/consent.server";
import { grantMemberRole, insertMember } from "../app/models/member.server";
import { addMembership, insertOrganisation, setOrganisationVerified } from "../app/models/organisation.server";
import { hashPassword } from "../app/utils/password.server";

/** Builders shared by the tests and the demo seed: they go through the same model functions the app uses. */

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

export async function seedDemoDemands(
  db: Database,
  people: { admin: number; priya: number; sam: number; tom: number; ruth: number; voters: number[]; voicesTogether: number; socialWorkers: number },
) {
  // A private draft.
  await createDemand(db, { authorId: people.sam, title: "Peer support workers in every A&E", topics: ["services"], summary: "Every emergency department should have peer support workers with lived experience on every shift." });

  // In consultation, with revisions, amendments and a discussion.
  const housing = await createDemand(db, {
    authorId: people.priya,
    organisationId: people.voicesTogether,
    title: "Housing first for people leaving mental health wards",
    summary: "No one should be discharged from a mental health ward to the street, a hostel or a sofa. Housing must be planned from admission.",
    topics: ["housing", "services"],
  });
  await addDemandAuthor(db, housing, people.ruth);
  const current = (await db.selectFrom("demand").select(["title", "summary", "body", "easy_read"]).where("id", "=", housing).executeTakeFirstOrThrow());
  await saveDemandText(db, housing, people.ruth, { title: current.title, summary: current.summary, body: current.body.replace("should have", "must have"), easyRead: current.easy_read }, "Stronger wording in the first paragraph");
  await openConsultation(db, housing, people.priya, new Date(Date.now() + 14 * 86_400_000));
  const amendment = await proposeAmendment(db, housing, people.tom, { paragraphIndex: 1, proposedText: "Everyone leaving a mental health ward must have a safe, settled home to go to, chosen with them.", rationale: "Choice matters: a home people did not choose often does not last." });
  if (amendment.ok) for (const v of people.voters.slice(6, 11)) await addSupport(db, amendment.id, v);
  const declined = await proposeAmendment(db, housing, people.sam, { paragraphIndex: null, proposedText: "Build more council homes.", rationale: "Simpler is better." });
  if (declined.ok) await decideOnAmendment(db, declined.id, people.priya, { accept: false, reason: "We want to keep the detail about planning from admission." });
  const first = await insertComment(db, { demandId: housing, amendmentId: null, parentId: null, authorId: people.tom, body: "As a social worker I see this every week. Discharge planning starts far too late.", contentNote: null });
  await insertComment(db, { demandId: housing, amendmentId: null, parentId: first, authorId: people.priya, body: "Thank you. Would your association back this?", contentNote: null });
  await insertComment(db, { demandId: housing, amendmentId: null, parentId: null, authorId: people.voters[7]!, body: "I was discharged to a hostel and was back on the ward within a month.", contentNote: "mentions readmission and homelessness" });
  await upsertEndorsement(db, housing, people.socialWorkers, "Social workers see the harm of unplanned discharge every day.", people.tom);

  // Voting now, under the lived-experience double majority.
  const sanctions = await createDemand(db, {
    authorId: people.priya,
    title: "End benefit sanctions for people in mental distress",
    summary: "Sanctions push people into crisis. Stop sanctioning anyone with a mental health condition and review past sanctions.",
    topics: ["poverty_income", "rights_law"],
  });
  await openDemandForVoting(db, sanctions, people.admin, { rule: "lived_experience_double_majority", quorum: 10 });
  for (const [i, v] of people.voters.slice(0, 9).entries()) await castVote(db, sanctions, v, { choice: i % 4 === 3 ? "oppose" : "support", reason: null, reasonPublic: false });

  // Adopted, with a breakdown that shows groups of 5 or more.
  const crisis = await createDemand(db, {
    authorId: people.ruth,
    title: "Fund community crisis houses in every region",
    summary: "Crisis houses run with people who have been there are safer and more humane than hospital admission for many people.",
    topics: ["services", "isolation_community"],
  });
  await openDemandForVoting(db, crisis, people.admin, { rule: "simple_majority", quorum: 10 });
  for (const [i, v] of people.voters.entries()) {
    await castVote(db, crisis, v, { choice: i % 5 === 4 ? "oppose" : i % 7 === 6 ? "abstain" : "support", reason: i === 2 ? "Crisis houses kept me out of hospital." : null, reasonPublic: i === 2 });
  }
  await expireVoting(db, crisis);
  await closeVoting(db, crisis);
  await upsertEndorsement(db, crisis, people.voicesTogether, "Our members helped design the first crisis houses. They work.", people.priya);

  // Not adopted: two thirds needed, not reached.
  const tribunal = await createDemand(db, {
    authorId: people.tom,
    title: "Replace tribunal hearings with community panels",
    summary: "Mental health tribunals should be replaced by panels of trained community members with lived experience.",
    topics: ["rights_law"],
  });
  await openDemandForVoting(db, tribunal, people.admin, { rule: "two_thirds" });
  for (const [i, v] of people.voters.slice(0, 15).entries()) await castVote(db, tribunal, v, { choice: i % 2 === 0 ? "support" : "oppose", reason: null, reasonPublic: false });
  await expireVoting(db, tribunal);
  await closeVoting(db, tribunal);

  // Withdrawn by its author.
  const withdrawn = await createDemand(db, { authorId: people.sam, title: "A national wellbeing app", summary: "A single app for everyone's mental wellbeing, run by the NHS, free at the point of use.", topics: ["services"] });
  await openConsultation(db, withdrawn, people.sam, new Date(Date.now() + 7 * 86_400_000));
  await withdrawDemand(db, withdrawn, people.sam, "The discussion convinced me an app is not the social approach we want.");
}
