import { sql } from "kysely";
import type { Database } from "../../db";
import type { TargetRole, TargetSource } from "../../db/schema";

/** A decision maker as organisers enter it (the form and each imported row). */
export interface TargetFields {
  name: string;
  role: TargetRole;
  body: string;
  email: string;
  areas: { areas: string[]; everywhere: boolean };
}

export const TARGET_PAGE_SIZE = 30;

const normalise = (email: string) => email.trim().toLowerCase();

/** The directory, by name, a page at a time; `q` matches name, body or email. */
export function listTargets(db: Database, options: { q?: string; page: number }) {
  const q = options.q?.trim();
  return db
    .selectFrom("target")
    .select(["id", "name", "role", "body", "email", "areas", "everywhere", "bounced_at", "bounce_reason", "source"])
    .$if(Boolean(q), (qb) =>
      qb.where((eb) => {
        const like = `%${q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        return eb.or([eb("name", "ilike", like), eb("body", "ilike", like), eb("email_normalised", "ilike", like)]);
      }),
    )
    .orderBy(sql`lower(name)`)
    .orderBy("id")
    .limit(TARGET_PAGE_SIZE + 1)
    .offset((options.page - 1) * TARGET_PAGE_SIZE)
    .execute();
}

export function getTarget(db: Database, id: number) {
  return db.selectFrom("target").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The columns a decision maker's fields set, for adding and editing alike. */
const columnsOf = (fields: TargetFields) => ({
  name: fields.name,
  role: fields.role,
  body: fields.body,
  email: fields.email.trim(),
  email_normalised: normalise(fields.email),
  areas: fields.areas.areas,
  everywhere: fields.areas.everywhere,
});

/** Adds a decision maker, or (same email) updates the one already listed. Returns its id and whether it was new. */
export async function upsertTarget(db: Database, fields: TargetFields, actorId: number) {
  const row = await db
    .insertInto("target")
    .values({ ...columnsOf(fields), created_by: actorId })
    .onConflict((oc) =>
      oc.column("email_normalised").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        role: eb.ref("excluded.role"),
        body: eb.ref("excluded.body"),
        areas: eb.ref("excluded.areas"),
        everywhere: eb.ref("excluded.everywhere"),
        updated_at: new Date(),
      })),
    )
    .returning(["id", sql<boolean>`(xmax = 0)`.as("inserted")])
    .executeTakeFirstOrThrow();
  return { id: row.id, inserted: row.inserted };
}

/**
 * Saves an edit. A changed email address clears the bounce flag: the reason it was skipped is gone.
 * Returns false when another target already has that address.
 */
export async function updateTarget(db: Database, id: number, fields: TargetFields) {
  const clash = await db.selectFrom("target").select("id").where("email_normalised", "=", normalise(fields.email)).where("id", "<>", id).executeTakeFirst();
  if (clash) return false;
  await db
    .updateTable("target")
    .set((eb) => ({
      ...columnsOf(fields),
      updated_at: new Date(),
      bounced_at: eb.case().when("email_normalised", "=", normalise(fields.email)).then(eb.ref("bounced_at")).else(null).end(),
      bounce_reason: eb.case().when("email_normalised", "=", normalise(fields.email)).then(eb.ref("bounce_reason")).else(null).end(),
    }))
    .where("id", "=", id)
    .execute();
  return true;
}

/** Which of these addresses are already in the directory (for the import preview). */
export async function existingTargetEmails(db: Database, emails: string[]) {
  if (!emails.length) return new Set<string>();
  const rows = await db.selectFrom("target").select("email_normalised").where("email_normalised", "in", emails.map(normalise)).execute();
  return new Set(rows.map((r) => r.email_normalised));
}

/** Targets by id, for a letter campaign's choices; bounced ones included so the form can say so. */
export function getTargetsByIds(db: Database, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom("target").select(["id", "name", "role", "body", "bounced_at"]).where("id", "in", ids).orderBy(sql`lower(name)`).execute();
}

/** Every target, by name, for choosing a letter campaign's recipients (a directory of hundreds, not millions). */
export function listTargetChoices(db: Database) {
  return db.selectFrom("target").select(["id", "name", "role", "body", "bounced_at"]).orderBy(sql`lower(name)`).orderBy("id").limit(1000).execute();
}

/**
 * The decision makers a letter from this postcode goes to: the campaign's chosen targets, plus the
 * supporter's own (those of the campaign's "own" roles covering the postcode's district or area).
 * Bounced addresses are skipped until fixed.
 */
export function resolveTargets(db: Database, letterCampaign: { id: number; own_roles: TargetRole[] }, postcode: { outward: string; area: string }) {
  return db
    .selectFrom("target")
    .select((eb) => [
      "id",
      "name",
      "role",
      "body",
      "email",
      eb("id", "in", eb.selectFrom("letter_campaign_target").select("target_id").where("letter_campaign_id", "=", letterCampaign.id)).$castTo<boolean>().as("chosen"),
    ])
    .where("bounced_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("id", "in", eb.selectFrom("letter_campaign_target").select("target_id").where("letter_campaign_id", "=", letterCampaign.id)),
        ...(letterCampaign.own_roles.length
          ? [eb.and([eb("role", "in", letterCampaign.own_roles), sql<boolean>`areas && ${sql.val([postcode.area, postcode.outward])}::text[]`])]
          : []),
      ]),
    )
    .orderBy(sql`lower(name)`)
    .limit(20)
    .execute();
}

/** A looked-up representative as the lookup describes them; `externalId` is the provider's own id. */
export interface LookedUpTargetFields {
  source: Exclude<TargetSource, "directory">;
  externalId: string;
  name: string;
  body: string;
  email: string;
}

/**
 * The target row letters to a looked-up MP are recorded against, so pacing, held copies, bounces
 * and replies work as for the directory. Found by (source, external id) and kept up to date; a
 * changed address clears the bounce flag. When another row already has the address (the MP typed
 * into the directory), that row is the MP: one row per address, as everywhere else.
 */
export async function upsertLookedUpTarget(db: Database, fields: LookedUpTargetFields) {
  const email = fields.email.trim();
  const listed = await db
    .selectFrom("target")
    .select("id")
    .where("email_normalised", "=", normalise(email))
    .where((eb) => eb.or([eb("source", "<>", fields.source), eb("external_id", "is", null), eb("external_id", "<>", fields.externalId)]))
    .executeTakeFirst();
  if (listed) return listed.id;
  const row = await db
    .insertInto("target")
    .values({ name: fields.name, role: "mp", body: fields.body, email, email_normalised: normalise(email), areas: [], everywhere: false, source: fields.source, external_id: fields.externalId })
    .onConflict((oc) =>
      oc
        .columns(["source", "external_id"])
        .where("external_id", "is not", null)
        .doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          body: eb.ref("excluded.body"),
          email: eb.ref("excluded.email"),
          email_normalised: eb.ref("excluded.email_normalised"),
          bounced_at: eb.case().when("target.email_normalised", "=", eb.ref("excluded.email_normalised")).then(eb.ref("target.bounced_at")).else(null).end(),
          bounce_reason: eb.case().when("target.email_normalised", "=", eb.ref("excluded.email_normalised")).then(eb.ref("target.bounce_reason")).else(null).end(),
          updated_at: new Date(),
        })),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The row of a looked-up representative already recorded, by the provider's id. */
export function findLookedUpTarget(db: Database, source: Exclude<TargetSource, "directory">, externalId: string) {
  return db.selectFrom("target").select("id").where("source", "=", source).where("external_id", "=", externalId).executeTakeFirst();
}

/** A target as a letter's recipient (the shape resolveTargets gives), with its bounce flag. */
export function getRecipientTarget(db: Database, id: number) {
  return db.selectFrom("target").select(["id", "name", "role", "body", "email", "bounced_at"]).where("id", "=", id).executeTakeFirst();
}

/**
 * Flags the targets whose mail bounced (or was refused for good) and fails their waiting messages,
 * returning those messages so their writers can be told. Called by the email pipeline with the
 * emails that failed; letters to targets are the only mail whose failure flags anything.
 */
export async function flagBouncedTargets(db: Database, emailIds: number[], reason: string) {
  if (!emailIds.length) return [];
  const targets = await db
    .updateTable("target")
    .set({ bounced_at: new Date(), bounce_reason: reason.slice(0, 500) })
    .where("id", "in", (eb) => eb.selectFrom("letter_message").select("target_id").where("email_id", "in", emailIds).where("test", "=", false))
    .returning("id")
    .execute();
  return targets.map((t) => t.id);
}

/** Where a letter to this decision maker goes, and whether that address bounced. */
export function getTargetAddress(db: Database, id: number) {
  return db.selectFrom("target").select(["name", "email", "bounced_at"]).where("id", "=", id).executeTakeFirstOrThrow();
}

export function getTargetName(db: Database, id: number) {
  return db.selectFrom("target").select("name").where("id", "=", id).executeTakeFirstOrThrow();
}
