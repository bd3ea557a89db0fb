import type { Database } from "../../db";
import type { CoalitionRole, OrganisationKind, Perspective } from "../../db/schema";
import { PERSPECTIVES_CONSENT_VERSION, recordConsent, replacePerspectives, TERMS_VERSION } from "~/models/consent.server";
import { setVotingDeadline } from "~/models/demand.server";
import { grantMemberRole, insertMember } from "~/models/member.server";
import { addMembership, insertOrganisation, setMembershipListed, setOrganisationVerified } from "~/models/organisation.server";
import { hashPassword } from "./password.server";
import { openConsultation, openVoting } from "./demand.server";

/**
 * Setting up people and organisations directly, without the email round trips a person goes
 * through: for the demo coalition, the admin scripts and the tests' builders. Everything goes through
 * the same models the app uses, with the consents a joining member gives.
 */

// argon2 is slow on purpose: one hash per distinct password is enough for a demo or a test run.
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string) {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}

export interface MemberProvision {
  email: string;
  displayName: string;
  password: string | null;
  roles?: CoalitionRole[];
  perspectives?: Perspective[];
  verified?: boolean;
}

/** A member who has joined (terms agreed), with roles and perspectives (their consent recorded). */
export async function provisionMember(db: Database, spec: MemberProvision) {
  const passwordHash = spec.password === null ? null : await hashOnce(spec.password);
  const member = await insertMember(db, { email: spec.email, displayName: spec.displayName, passwordHash, verified: spec.verified ?? true });
  await recordConsent(db, member.id, "terms", TERMS_VERSION);
  for (const role of spec.roles ?? []) await grantMemberRole(db, member.id, role);
  if (spec.perspectives?.length) {
    await recordConsent(db, member.id, "perspectives", PERSPECTIVES_CONSENT_VERSION);
    await replacePerspectives(db, member.id, spec.perspectives);
  }
  return { id: member.id, email: spec.email };
}

export interface OrganisationProvision {
  name: string;
  kind: OrganisationKind;
  description: string;
  website: string | null;
  adminId: number;
  verified: boolean;
  members?: Array<{ id: number; role?: "admin" | "member"; listed?: boolean }>;
}

/** An organisation, verified or waiting, with its members. */
export async function provisionOrganisation(db: Database, spec: OrganisationProvision) {
  const created = await insertOrganisation(db, { name: spec.name, kind: spec.kind, description: spec.description, website: spec.website, createdBy: spec.adminId });
  if (!created) throw new Error(`An organisation called ${spec.name} already exists`);
  if (spec.verified) await setOrganisationVerified(db, created.id);
  for (const m of spec.members ?? []) {
    await addMembership(db, created.id, m.id, m.role ?? "member");
    if (m.listed) await setMembershipListed(db, created.id, m.id, true);
  }
  return created;
}

/** Takes a draft through a week's consultation straight into voting (demo and tests). */
export async function provisionVote(db: Database, demandId: number, facilitatorId: number, options: Parameters<typeof openVoting>[3]) {
  await openConsultation(db, demandId, facilitatorId, new Date(Date.now() + 7 * 86_400_000));
  const result = await openVoting(db, demandId, facilitatorId, options);
  if (!result.ok) throw new Error(result.reason);
}

/** Puts a vote's deadline in the past, as if time had passed, ready for closeVoting. */
export async function endVotingTime(db: Database, demandId: number) {
  await setVotingDeadline(db, demandId, new Date(Date.now() - 1000));
}
