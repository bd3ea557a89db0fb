import { sql } from "kysely";
import type { Database } from "../../db";
import type { AccessNeed, EventFormat, EventHostKind, EventKind, RegistrationStatus } from "../../db/schema";

/** Events (#23): all SQL for events, their registrations, access needs, outcomes and feeds lives here. */

export interface EventFields {
  title: string;
  purpose: string;
  audienceNote: string;
  kind: EventKind;
  format: EventFormat;
  address: string | null;
  accessNotes: string | null;
  joinUrl: string | null;
  region: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  closesAt: Date;
  capacity: number | null;
  visibility: "public" | "members";
  paymentPence: number | null;
  travelExpenses: boolean;
  agenda: string | null;
  agendaEasyRead: string | null;
}

export interface EventHost {
  kind: EventHostKind;
  organisationId: number | null;
  campaignId: number | null;
}

const columnsOf = (f: EventFields) => ({
  title: f.title,
  purpose: f.purpose,
  audience_note: f.audienceNote,
  kind: f.kind,
  format: f.format,
  address: f.format === "online" ? null : f.address,
  access_notes: f.accessNotes,
  join_url: f.format === "in_person" ? null : f.joinUrl,
  region: f.region,
  starts_at: f.startsAt,
  ends_at: f.endsAt,
  time_zone: f.timeZone,
  registration_closes_at: f.closesAt,
  capacity: f.capacity,
  visibility: f.visibility,
  payment_pence: f.paymentPence,
  travel_expenses: f.travelExpenses,
  agenda: f.agenda,
  agenda_easy_read: f.agendaEasyRead,
});

