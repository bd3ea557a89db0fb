import { sql } from "kysely";
import type { Database } from "../../db";
import type { OrganisationKind } from "../../db/schema";

export function slugify(name: string) {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return base || "organisation";
}

/** Creates the organisation (pending) with its creator as admin; null when the name is taken. */
export async function insertOrganisation(
  db: Database,
  organisation: { name: string; kind: OrganisationKind; description: string; website: string | null; createdBy: number },
) {
  const taken = await db
    .selectFrom("organisation")
    .select("id")
    .where(sql`lower(name)`, "=", organisation.name.trim().toLowerCase())
    .executeTakeFirst();
  if (taken) return null;
  const base = slugify(organisation.name);
  const similar = await db.selectFrom("organisation").select("slug").where("slug", "like", `${base}%`).execute();
  const used = new Set(similar.map((r) => r.slug));
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  const row = await db
    .insertInto("organisation")
    .values({
      slug,
      name: organisation.name.trim(),
      kind: organisation.kind,
      description: organisation.description,
      website: organisation.website,
      created_by: organisation.createdBy,
    })
    .onConflict((oc) => oc.doNothing())
    .returning(["id", "slug"])
    .executeTakeFirst();
  if (!row) return null;
  await db.insertInto("organisation_membership").values({ organisation_id: row.id, member_id: organisation.createdBy, role: "admin", listed: true }).execute();
  return row;
}

