import type { Database } from "../db";
import type { CoalitionRole, OrganisationKind, Perspective } from "../db/schema";
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