export async function insertEvent(db: Database, fields: EventFields, host: EventHost, createdBy: number, parentId: number | null = null) {
  const row = await db
    .insertInto("event")
    .values({ ...columnsOf(fields), host_kind: host.kind, organisation_id: host.organisationId, campaign_id: host.campaignId, created_by: createdBy, parent_id: parentId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Saves new details; the caller decides whether the time or place changed (bumpSequence). */
export async function updateEventFields(db: Database, id: number, fields: EventFields, host: EventHost, bumpSequence: boolean) {
  await db
    .updateTable("event")
    .set({
      ...columnsOf(fields),
      host_kind: host.kind,
      organisation_id: host.organisationId,
      campaign_id: host.campaignId,
      updated_at: new Date(),
      ...(bumpSequence ? { sequence: sql<number>`sequence + 1` } : {}),
    })
    .where("id", "=", id)
    .execute();
}

export function getEvent(db: Database, id: number) {
  return db
    .selectFrom("event")
    .leftJoin("organisation", "organisation.id", "event.organisation_id")
    .leftJoin("campaign", "campaign.id", "event.campaign_id")
    .selectAll("event")
    .select(["organisation.name as organisation_name", "organisation.slug as organisation_slug", "campaign.title as campaign_title"])
    .where("event.id", "=", id)
    .executeTakeFirst();
}
export type EventWithHost = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

/** Locks the event's row: every change to its places is made under this lock, one at a time. */
export function lockEvent(trx: Database, id: number) {
  return trx.selectFrom("event").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function setEventStatus(db: Database, id: number, status: "published" | "cancelled") {
  await db
    .updateTable("event")
    .set({
      status,
      updated_at: new Date(),
      ...(status === "published" ? { published_at: new Date() } : { sequence: sql<number>`sequence + 1` }),
    })
    .where("id", "=", id)
    .execute();
}

export async function updateEventNotes(db: Database, id: number, notes: { minutes: string | null; attendedCount: number | null }) {
  await db.updateTable("event").set({ minutes: notes.minutes, attended_count: notes.attendedCount, updated_at: new Date() }).where("id", "=", id).execute();
}

export async function changeRegisteredCount(trx: Database, id: number, by: number) {
  await trx
    .updateTable("event")
    .set({ registered_count: sql<number>`registered_count + ${by}` })
    .where("id", "=", id)
    .execute();
}

export interface EventFilters {
  when: "upcoming" | "past";
  kind: EventKind | null;
  format: EventFormat | null;
  region: string | null;
  campaignId: number | null;
  organisationId: number | null;
}

/**
 * One page of published events and whether there is another: upcoming soonest first, past latest
 * first. Members-only events are listed to everyone (their page asks visitors to sign in). A lobby
 * day's local events are listed too, each with its lobby day named.
 */
export async function listEvents(db: Database, filters: EventFilters, page: number, pageSize: number, now = new Date()) {
  const rows = await db
    .selectFrom("event")
    .leftJoin("organisation", "organisation.id", "event.organisation_id")
    .leftJoin("campaign", "campaign.id", "event.campaign_id")
    .leftJoin("event as lobby_day", "lobby_day.id", "event.parent_id")
    .select([
      "event.id",
      "event.parent_id",
      "lobby_day.title as lobby_day_title",
      "event.title",
      "event.kind",
      "event.format",
      "event.region",
      "event.starts_at",
      "event.ends_at",
      "event.time_zone",
      "event.capacity",
      "event.registered_count",
      "event.visibility",
      "event.host_kind",
      "organisation.name as organisation_name",
      "campaign.title as campaign_title",
    ])
    .where("event.status", "=", "published")
    .$if(filters.when === "upcoming", (qb) => qb.where("event.ends_at", ">", now).orderBy("event.starts_at", "asc").orderBy("event.id", "asc"))
    .$if(filters.when === "past", (qb) => qb.where("event.ends_at", "<=", now).orderBy("event.starts_at", "desc").orderBy("event.id", "desc"))
    .$if(filters.kind !== null, (qb) => qb.where("event.kind", "=", filters.kind!))
    .$if(filters.format === "online", (qb) => qb.where("event.format", "in", ["online", "hybrid"]))
    .$if(filters.format === "in_person", (qb) => qb.where("event.format", "in", ["in_person", "hybrid"]))
    .$if(filters.format === "hybrid", (qb) => qb.where("event.format", "=", "hybrid"))
    .$if(filters.region !== null, (qb) => qb.where("event.region", "=", filters.region!))
    .$if(filters.campaignId !== null, (qb) => qb.where("event.campaign_id", "=", filters.campaignId!))
    .$if(filters.organisationId !== null, (qb) => qb.where("event.organisation_id", "=", filters.organisationId!))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .execute();
  return { events: rows.slice(0, pageSize), hasNext: rows.length > pageSize };
}

/** The campaigns and organisations that host at least one published event: the filters' choices. */
export async function listEventHostChoices(db: Database) {
  const [campaigns, organisations] = await Promise.all([
    db.selectFrom("campaign").select(["campaign.id", "campaign.title"]).where((eb) => eb.exists(eb.selectFrom("event").select("event.id").whereRef("event.campaign_id", "=", "campaign.id").where("event.status", "=", "published"))).orderBy("campaign.title").execute(),
    db.selectFrom("organisation").select(["organisation.id", "organisation.name"]).where((eb) => eb.exists(eb.selectFrom("event").select("event.id").whereRef("event.organisation_id", "=", "organisation.id").where("event.status", "=", "published"))).orderBy("organisation.name").execute(),
  ]);
  return { campaigns, organisations };
}

/** The member's drafts (as a host) and what they host: for the events page's "your events". */
export function listDraftEventsFor(db: Database, memberId: number) {
  return db.selectFrom("event").select(["id", "title", "starts_at", "time_zone"]).where("status", "=", "draft").where("created_by", "=", memberId).orderBy("starts_at").limit(50).execute();
}

// Hosts -----------------------------------------------------------------------------------------

/** Organisations the member runs and active campaigns they organise: whom they may host for. */
export async function listHostChoicesFor(db: Database, memberId: number) {
  const [organisations, campaigns] = await Promise.all([
    db
      .selectFrom("organisation_membership")
      .innerJoin("organisation", "organisation.id", "organisation_membership.organisation_id")
      .select(["organisation.id", "organisation.name"])
      .where("organisation_membership.member_id", "=", memberId)
      .where("organisation_membership.role", "=", "admin")
      .orderBy("organisation.name")
      .execute(),
    db
      .selectFrom("campaign_organiser")
      .innerJoin("campaign", "campaign.id", "campaign_organiser.campaign_id")
      .select(["campaign.id", "campaign.title"])
      .where("campaign_organiser.member_id", "=", memberId)
      .where("campaign.status", "=", "active")
      .orderBy("campaign.title")
      .execute(),
  ]);
  return { organisations, campaigns };
}

/** Whether the member runs the event's host: an admin of its organisation or an organiser of its campaign. */
export async function runsEventHost(db: Database, event: { host_kind: EventHostKind; organisation_id: number | null; campaign_id: number | null }, memberId: number) {
  if (event.host_kind === "organisation" && event.organisation_id !== null) {
    const row = await db.selectFrom("organisation_membership").select("member_id").where("organisation_id", "=", event.organisation_id).where("member_id", "=", memberId).where("role", "=", "admin").executeTakeFirst();
    return Boolean(row);
  }
  if (event.host_kind === "campaign" && event.campaign_id !== null) {
    const row = await db.selectFrom("campaign_organiser").select("member_id").where("campaign_id", "=", event.campaign_id).where("member_id", "=", memberId).executeTakeFirst();
    return Boolean(row);
  }
  return false;
}

// Registrations ---------------------------------------------------------------------------------

const registrationColumns = ["id", "event_id", "member_id", "name", "email", "status", "queued_at", "expert_by_experience", "claims_travel", "attended", "confirm_expires_at"] as const;

export function findMemberRegistration(db: Database, eventId: number, memberId: number) {
  return db.selectFrom("event_registration").select(registrationColumns).where("event_id", "=", eventId).where("member_id", "=", memberId).executeTakeFirst();
}

export function findEmailRegistration(trx: Database, eventId: number, emailNormalised: string) {
  return trx.selectFrom("event_registration").select(registrationColumns).where("event_id", "=", eventId).where("email_normalised", "=", emailNormalised).forUpdate().executeTakeFirst();
}

export function getRegistrationForUpdate(trx: Database, id: number) {
  return trx.selectFrom("event_registration").select(registrationColumns).where("id", "=", id).forUpdate().executeTakeFirst();
}

export function findRegistrationByConfirmToken(db: Database, tokenHash: string) {
  return db.selectFrom("event_registration").select(registrationColumns).where("confirm_token_hash", "=", tokenHash).executeTakeFirst();
}

export interface RegistrationValues {
  eventId: number;
  memberId: number | null;
  name: string;
  email: string | null;
  emailNormalised: string | null;
  status: RegistrationStatus;
  expert: boolean;
  travel: boolean;
  confirmTokenHash?: string | null;
  confirmExpiresAt?: Date | null;
}

/** Inserts or, for someone who registered before (and cancelled, or never confirmed), starts over. */
export async function upsertRegistration(trx: Database, values: RegistrationValues) {
  const row = {
    event_id: values.eventId,
    member_id: values.memberId,
    name: values.name,
    email: values.email,
    email_normalised: values.emailNormalised,
    status: values.status,
    queued_at: values.status === "waiting" ? new Date() : null,
    expert_by_experience: values.expert,
    claims_travel: values.travel,
    confirm_token_hash: values.confirmTokenHash ?? null,
    confirm_expires_at: values.confirmExpiresAt ?? null,
  };
  const existing = values.memberId !== null ? await findMemberRegistration(trx, values.eventId, values.memberId) : await findEmailRegistration(trx, values.eventId, values.emailNormalised!);
  if (existing) {
    await trx
      .updateTable("event_registration")
      .set({ ...row, attended: null, updated_at: new Date() })
      .where("id", "=", existing.id)
      .execute();
    return existing.id;
  }
  const inserted = await trx.insertInto("event_registration").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function setRegistrationStatus(trx: Database, id: number, status: RegistrationStatus) {
  await trx
    .updateTable("event_registration")
    .set({ status, queued_at: status === "waiting" ? new Date() : null, updated_at: new Date(), ...(status !== "pending" ? { confirm_token_hash: null } : {}) })
    .where("id", "=", id)
    .execute();
}

/** The first person on the waiting list (the longest waiting), locked: the one a freed place goes to. */
export function firstWaiting(trx: Database, eventId: number) {
  return trx
    .selectFrom("event_registration")
    .select(registrationColumns)
    .where("event_id", "=", eventId)
    .where("status", "=", "waiting")
    .orderBy("queued_at")
    .orderBy("id")
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

/** Where someone is on the waiting list: 1 for the next to get a place. */
export async function waitingPosition(db: Database, eventId: number, registrationId: number) {
  const row = await db
    .selectFrom("event_registration as me")
    .innerJoin("event_registration as ahead", (join) => join.onRef("ahead.event_id", "=", "me.event_id").on("ahead.status", "=", "waiting").on((eb) => eb.or([eb("ahead.queued_at", "<", eb.ref("me.queued_at")), eb.and([eb("ahead.queued_at", "=", eb.ref("me.queued_at")), eb("ahead.id", "<=", eb.ref("me.id"))])])))
    .select((eb) => eb.fn.countAll<number>().as("position"))
    .where("me.id", "=", registrationId)
    .where("me.event_id", "=", eventId)
    .executeTakeFirst();
  return Number(row?.position ?? 0);
}

export function countRegistrations(db: Database, eventId: number) {
  return db
    .selectFrom("event_registration")
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere("status", "=", "registered").as("registered"),
      eb.fn.countAll<number>().filterWhere("status", "=", "waiting").as("waiting"),
      eb.fn.countAll<number>().filterWhere("status", "=", "registered").filterWhere("attended", "=", true).as("attended"),
    ])
    .where("event_id", "=", eventId)
    .executeTakeFirstOrThrow();
}

/** The addresses of everyone with a place or waiting, for telling them the event changed or was cancelled. */
export function listActiveRegistrations(db: Database, eventId: number) {
  return db.selectFrom("event_registration").select(["id", "member_id", "email", "name", "status"]).where("event_id", "=", eventId).where("status", "in", ["registered", "waiting"]).orderBy("id").execute();
}

/**
 * Hosts only: one page of registrations with each person's access needs. Access needs are read by
 * this query and the hosts' export below, and by no other.
 */
export function listRegistrationsForHosts(db: Database, eventId: number, options: { afterId?: number; limit: number; offset?: number }) {
  return db
    .selectFrom("event_registration as r")
    .leftJoin("member as m", "m.id", "r.member_id")
    .leftJoin("event_access_need as n", "n.registration_id", "r.id")
    .select(["r.id", "r.name", "r.status", "r.queued_at", "r.expert_by_experience", "r.claims_travel", "r.attended", "r.created_at", "r.member_id", "n.needs", "n.dietary", "n.other"])
    .select((eb) => eb.fn.coalesce("r.email", "m.notification_email", "m.email").as("address"))
    .select((eb) => eb.fn.coalesce("m.display_name", "r.name").as("shown_name"))
    .where("r.event_id", "=", eventId)
    .where("r.status", "in", ["registered", "waiting"])
    .$if(options.afterId !== undefined, (qb) => qb.where("r.id", ">", options.afterId!))
    .orderBy(sql`case r.status when 'registered' then 0 else 1 end`)
    .orderBy("r.queued_at")
    .orderBy("r.id")
    .limit(options.limit)
    .$if(options.offset !== undefined, (qb) => qb.offset(options.offset!))
    .execute();
}

/** Hosts' export, in id order (keyset batches). */
export function listRegistrationsForExport(db: Database, eventId: number, afterId: number, limit: number) {
  return db
    .selectFrom("event_registration as r")
    .leftJoin("member as m", "m.id", "r.member_id")
    .leftJoin("event_access_need as n", "n.registration_id", "r.id")
    .select(["r.id", "r.name", "r.status", "r.expert_by_experience", "r.claims_travel", "r.attended", "n.needs", "n.dietary", "n.other"])
    .select((eb) => eb.fn.coalesce("r.email", "m.notification_email", "m.email").as("address"))
    .select((eb) => eb.fn.coalesce("m.display_name", "r.name").as("shown_name"))
    .where("r.event_id", "=", eventId)
    .where("r.status", "in", ["registered", "waiting"])
    .where("r.id", ">", afterId)
    .orderBy("r.id")
    .limit(limit)
    .execute();
}

/** Who is owed what: experts by experience with a place who attended. */
export function listPayments(db: Database, eventId: number) {
  return db
    .selectFrom("event_registration as r")
    .leftJoin("member as m", "m.id", "r.member_id")
    .select(["r.id", "r.claims_travel"])
    .select((eb) => eb.fn.coalesce("r.email", "m.notification_email", "m.email").as("address"))
    .select((eb) => eb.fn.coalesce("m.display_name", "r.name").as("shown_name"))
    .where("r.event_id", "=", eventId)
    .where("r.status", "=", "registered")
    .where("r.expert_by_experience", "=", true)
    .where("r.attended", "=", true)
    .orderBy("r.id")
    .execute();
}

/** Marks who came, for the registrations listed on the page (the rest of the list is untouched). */
export async function markAttendance(db: Database, eventId: number, shownIds: number[], attendedIds: number[]) {
  if (!shownIds.length) return;
  const attended = new Set(attendedIds);
  const came = shownIds.filter((id) => attended.has(id));
  const didNot = shownIds.filter((id) => !attended.has(id));
  if (came.length) await db.updateTable("event_registration").set({ attended: true }).where("event_id", "=", eventId).where("status", "=", "registered").where("id", "in", came).execute();
  if (didNot.length) await db.updateTable("event_registration").set({ attended: false }).where("event_id", "=", eventId).where("status", "=", "registered").where("id", "in", didNot).execute();
}

// Access needs ----------------------------------------------------------------------------------

export async function saveAccessNeeds(trx: Database, registrationId: number, needs: { needs: AccessNeed[]; dietary: string | null; other: string | null }) {
  await trx.deleteFrom("event_access_need").where("registration_id", "=", registrationId).execute();
  const dietary = needs.needs.includes("dietary") || needs.dietary ? needs.dietary : null;
  if (!needs.needs.length && !needs.other && !dietary) return false;
  await trx.insertInto("event_access_need").values({ registration_id: registrationId, needs: needs.needs, dietary, other: needs.other }).execute();
  return true;
}

export async function deleteAccessNeeds(trx: Database, registrationId: number) {
  await trx.deleteFrom("event_access_need").where("registration_id", "=", registrationId).execute();
}

/** The 30-day rule: access needs for events that ended before `cutoff` go; how many registrations' needs went. */
export async function deleteAccessNeedsEndedBefore(db: Database, cutoff: Date) {
  const deleted = await db
    .deleteFrom("event_access_need")
    .where("registration_id", "in", (eb) => eb.selectFrom("event_registration").innerJoin("event", "event.id", "event_registration.event_id").select("event_registration.id").where("event.ends_at", "<", cutoff))
    .executeTakeFirst();
  await db.updateTable("event").set({ access_needs_deleted_at: new Date() }).where("ends_at", "<", cutoff).where("access_needs_deleted_at", "is", null).execute();
  return Number(deleted.numDeletedRows);
}


export function hasAccessNeeds(db: Database, registrationId: number) {
  return db.selectFrom("event_access_need").select("registration_id").where("registration_id", "=", registrationId).executeTakeFirst().then(Boolean);
}

export async function deleteMemberAccessNeeds(trx: Database, memberId: number) {
  await trx
    .deleteFrom("event_access_need")
    .where("registration_id", "in", (eb) => eb.selectFrom("event_registration").select("id").where("member_id", "=", memberId))
    .execute();
}

/** A member's registrations, for their data download and their calendar feed. */
export function listMemberRegistrations(db: Database, memberId: number, options: { activeOnly?: boolean; since?: Date } = {}) {
  return db
    .selectFrom("event_registration as r")
    .innerJoin("event as e", "e.id", "r.event_id")
    .select(["r.id", "r.status", "r.expert_by_experience", "r.claims_travel", "r.attended", "r.created_at", "e.id as event_id", "e.title", "e.purpose", "e.format", "e.address", "e.join_url", "e.starts_at", "e.ends_at", "e.time_zone", "e.sequence", "e.updated_at", "e.status as event_status"])
    .where("r.member_id", "=", memberId)
    .$if(Boolean(options.activeOnly), (qb) => qb.where("r.status", "in", ["registered", "waiting"]).where("e.status", "in", ["published", "cancelled"]))
    .$if(options.since !== undefined, (qb) => qb.where("e.ends_at", ">", options.since!))
    .orderBy("e.starts_at")
    .limit(500)
    .execute();
}

// Reminders ---------------------------------------------------------------------------------------

/** Published events starting within (now, until] not yet reminded, claimed (marked) in the caller's transaction. */
export function claimEventsToRemind(trx: Database, now: Date, until: Date) {
  return trx
    .updateTable("event")
    .set({ reminders_sent_at: now })
    .where("id", "in", (eb) =>
      eb.selectFrom("event").select("id").where("status", "=", "published").where("reminders_sent_at", "is", null).where("starts_at", ">", now).where("starts_at", "<=", until).orderBy("starts_at").limit(50).forUpdate().skipLocked(),
    )
    .returning(["id", "title", "starts_at", "time_zone", "format", "address"])
    .execute();
}

export function listRegisteredForReminder(trx: Database, eventId: number) {
  return trx.selectFrom("event_registration").select(["id", "member_id", "email", "name"]).where("event_id", "=", eventId).where("status", "=", "registered").orderBy("id").execute();
}

// Outcomes ---------------------------------------------------------------------------------------

export async function insertOutcome(db: Database, eventId: number, target: { kind: "demand" | "amendment" | "campaign"; id: number }, note: string | null) {
  await db
    .insertInto("event_outcome")
    .values({
      event_id: eventId,
      demand_id: target.kind === "demand" ? target.id : null,
      amendment_id: target.kind === "amendment" ? target.id : null,
      campaign_id: target.kind === "campaign" ? target.id : null,
      note,
    })
    .execute();
}

export async function deleteOutcome(db: Database, eventId: number, outcomeId: number) {
  await db.deleteFrom("event_outcome").where("event_id", "=", eventId).where("id", "=", outcomeId).execute();
}

/** What came out of an event, with titles; drafts and withdrawn things are left out. */
export function listOutcomes(db: Database, eventId: number) {
  return db
    .selectFrom("event_outcome as o")
    .leftJoin("demand as d", "d.id", "o.demand_id")
    .leftJoin("amendment as a", "a.id", "o.amendment_id")
    .leftJoin("demand as ad", "ad.id", "a.demand_id")
    .leftJoin("campaign as c", "c.id", "o.campaign_id")
    .select(["o.id", "o.note", "o.demand_id", "o.amendment_id", "o.campaign_id", "d.title as demand_title", "d.stage as demand_stage", "a.demand_id as amendment_demand_id", "ad.title as amendment_demand_title", "ad.stage as amendment_demand_stage", "c.title as campaign_title"])
    .where("o.event_id", "=", eventId)
    .orderBy("o.id")
    .execute();
}

/** Whether a demand, amendment or campaign exists (and is not a private draft), before linking it. */
export async function outcomeTargetExists(db: Database, target: { kind: "demand" | "amendment" | "campaign"; id: number }) {
  if (target.kind === "campaign") return Boolean(await db.selectFrom("campaign").select("id").where("id", "=", target.id).executeTakeFirst());
  if (target.kind === "demand") return Boolean(await db.selectFrom("demand").select("id").where("id", "=", target.id).where("stage", "<>", "draft").executeTakeFirst());
  return Boolean(await db.selectFrom("amendment").innerJoin("demand", "demand.id", "amendment.demand_id").select("amendment.id").where("amendment.id", "=", target.id).where("demand.stage", "<>", "draft").executeTakeFirst());
}

// Calendar feed ----------------------------------------------------------------------------------

export async function getFeedVersion(db: Database, memberId: number) {
  const row = await db.selectFrom("event_calendar_feed").select("version").where("member_id", "=", memberId).executeTakeFirst();
  return row?.version ?? 1;
}

/** A new address: every older one stops working. */
export async function bumpFeedVersion(db: Database, memberId: number) {
  const row = await db
    .insertInto("event_calendar_feed")
    .values({ member_id: memberId, version: 2 })
    .onConflict((oc) => oc.column("member_id").doUpdateSet({ version: sql<number>`event_calendar_feed.version + 1`, updated_at: new Date() }))
    .returning("version")
    .executeTakeFirstOrThrow();
  return row.version;
}

/** Whether the member still exists (a deleted account's feed answers nothing). */
export async function memberIsActive(db: Database, memberId: number) {
  const row = await db.selectFrom("member").select("id").where("id", "=", memberId).where("deleted_at", "is", null).executeTakeFirst();
  return Boolean(row);
}

// Lobby days --------------------------------------------------------------------------------------

/** A lobby day is a campaign's top-level event of kind "lobby day"; local events point at it. */
export function isLobbyDay(event: { kind: EventKind; host_kind: EventHostKind; parent_id: number | null }) {
  return event.kind === "lobby_day" && event.host_kind === "campaign" && event.parent_id === null;
}

/** The lobby day a local event belongs to: its title, for the local event's page. */
export function getParentSummary(db: Database, parentId: number) {
  return db.selectFrom("event").select(["id", "title", "status"]).where("id", "=", parentId).executeTakeFirst();
}

export const LOCAL_EVENTS_SHOWN = 500;

/**
 * A lobby day's published local events, by region then start, each with its meetings booked: one
 * bounded query. Registered people come from each event's own counter, never counted row by row.
 */
export function listLocalEvents(db: Database, parentId: number) {
  return db
    .selectFrom("event as e")
    .leftJoin("organisation as o", "o.id", "e.organisation_id")
    .leftJoin("campaign as c", "c.id", "e.campaign_id")
    .select(["e.id", "e.title", "e.region", "e.format", "e.address", "e.starts_at", "e.time_zone", "e.capacity", "e.registered_count", "e.host_kind", "o.name as organisation_name", "c.title as campaign_title"])
    .select((eb) => eb.selectFrom("event_meeting as m").select((m) => m.fn.countAll<number>().as("n")).whereRef("m.event_id", "=", "e.id").as("meetings"))
    .where("e.parent_id", "=", parentId)
    .where("e.status", "=", "published")
    .orderBy(sql`e.region is null`)
    .orderBy("e.region")
    .orderBy("e.starts_at")
    .orderBy("e.id")
    .limit(LOCAL_EVENTS_SHOWN)
    .execute();
}

/** Totals by region for a lobby day's published local events: events, people registered, meetings booked. */
export async function lobbyDayTotals(db: Database, parentId: number) {
  const rows = await db
    .selectFrom("event as e")
    .leftJoin(
      (eb) => eb.selectFrom("event_meeting as m").innerJoin("event as le", "le.id", "m.event_id").select(["m.event_id"]).select((m) => m.fn.countAll<number>().as("n")).where("le.parent_id", "=", parentId).groupBy("m.event_id").as("mc"),
      (join) => join.onRef("mc.event_id", "=", "e.id"),
    )
    .select("e.region")
    .select((eb) => [eb.fn.countAll<number>().as("events"), eb.fn.coalesce(eb.fn.sum<number>("e.registered_count"), sql<number>`0`).as("registered"), eb.fn.coalesce(eb.fn.sum<number>("mc.n"), sql<number>`0`).as("meetings")])
    .where("e.parent_id", "=", parentId)
    .where("e.status", "=", "published")
    .groupBy("e.region")
    .orderBy(sql`e.region is null`)
    .orderBy("e.region")
    .execute();
  return rows.map((r) => ({ region: r.region, events: Number(r.events), registered: Number(r.registered), meetings: Number(r.meetings) }));
}

/** Whether the event has local events under it (it is then a lobby day and cannot become one itself). */
export async function hasLocalEvents(db: Database, eventId: number) {
  return Boolean(await db.selectFrom("event").select("id").where("parent_id", "=", eventId).limit(1).executeTakeFirst());
}

/** A campaign's published lobby days, for its page: a handful at most. */
export function listCampaignLobbyDays(db: Database, campaignId: number) {
  return db
    .selectFrom("event")
    .select(["id", "title", "starts_at", "time_zone"])
    .where("campaign_id", "=", campaignId)
    .where("host_kind", "=", "campaign")
    .where("kind", "=", "lobby_day")
    .where("parent_id", "is", null)
    .where("status", "=", "published")
    .orderBy("starts_at", "desc")
    .limit(5)
    .execute();
}

/** The decision makers a local event has a meeting booked with. */
export function listEventMeetings(db: Database, eventId: number) {
  return db.selectFrom("event_meeting as m").innerJoin("target as t", "t.id", "m.target_id").select(["t.id", "t.name", "t.role", "t.body"]).where("m.event_id", "=", eventId).orderBy(sql`lower(t.name)`).limit(200).execute();
}

export async function insertEventMeeting(db: Database, eventId: number, targetId: number, createdBy: number) {
  const row = await db.insertInto("event_meeting").values({ event_id: eventId, target_id: targetId, created_by: createdBy }).onConflict((oc) => oc.columns(["event_id", "target_id"]).doNothing()).returning("target_id").executeTakeFirst();
  return Boolean(row);
}

export async function deleteEventMeeting(db: Database, eventId: number, targetId: number) {
  await db.deleteFrom("event_meeting").where("event_id", "=", eventId).where("target_id", "=", targetId).execute();
}

export async function targetExists(db: Database, targetId: number) {
  return Boolean(await db.selectFrom("target").select("id").where("id", "=", targetId).executeTakeFirst());
}

// "Proposed at" -------------------------------------------------------------------------------------

export const PROPOSED_AT_SHOWN = 20;

/**
 * Where a demand (or one of its amendments), or a campaign, came from: the published events whose notes
 * link it. One bounded query for the page.
 */
export function listProposedAt(db: Database, subject: { demandId: number } | { campaignId: number }) {
  return db
    .selectFrom("event_outcome as o")
    .innerJoin("event as e", "e.id", "o.event_id")
    .select(["o.id", "o.note", "o.amendment_id", "e.id as event_id", "e.title as event_title", "e.starts_at", "e.time_zone"])
    .where("e.status", "=", "published")
    .$if("demandId" in subject, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb("o.demand_id", "=", (subject as { demandId: number }).demandId),
          eb("o.amendment_id", "in", eb.selectFrom("amendment").select("amendment.id").where("amendment.demand_id", "=", (subject as { demandId: number }).demandId)),
        ]),
      ),
    )
    .$if("campaignId" in subject, (qb) => qb.where("o.campaign_id", "=", (subject as { campaignId: number }).campaignId))
    .orderBy("e.starts_at")
    .orderBy("o.id")
    .limit(PROPOSED_AT_SHOWN)
    .execute();
}