export function getOrganisationBySlug(db: Database, slug: string) {
  return db.selectFrom("organisation").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export function getOrganisation(db: Database, id: number) {
  return db.selectFrom("organisation").selectAll().where("id", "=", id).executeTakeFirst();
}

export function getOrganisationName(db: Database, id: number) {
  return db.selectFrom("organisation").select("name").where("id", "=", id).executeTakeFirstOrThrow();
}

/** An organisation's name and whether it is verified (only verified ones can be followed). */
export function getOrganisationNameAndStatus(db: Database, id: number) {
  return db.selectFrom("organisation").select(["name", "status"]).where("id", "=", id).executeTakeFirst();
}

/** The admins of an organisation (a handful). */
export async function listOrganisationAdminIds(db: Database, organisationId: number) {
  const rows = await db.selectFrom("organisation_membership").select("member_id").where("organisation_id", "=", organisationId).where("role", "=", "admin").execute();
  return rows.map((r) => Number(r.member_id));
}

export const ORGANISATION_PAGE_SIZE = 30;

/** Verified organisations for everyone; pending ones only where asked (admins, or their own). */
export function listOrganisations(db: Database, options: { status?: "verified" | "pending"; afterName?: string } = {}) {
  return db
    .selectFrom("organisation")
    .select(["id", "slug", "name", "kind", "status", "description", "created_at"])
    .where("status", "=", options.status ?? "verified")
    .$if(options.afterName !== undefined, (qb) => qb.where("name", ">", options.afterName!))
    .orderBy("name")
    .limit(ORGANISATION_PAGE_SIZE + 1)
    .execute();
}

export function listMemberOrganisations(db: Database, memberId: number) {
  return db
    .selectFrom("organisation_membership")
    .innerJoin("organisation", "organisation.id", "organisation_membership.organisation_id")
    .select(["organisation.id", "organisation.slug", "organisation.name", "organisation.status", "organisation_membership.role", "organisation_membership.listed"])
    .where("organisation_membership.member_id", "=", memberId)
    .orderBy("organisation.name")
    .execute();
}

export async function setOrganisationVerified(db: Database, organisationId: number) {
  const row = await db
    .updateTable("organisation")
    .set({ status: "verified", verified_at: new Date() })
    .where("id", "=", organisationId)
    .where("status", "=", "pending")
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

/** Declines a request to be verified (only while it waits), keeping the reason the requester is told. */
export async function setOrganisationDeclined(db: Database, organisationId: number, reason: string) {
  const row = await db
    .updateTable("organisation")
    .set({ status: "declined", declined_at: new Date(), decline_reason: reason })
    .where("id", "=", organisationId)
    .where("status", "=", "pending")
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

/** Organisations waiting to be verified, with what an admin needs to decide: who asked, when, and what they said. */
export function listOrganisationsAwaitingVerification(db: Database) {
  return db
    .selectFrom("organisation")
    .leftJoin("member", "member.id", "organisation.created_by")
    .select([
      "organisation.id",
      "organisation.slug",
      "organisation.name",
      "organisation.kind",
      "organisation.description",
      "organisation.website",
      "organisation.created_at",
      "member.display_name as requester_name",
    ])
    .where("organisation.status", "=", "pending")
    .orderBy("organisation.created_at")
    .orderBy("organisation.id")
    .limit(100)
    .execute();
}

export function getMembership(db: Database, organisationId: number, memberId: number) {
  return db
    .selectFrom("organisation_membership")
    .select(["role", "listed"])
    .where("organisation_id", "=", organisationId)
    .where("member_id", "=", memberId)
    .executeTakeFirst();
}

export const ORGANISATION_MEMBER_LIMIT = 200;

/** Members for the admin page (everyone) or the public page (only those who chose to be listed). */
export function listOrganisationMembers(db: Database, organisationId: number, options: { listedOnly: boolean }) {
  return db
    .selectFrom("organisation_membership")
    .innerJoin("member", "member.id", "organisation_membership.member_id")
    .select(["member.id", "member.display_name", "organisation_membership.role", "organisation_membership.listed", "organisation_membership.joined_at"])
    .where("organisation_membership.organisation_id", "=", organisationId)
    .where("member.deleted_at", "is", null)
    .$if(options.listedOnly, (qb) => qb.where("organisation_membership.listed", "=", true))
    .orderBy("organisation_membership.role")
    .orderBy("member.display_name")
    .limit(ORGANISATION_MEMBER_LIMIT)
    .execute();
}

export async function addMembership(db: Database, organisationId: number, memberId: number, role: "admin" | "member" = "member") {
  await db
    .insertInto("organisation_membership")
    .values({ organisation_id: organisationId, member_id: memberId, role })
    .onConflict((oc) => oc.columns(["organisation_id", "member_id"]).doNothing())
    .execute();
  await db.deleteFrom("organisation_join_request").where("organisation_id", "=", organisationId).where("member_id", "=", memberId).execute();
}

export async function setMembershipRole(db: Database, organisationId: number, memberId: number, role: "admin" | "member") {
  await db.updateTable("organisation_membership").set({ role }).where("organisation_id", "=", organisationId).where("member_id", "=", memberId).execute();
}

export async function setMembershipListed(db: Database, organisationId: number, memberId: number, listed: boolean) {
  await db.updateTable("organisation_membership").set({ listed }).where("organisation_id", "=", organisationId).where("member_id", "=", memberId).execute();
}

export async function removeMembership(db: Database, organisationId: number, memberId: number) {
  await db.deleteFrom("organisation_membership").where("organisation_id", "=", organisationId).where("member_id", "=", memberId).execute();
}

/** Admin count, locking the organisation's admin rows so two demotions cannot both leave zero. */
export async function countOrganisationAdminsForUpdate(db: Database, organisationId: number) {
  const rows = await db
    .selectFrom("organisation_membership")
    .select("member_id")
    .where("organisation_id", "=", organisationId)
    .where("role", "=", "admin")
    .forUpdate()
    .execute();
  return rows.length;
}

export async function lockOrganisation(db: Database, organisationId: number) {
  await db.selectFrom("organisation").select("id").where("id", "=", organisationId).forUpdate().execute();
}

export async function insertInvitation(
  db: Database,
  invitation: { organisationId: number; email: string; tokenHash: string; invitedBy: number; expiresAt: Date },
) {
  await db
    .insertInto("organisation_invitation")
    .values({
      organisation_id: invitation.organisationId,
      email: invitation.email,
      token_hash: invitation.tokenHash,
      invited_by: invitation.invitedBy,
      expires_at: invitation.expiresAt,
    })
    .execute();
}

export function findInvitation(db: Database, tokenHash: string) {
  return db
    .selectFrom("organisation_invitation")
    .innerJoin("organisation", "organisation.id", "organisation_invitation.organisation_id")
    .select([
      "organisation_invitation.id",
      "organisation_invitation.email",
      "organisation_invitation.expires_at",
      "organisation_invitation.accepted_at",
      "organisation.id as organisation_id",
      "organisation.name as organisation_name",
      "organisation.slug as organisation_slug",
    ])
    .where("organisation_invitation.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Marks an invitation used; one UPDATE, so it can be accepted once. */
export function acceptInvitationRow(db: Database, invitationId: number, memberId: number) {
  return db
    .updateTable("organisation_invitation")
    .set({ accepted_at: new Date(), accepted_by: memberId })
    .where("id", "=", invitationId)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", new Date())
    .returning(["organisation_id"])
    .executeTakeFirst();
}

export function listPendingInvitations(db: Database, organisationId: number) {
  return db
    .selectFrom("organisation_invitation")
    .select(["id", "email", "created_at", "expires_at"])
    .where("organisation_id", "=", organisationId)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", new Date())
    .orderBy("id", "desc")
    .limit(100)
    .execute();
}

export async function insertJoinRequest(db: Database, organisationId: number, memberId: number, message: string) {
  await db
    .insertInto("organisation_join_request")
    .values({ organisation_id: organisationId, member_id: memberId, message })
    .onConflict((oc) => oc.columns(["organisation_id", "member_id"]).doNothing())
    .execute();
}

export function getJoinRequest(db: Database, organisationId: number, memberId: number) {
  return db
    .selectFrom("organisation_join_request")
    .select(["member_id", "message", "created_at"])
    .where("organisation_id", "=", organisationId)
    .where("member_id", "=", memberId)
    .executeTakeFirst();
}

export async function deleteJoinRequest(db: Database, organisationId: number, memberId: number) {
  const result = await db.deleteFrom("organisation_join_request").where("organisation_id", "=", organisationId).where("member_id", "=", memberId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function listJoinRequests(db: Database, organisationId: number) {
  return db
    .selectFrom("organisation_join_request")
    .innerJoin("member", "member.id", "organisation_join_request.member_id")
    .select(["member.id as member_id", "member.display_name", "organisation_join_request.message", "organisation_join_request.created_at"])
    .where("organisation_join_request.organisation_id", "=", organisationId)
    .orderBy("organisation_join_request.created_at")
    .limit(100)
    .execute();
}

/** Organisations with other members where this member is the only admin (they would be left without one). */
export async function listOrganisationsOnlyAdminedBy(db: Database, memberId: number) {
  const rows = await db
    .selectFrom("organisation_membership as mine")
    .innerJoin("organisation", "organisation.id", "mine.organisation_id")
    .select("organisation.name")
    .where("mine.member_id", "=", memberId)
    .where("mine.role", "=", "admin")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("organisation_membership as other")
            .select("other.member_id")
            .whereRef("other.organisation_id", "=", "mine.organisation_id")
            .where("other.role", "=", "admin")
            .where("other.member_id", "!=", memberId),
        ),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("organisation_membership as anyone")
          .select("anyone.member_id")
          .whereRef("anyone.organisation_id", "=", "mine.organisation_id")
          .where("anyone.member_id", "!=", memberId),
      ),
    )
    .execute();
  return rows.map((r) => r.name);
}
