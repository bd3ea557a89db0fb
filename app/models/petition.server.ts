import { sql } from "kysely";
import type { Database } from "../../db";
import type { PetitionStatus } from "../../db/schema";
import { insertWaitingEmailFrom, type WaitingEmail } from "./email.server";
import { rateLimitHit } from "./rate-limit.server";

export interface PetitionFields {
  title: string;
  ask: string;
  why: string;
  addressedTo: string;
  goal: number;
  closesAt: Date | null;
  milestones?: number[];
  /** Counts at which the decision makers it is addressed to are asked for a response, then a meeting. */
  responseThreshold?: number | null;
  meetingThreshold?: number | null;
}

/** A petition's wording and numbers as columns: one mapping for creating a draft and changing it. */
function petitionColumns(fields: PetitionFields) {
  return {
    title: fields.title,
    ask: fields.ask,
    why: fields.why,
    addressed_to: fields.addressedTo,
    goal: fields.goal,
    closes_at: fields.closesAt,
    milestones: fields.milestones ?? [],
    response_threshold: fields.responseThreshold ?? null,
    meeting_threshold: fields.meetingThreshold ?? null,
  };
}

export async function insertPetition(db: Database, campaignId: number, createdBy: number, slug: string, fields: PetitionFields) {
  const row = await db
    .insertInto("petition")
    .values({
      campaign_id: campaignId,
      created_by: createdBy,
      slug,
      ...petitionColumns(fields),
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
  return row;
}

/** A petition with what its pages need of its campaign, in one query (signing is the hot path). */
export function getPetitionWithCampaign(db: Database, slug: string) {
  return db
    .selectFrom("petition")
    .innerJoin("campaign", "campaign.id", "petition.campaign_id")
    .selectAll("petition")
    .select(["campaign.title as campaign_title", "campaign.status as campaign_status"])
    .where("petition.slug", "=", slug)
    .executeTakeFirst();
}

export function getPetitionBySlug(db: Database, slug: string) {
  return db.selectFrom("petition").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export function listCampaignPetitions(db: Database, campaignId: number) {
  return db
    .selectFrom("petition")
    .select(["id", "slug", "title", "status", "signature_count", "goal", "closes_at"])
    .where("campaign_id", "=", campaignId)
    .orderBy("id")
    .limit(50)
    .execute();
}

export async function setPetitionStatus(db: Database, id: number, from: PetitionStatus[], to: PetitionStatus) {
  const row = await db
    .updateTable("petition")
    .set({ status: to, ...(to === "open" ? { opened_at: new Date() } : {}), ...(to === "closed" ? { closed_at: new Date() } : {}) })
    .where("id", "=", id)
    .where("status", "in", from)
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

/** What signing needs of a petition (the fast path caches it for a second). */
export function getPetitionForSigning(db: Database, slug: string) {
  return db.selectFrom("petition").select(["id", "slug", "title", "status", "closes_at"]).where("slug", "=", slug).executeTakeFirst();
}

/** A closed petition becomes delivered, with its note; returns what the timeline entry needs, or undefined when it was not closed. */
export function markPetitionDelivered(db: Database, id: number, note: string) {
  return db
    .updateTable("petition")
    .set({ status: "delivered", delivered_note: note, delivered_at: new Date() })
    .where("id", "=", id)
    .where("status", "=", "closed")
    .returning(["campaign_id", "title", "signature_count"])
    .executeTakeFirst();
}

/** Closes open petitions whose closing date has passed, as of that date. Returns them. */
export function closePetitionsPastClosingDate(db: Database) {
  return db
    .updateTable("petition")
    .set({ status: "closed", closed_at: sql<Date>`closes_at` })
    .where("status", "=", "open")
    .where("closes_at", "<=", new Date())
    .returning(["id", "campaign_id", "title", "signature_count"])
    .execute();
}

export interface NewSignature {
  petitionId: number;
  email: string;
  emailNormalised: string;
  name: string;
  outwardCode: string | null;
  showName: boolean;
  campaignConsent: boolean;
  tokenHash: string;
  /** How long the confirmation link lasts. */
  linkDays: number;
  withdrawTokenHash: string;
  ipHash: string | null;
}

/**
 * Records a signature, or renews one still waiting (at most `maxEmails` emails a signature) or
 * withdrawn, with its confirmation email, in ONE statement and one round trip: the network's
 * rate-limit hit (over `suspectOver` hits the signature is marked suspect), the signature (INSERT ...
 * ON CONFLICT on petition and normalised email, so racing submits never error or double count) and
 * its email, waiting for the sweep that queues mail in batches. A confirmed signature is left alone
 * and gets no email. Returns whether an email was written.
 */
export async function insertSignatureWithEmail(
  db: Database,
  signature: NewSignature,
  limits: { rateLimitKey: string | null; windowSeconds: number; suspectOver: number; maxEmails: number },
  email: WaitingEmail,
) {
  const result = await sql<{ id: number }>`
    with hit as (${rateLimitHit(limits.rateLimitKey, limits.windowSeconds)}), signature as (
      insert into petition_signature (petition_id, email, email_normalised, name, outward_code, show_name, campaign_consent, token_hash, token_expires_at, withdraw_token_hash, suspect, ip_hash)
      values (${signature.petitionId}, ${signature.email}, ${signature.emailNormalised}, ${signature.name}, ${signature.outwardCode}, ${signature.showName}, ${signature.campaignConsent},
              ${signature.tokenHash}, now() + make_interval(days => ${signature.linkDays}), ${signature.withdrawTokenHash},
              coalesce((select hits from hit), 0) > ${limits.suspectOver}, ${signature.ipHash})
      on conflict (petition_id, email_normalised) do update set
        token_hash = excluded.token_hash,
        token_expires_at = excluded.token_expires_at,
        withdraw_token_hash = excluded.withdraw_token_hash,
        name = excluded.name, outward_code = excluded.outward_code, show_name = excluded.show_name, campaign_consent = excluded.campaign_consent,
        -- Signing again after withdrawing starts a new signature: pending until its new link is confirmed.
        status = 'pending',
        confirmed_at = null,
        emails_sent = case when petition_signature.status = 'withdrawn' then 1 else petition_signature.emails_sent + 1 end,
        suspect = petition_signature.suspect or excluded.suspect,
        ip_hash = coalesce(excluded.ip_hash, petition_signature.ip_hash)
      where (petition_signature.status = 'pending' and petition_signature.emails_sent < ${limits.maxEmails})
         or petition_signature.status = 'withdrawn'
      returning id
    )
    ${insertWaitingEmailFrom("signature", email)}`.execute(db);
  // No email row: already confirmed, or out of emails.
  return result.rows.length > 0;
}

/** The signature a confirmation link belongs to, locked so pressing twice counts once. */
export function getSignatureByTokenForUpdate(db: Database, petitionId: number, tokenHash: string) {
  return db.selectFrom("petition_signature").select(["id", "status", "token_expires_at"]).where("token_hash", "=", tokenHash).where("petition_id", "=", petitionId).forUpdate().executeTakeFirst();
}

/** The signature a withdrawal link belongs to, locked. */
export function getSignatureByWithdrawTokenForUpdate(db: Database, petitionId: number, withdrawTokenHash: string) {
  return db.selectFrom("petition_signature").select(["id", "status"]).where("withdraw_token_hash", "=", withdrawTokenHash).where("petition_id", "=", petitionId).forUpdate().executeTakeFirst();
}

export async function markSignatureConfirmed(db: Database, id: number) {
  await db.updateTable("petition_signature").set({ status: "confirmed", confirmed_at: new Date() }).where("id", "=", id).execute();
}

export async function markSignatureWithdrawn(db: Database, id: number) {
  await db.updateTable("petition_signature").set({ status: "withdrawn" }).where("id", "=", id).execute();
}

/** A signature by either of its links' token hashes (for the link pages' first view). */
export function getSignatureLink(db: Database, petitionId: number, kind: "confirm" | "withdraw", tokenHash: string) {
  const column = kind === "confirm" ? "token_hash" : "withdraw_token_hash";
  return db.selectFrom("petition_signature").select(["status", "token_expires_at"]).where(column, "=", tokenHash).where("petition_id", "=", petitionId).executeTakeFirst();
}

/**
 * Marks invalid the suspect signatures still counting or waiting from one network (hash, or none)
 * and email domain, locked first. Returns each one's status before.
 */
export async function invalidateSuspectSignatures(db: Database, petitionId: number, ipHash: string | null, domain: string) {
  const result = await sql<{ was: string }>`
      with target as (
        select id, status from petition_signature
        where petition_id = ${petitionId} and suspect and status in ('pending', 'confirmed')
          and ip_hash is not distinct from ${ipHash} and split_part(email_normalised, '@', 2) = ${domain}
        for update
      )
      update petition_signature s set status = 'invalid' from target where s.id = target.id
      returning target.status as was`.execute(db);
  return result.rows;
}

/** What a news email needs of its petition. */
export function getPetitionForNews(db: Database, id: number) {
  return db.selectFrom("petition").select(["slug", "title"]).where("id", "=", id).executeTakeFirst();
}

/** The next `limit` confirmed signers (after `afterId`) who asked for campaign news. */
export function listNewsSigners(db: Database, petitionId: number, afterId: number, limit: number) {
  return db
    .selectFrom("petition_signature")
    .select(["id", "email"])
    .where("petition_id", "=", petitionId)
    .where("status", "=", "confirmed")
    .where("campaign_consent", "=", true)
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function stopSignerNews(db: Database, petitionId: number, signatureId: number) {
  await db.updateTable("petition_signature").set({ campaign_consent: false }).where("id", "=", signatureId).where("petition_id", "=", petitionId).execute();
}

/** The latest confirmed signers who chose to show their first name, with their outward code. */
export function listRecentPublicSigners(db: Database, petitionId: number, limit = 10) {
  return db
    .selectFrom("petition_signature")
    .select([sql<string>`split_part(name, ' ', 1)`.as("first_name"), "outward_code", "confirmed_at"])
    .where("petition_id", "=", petitionId)
    .where("status", "=", "confirmed")
    .where("show_name", "=", true)
    .orderBy("confirmed_at", "desc")
    .limit(limit)
    .execute();
}

export async function addCountDelta(db: Database, petitionId: number, delta: number) {
  await db.insertInto("petition_count_delta").values({ petition_id: petitionId, delta }).execute();
}

// Fold and recount take this lock, so a recount never reads deltas a fold is about to add in.
const COUNT_LOCK = 727_001;

/**
 * Folds waiting deltas into the petitions' counts: up to `limit` at a time, claimed with SKIP LOCKED
 * so concurrent folds never take the same row, summed per petition, deleted in the same statement
 * that adds them. Exact whatever order confirmations committed in. A count that passes one of the
 * petition's milestones (or its goal) puts an entry on the campaign's timeline, in the same transaction.
 * Returns how many deltas were folded.
 */
export type MilestoneReached = { campaignId: number; petitionTitle: string; milestone: number; goal: boolean };

export async function foldCountDeltas(
  db: Database,
  limit = 10_000,
  onMilestone?: (trx: Database, reached: MilestoneReached) => Promise<unknown>,
  onFolded?: (trx: Database, petitionIds: number[]) => Promise<unknown>,
) {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${COUNT_LOCK})`.execute(trx);
    const result = await sql<{ id: number; campaign_id: number; title: string; now: number; added: number; folded: number; milestones: number[]; goal: number }>`
      with claimed as (
        delete from petition_count_delta where id in (select id from petition_count_delta order by id limit ${limit} for update skip locked)
        returning petition_id, delta
      ), sums as (
        select petition_id, sum(delta)::int as total, count(*)::int as n from claimed group by petition_id
      )
      update petition set signature_count = petition.signature_count + sums.total from sums where petition.id = sums.petition_id
      returning petition.id, petition.campaign_id, petition.title, petition.signature_count as now, sums.total as added, sums.n as folded, petition.milestones, petition.goal`.execute(trx);
    for (const row of result.rows) {
      const before = row.now - row.added;
      const passed = [...new Set([...row.milestones, row.goal])].filter((m) => before < m && m <= row.now).sort((a, b) => a - b);
      for (const milestone of passed) {
        await trx
          .insertInto("campaign_event")
          .values({
            campaign_id: row.campaign_id,
            kind: "update",
            title: `${milestone.toLocaleString("en-GB")} signatures${milestone === row.goal ? ": the goal is reached" : ""}`,
            body: `The petition “${row.title}” has passed ${milestone.toLocaleString("en-GB")} confirmed signatures.`,
            happened_on: sql<string>`(now() at time zone 'Europe/London')::date`,
            author_id: null,
          })
          .execute();
        // In the same transaction: the campaign's followers are told (see frequentWork).
        await onMilestone?.(trx, { campaignId: row.campaign_id, petitionTitle: row.title, milestone, goal: milestone === row.goal });
      }
    }
    // Still under the lock and in the same transaction: thresholds that ask decision makers (accountability).
    if (result.rows.length) await onFolded?.(trx, result.rows.map((r) => r.id));
    return result.rows.reduce((sum, r) => sum + r.folded, 0);
  });
}

/**
 * Sets each petition's count from its confirmed signatures, less the deltas still waiting to be
 * folded (they are already among the confirmed), correcting any drift. Returns the petitions corrected.
 */
export async function recountPetitions(db: Database) {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${COUNT_LOCK})`.execute(trx);
    const result = await sql`
      update petition set signature_count = truth.n
      from (
        select p.id,
          (select count(*) from petition_signature s where s.petition_id = p.id and s.status = 'confirmed')::int
          - coalesce((select sum(delta) from petition_count_delta d where d.petition_id = p.id), 0)::int as n
        from petition p where p.status <> 'draft'
      ) truth
      where petition.id = truth.id and petition.signature_count <> truth.n`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}

/** Confirmed signatures for delivery, oldest first, a page at a time (keyset on id). */
export function listConfirmedSignatures(db: Database, petitionId: number, afterId: number, limit: number) {
  return db
    .selectFrom("petition_signature")
    .select(["id", "name", "outward_code", "campaign_consent", "email", "confirmed_at"])
    .where("petition_id", "=", petitionId)
    .where("status", "=", "confirmed")
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Confirmed signatures per UK day, for the dashboard's chart (bounded by the petition's length). */
export function countSignaturesByDay(db: Database, campaignId: number) {
  return db
    .selectFrom("petition_signature")
    .innerJoin("petition", "petition.id", "petition_signature.petition_id")
    .select([sql<string>`to_char(petition_signature.confirmed_at at time zone 'Europe/London', 'YYYY-MM-DD')`.as("day"), sql<number>`count(*)::int`.as("signatures")])
    .where("petition.campaign_id", "=", campaignId)
    .where("petition_signature.status", "=", "confirmed")
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .limit(1000)
    .execute();
}

/**
 * Confirmed signatures per postcode area (the letters of the outward code: "LS", "M"), most first:
 * across a campaign's petitions, or one of them (a story pack's cover).
 */
export function countSignaturesByArea(db: Database, campaignId: number, petitionId: number | null = null) {
  return db
    .selectFrom("petition_signature")
    .innerJoin("petition", "petition.id", "petition_signature.petition_id")
    .select([sql<string>`coalesce(substring(petition_signature.outward_code from '^[A-Z]+'), 'Not given')`.as("area"), sql<number>`count(*)::int`.as("signatures")])
    .where("petition.campaign_id", "=", campaignId)
    .$if(petitionId !== null, (qb) => qb.where("petition.id", "=", petitionId!))
    .where("petition_signature.status", "=", "confirmed")
    .groupBy(sql`1`)
    .orderBy(sql`2`, "desc")
    .orderBy(sql`1`)
    .limit(150)
    .execute();
}

/** Suspect signatures still counting or waiting, grouped by network and email domain, largest first. */
export function listSuspectClusters(db: Database, petitionId: number) {
  return db
    .selectFrom("petition_signature")
    .select([
      "ip_hash",
      sql<string>`split_part(email_normalised, '@', 2)`.as("domain"),
      sql<number>`count(*)::int`.as("signatures"),
      sql<number>`(count(*) filter (where status = 'confirmed'))::int`.as("confirmed"),
    ])
    .where("petition_id", "=", petitionId)
    .where("suspect", "=", true)
    .where("status", "in", ["pending", "confirmed"])
    .groupBy(["ip_hash", sql`2`])
    .orderBy(sql`3`, "desc")
    .limit(50)
    .execute();
}

/**
 * Anonymises the signers of petitions closed more than `days` ago: names, emails, networks and
 * consents go; status, confirmation time and postcode area stay, so counts and areas still add up.
 * Returns how many signatures were anonymised.
 */
export async function anonymiseClosedPetitionSigners(db: Database, days: number) {
  const result = await sql`
    update petition_signature s set name = 'Anonymised', email = '', email_normalised = 'anonymised-' || s.id, ip_hash = null, show_name = false, campaign_consent = false
    from petition p
    where p.id = s.petition_id and p.closed_at < now() - make_interval(days => ${days}) and s.email <> ''`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** How many confirmed signers asked for campaign news. */
export async function countNewsAudience(db: Database, petitionId: number) {
  const row = await db
    .selectFrom("petition_signature")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("petition_id", "=", petitionId)
    .where("status", "=", "confirmed")
    .where("campaign_consent", "=", true)
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * The count a signer who just confirmed should see: the folded count plus confirmations not folded
 * yet (the fold runs every few seconds; the waiting deltas are only those seconds' worth). Read only
 * for someone who has just signed: everyone else sees the folded count.
 */
export async function getCountIncludingUnfolded(db: Database, petitionId: number) {
  const row = await db
    .selectFrom("petition")
    .select((eb) => ["petition.signature_count", eb.selectFrom("petition_count_delta").select(sql<number>`coalesce(sum(delta), 0)::int`.as("n")).where("petition_id", "=", petitionId).as("waiting")])
    .where("petition.id", "=", petitionId)
    .executeTakeFirstOrThrow();
  return row.signature_count + Number(row.waiting ?? 0);
}

/** Changes a petition's wording and numbers while it is a draft; false once it has opened. */
export async function updateDraftPetition(db: Database, petitionId: number, fields: PetitionFields) {
  const result = await db
    .updateTable("petition")
    .set(petitionColumns(fields))
    .where("id", "=", petitionId)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A petition's status and thresholds, locked while its decision makers and thresholds change. */
export function getPetitionAsksForUpdate(db: Database, petitionId: number) {
  return db
    .selectFrom("petition")
    .select(["id", "status", "response_threshold", "meeting_threshold", "response_asked_at", "meeting_asked_at"])
    .where("id", "=", petitionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setPetitionThresholds(db: Database, petitionId: number, thresholds: { responseThreshold: number | null; meetingThreshold: number | null }) {
  await db.updateTable("petition").set({ response_threshold: thresholds.responseThreshold, meeting_threshold: thresholds.meetingThreshold }).where("id", "=", petitionId).execute();
}
