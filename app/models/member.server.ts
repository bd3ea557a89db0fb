import { sql } from "kysely";
import type { Database } from "../../db";
import type { CoalitionRole } from "../../db/schema";

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function insertMember(
  db: Database,
  member: { email: string; displayName: string; passwordHash: string | null; verified?: boolean },
) {
  return db
    .insertInto("member")
    .values({
      email: normaliseEmail(member.email),
      display_name: member.displayName,
      password_hash: member.passwordHash,
      confirmed_adult_at: new Date(),
      email_verified_at: member.verified ? new Date() : null,
    })
    .returning(["id", "email"])
    .executeTakeFirstOrThrow();
}

export function getMemberByEmail(db: Database, email: string) {
  return db
    .selectFrom("member")
    .selectAll()
    .where("email", "=", normaliseEmail(email))
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

export function getMember(db: Database, id: number) {
  return db.selectFrom("member").selectAll().where("id", "=", id).where("deleted_at", "is", null).executeTakeFirst();
}

/** Where a current member's mail can go (null when they have gone). */
export function getMemberAddresses(db: Database, id: number) {
  return db.selectFrom("member").select(["email", "notification_email"]).where("id", "=", id).where("deleted_at", "is", null).executeTakeFirst();
}

export async function getNotificationsPaused(db: Database, memberId: number) {
  const row = await db.selectFrom("member").select("notifications_paused").where("id", "=", memberId).executeTakeFirstOrThrow();
  return row.notifications_paused;
}

export async function setNotificationsPaused(db: Database, memberId: number, paused: boolean) {
  await db.updateTable("member").set({ notifications_paused: paused }).where("id", "=", memberId).execute();
}

export async function markEmailVerified(db: Database, memberId: number) {
  await db
    .updateTable("member")
    .set({ email_verified_at: sql`coalesce(email_verified_at, now())` })
    .where("id", "=", memberId)
    .execute();
}

export async function setMemberPassword(db: Database, memberId: number, passwordHash: string) {
  await db.updateTable("member").set({ password_hash: passwordHash }).where("id", "=", memberId).execute();
}

export async function setNotificationEmail(db: Database, memberId: number, email: string | null) {
  await db.updateTable("member").set({ notification_email: email ? normaliseEmail(email) : null }).where("id", "=", memberId).execute();
}

export async function setMemberEmail(db: Database, memberId: number, email: string) {
  await db
    .updateTable("member")
    .set({ email: normaliseEmail(email), email_verified_at: new Date() })
    .where("id", "=", memberId)
    .execute();
}

export async function updateMemberProfile(
  db: Database,
  memberId: number,
  profile: { displayName: string; bio: string | null; pronouns: string | null; notificationEmail?: string | null },
) {
  await db
    .updateTable("member")
    .set({
      display_name: profile.displayName,
      bio: profile.bio,
      pronouns: profile.pronouns,
      ...(profile.notificationEmail !== undefined ? { notification_email: profile.notificationEmail } : {}),
    })
    .where("id", "=", memberId)
    .execute();
}

export async function listMemberRoles(db: Database, memberId: number): Promise<CoalitionRole[]> {
  const rows = await db.selectFrom("member_role").select("role").where("member_id", "=", memberId).execute();
  return rows.map((r) => r.role);
}

/** The coalition's moderators and admins (those told about reported comments). */
export async function listModeratorIds(db: Database) {
  const rows = await db.selectFrom("member_role").select("member_id").distinct().where("role", "in", ["moderator", "admin"]).execute();
  return rows.map((r) => Number(r.member_id));
}

/** The coalition's admins (those told at once when a story goes to the safeguarding route). */
export async function listAdminIds(db: Database) {
  const rows = await db.selectFrom("member_role").select("member_id").where("role", "=", "admin").execute();
  return rows.map((r) => Number(r.member_id));
}

export async function grantMemberRole(db: Database, memberId: number, role: CoalitionRole) {
  const inserted = await db
    .insertInto("member_role")
    .values({ member_id: memberId, role })
    .onConflict((oc) => oc.doNothing())
    .returning("member_id")
    .executeTakeFirst();
  return Boolean(inserted);
}

export async function revokeMemberRole(db: Database, memberId: number, role: CoalitionRole) {
  const result = await db.deleteFrom("member_role").where("member_id", "=", memberId).where("role", "=", role).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countAdmins(db: Database) {
  const row = await db
    .selectFrom("member_role")
    .innerJoin("member", "member.id", "member_role.member_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .where("member.deleted_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const MEMBER_SEARCH_PAGE_SIZE = 20;

/** Admin search by name or email, with each member's coalition roles, paginated by id. */
export async function searchMembers(db: Database, query: string, options: { afterId?: number; role?: CoalitionRole } = {}) {
  const pattern = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom("member")
    .select((eb) => [
      "member.id",
      "member.display_name",
      "member.email",
      "member.created_at",
      eb.fn
        .coalesce(
          eb.selectFrom("member_role").select(sql<string[]>`array_agg(role order by role)`.as("r")).whereRef("member_role.member_id", "=", "member.id"),
          sql<string[]>`'{}'::text[]`,
        )
        .as("roles"),
    ])
    .where("member.deleted_at", "is", null)
    .$if(query.trim() !== "", (qb) => qb.where((eb) => eb.or([eb("display_name", "ilike", pattern), eb("email", "ilike", pattern)])))
    .$if(options.afterId !== undefined, (qb) => qb.where("member.id", ">", options.afterId!))
    .$if(options.role !== undefined, (qb) =>
      qb.where((eb) => eb.exists(eb.selectFrom("member_role").select("member_role.member_id").whereRef("member_role.member_id", "=", "member.id").where("member_role.role", "=", options.role!))),
    )
    .orderBy("member.id")
    .limit(MEMBER_SEARCH_PAGE_SIZE + 1)
    .execute();
}

/**
 * Finds members by the name they show, for co-authoring: never by email, so no member can test
 * addresses against the search (a pseudonymous member's email stays private). Only confirmed,
 * current members are found.
 */
export function findMembersByName(db: Database, query: string, options: { excludeIds?: number[]; limit?: number } = {}) {
  const pattern = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom("member")
    .select(["member.id", "member.display_name"])
    .where("member.deleted_at", "is", null)
    .where("member.email_verified_at", "is not", null)
    .where("member.display_name", "ilike", pattern)
    .$if(Boolean(options.excludeIds?.length), (qb) => qb.where("member.id", "not in", options.excludeIds!))
    .orderBy("member.display_name")
    .orderBy("member.id")
    .limit(options.limit ?? 10)
    .execute();
}

/** Whether a member id names a current, confirmed member (before linking them to anything). */
export async function isActiveMember(db: Database, memberId: number) {
  const row = await db.selectFrom("member").select("id").where("id", "=", memberId).where("deleted_at", "is", null).where("email_verified_at", "is not", null).executeTakeFirst();
  return Boolean(row);
}

/**
 * Deletes a member's personal data but keeps the row, so what they wrote stays readable as
 * "Former member". Sessions, tokens, perspectives, roles and memberships go; consents are kept as the
 * record that consent was given and then withdrawn.
 */
export async function anonymiseMember(db: Database, memberId: number) {
  await db.deleteFrom("session").where("member_id", "=", memberId).execute();
  await db.deleteFrom("email_token").where("member_id", "=", memberId).execute();
  await db.deleteFrom("member_perspective").where("member_id", "=", memberId).execute();
  await db.deleteFrom("member_role").where("member_id", "=", memberId).execute();
  await db.deleteFrom("organisation_membership").where("member_id", "=", memberId).execute();
  await db.deleteFrom("organisation_join_request").where("member_id", "=", memberId).execute();
  await db
    .updateTable("consent")
    .set({ withdrawn_at: sql`coalesce(withdrawn_at, now())` })
    .where("member_id", "=", memberId)
    .execute();
  await db
    .updateTable("member")
    .set({
      email: null,
      notification_email: null,
      display_name: "Former member",
      bio: null,
      pronouns: null,
      password_hash: null,
      deleted_at: new Date(),
    })
    .where("id", "=", memberId)
    .execute();
}

/** Serialises coalition-role changes within a transaction (so the last admin cannot be removed twice over). */
export async function lockCoalitionRoles(db: Database) {
  await sql`select pg_advisory_xact_lock(hashtext('chorus.coalition_roles'))`.execute(db);
}
