import { sql } from "kysely";
import type { Database } from "../../db";
import type { DatePollAnswer, DatePollAudience } from "../../db/schema";

/** Choosing a date for a draft event: its poll, options, invitees and answers. */

export function getDatePoll(db: Database, eventId: number) {
  return db.selectFrom("event_date_poll").selectAll().where("event_id", "=", eventId).executeTakeFirst();
}

/**
 * The poll's row, locked: a pick takes it FOR UPDATE, answers FOR SHARE, so an answer never lands
 * after the pick that closed the poll, and two picks never both win.
 */
export function lockDatePoll(trx: Database, eventId: number, mode: "update" | "share") {
  const query = trx.selectFrom("event_date_poll").selectAll().where("event_id", "=", eventId);
  return (mode === "update" ? query.forUpdate() : query.forShare()).executeTakeFirst();
}

/** Opens a poll; false when the event already has one. */
export async function insertDatePoll(trx: Database, eventId: number, audience: DatePollAudience, openedBy: number) {
  const row = await trx.insertInto("event_date_poll").values({ event_id: eventId, audience, opened_by: openedBy }).onConflict((oc) => oc.column("event_id").doNothing()).returning("event_id").executeTakeFirst();
  return Boolean(row);
}

export async function insertDateOptions(trx: Database, eventId: number, options: Array<{ startsAt: Date; endsAt: Date }>) {
  await trx
    .insertInto("event_date_option")
    .values(options.map((o) => ({ event_id: eventId, starts_at: o.startsAt, ends_at: o.endsAt })))
    .execute();
}

export function listDateOptions(db: Database, eventId: number) {
  return db.selectFrom("event_date_option").select(["id", "starts_at", "ends_at"]).where("event_id", "=", eventId).orderBy("starts_at").orderBy("id").execute();
}

/**
 * Writes down who is invited, from the host's own people: a campaign's followers and organisers, an
 * organisation's members, or (for the coalition) every member; plus the host who opens it. Accounts
 * that were deleted are left out. Returns the invitees' ids.
 */
export async function insertInvitees(trx: Database, eventId: number, audience: { kind: "campaign"; campaignId: number } | { kind: "organisation"; organisationId: number } | { kind: "coalition" }, openedBy: number) {
  const candidates =
    audience.kind === "campaign"
      ? sql`select member_id from follow where subject = ${`campaign:${audience.campaignId}`}
            union select member_id from campaign_organiser where campaign_id = ${audience.campaignId}
            union select ${openedBy}::bigint`
      : audience.kind === "organisation"
        ? sql`select member_id from organisation_membership where organisation_id = ${audience.organisationId}
              union select ${openedBy}::bigint`
        : sql`select id from member`;
  const rows = await sql<{ member_id: number }>`
    insert into event_date_invitee (event_id, member_id)
    select ${eventId}, m.id from member m where m.deleted_at is null and m.id in (${candidates})
    on conflict do nothing
    returning member_id`.execute(trx);
  return rows.rows.map((r) => Number(r.member_id));
}

export async function isInvitee(db: Database, eventId: number, memberId: number) {
  const row = await db.selectFrom("event_date_invitee").select("member_id").where("event_id", "=", eventId).where("member_id", "=", memberId).executeTakeFirst();
  return Boolean(row);
}

export async function countInvitees(db: Database, eventId: number) {
  const row = await db.selectFrom("event_date_invitee").select((eb) => eb.fn.countAll<string>().as("n")).where("event_id", "=", eventId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sets (or changes) one member's answers to a poll's options. */
export async function upsertAnswers(trx: Database, memberId: number, answers: Array<{ optionId: number; answer: DatePollAnswer }>) {
  if (!answers.length) return;
  await trx
    .insertInto("event_date_answer")
    .values(answers.map((a) => ({ option_id: a.optionId, member_id: memberId, answer: a.answer })))
    .onConflict((oc) => oc.columns(["option_id", "member_id"]).doUpdateSet({ answer: (eb) => eb.ref("excluded.answer"), answered_at: new Date() }))
    .execute();
}

export function listMemberAnswers(db: Database, eventId: number, memberId: number) {
  return db
    .selectFrom("event_date_answer")
    .innerJoin("event_date_option", "event_date_option.id", "event_date_answer.option_id")
    .select(["event_date_answer.option_id", "event_date_answer.answer"])
    .where("event_date_option.event_id", "=", eventId)
    .where("event_date_answer.member_id", "=", memberId)
    .execute();
}

/** Per option: how many said yes, if need be, and no. */
export async function tallyAnswers(db: Database, eventId: number) {
  const rows = await db
    .selectFrom("event_date_option")
    .leftJoin("event_date_answer", "event_date_answer.option_id", "event_date_option.id")
    .select((eb) => [
      "event_date_option.id as option_id",
      eb.fn.count<string>("event_date_answer.member_id").filterWhere("event_date_answer.answer", "=", "yes").as("yes"),
      eb.fn.count<string>("event_date_answer.member_id").filterWhere("event_date_answer.answer", "=", "if_need_be").as("if_need_be"),
      eb.fn.count<string>("event_date_answer.member_id").filterWhere("event_date_answer.answer", "=", "no").as("no"),
    ])
    .where("event_date_option.event_id", "=", eventId)
    .groupBy("event_date_option.id")
    .execute();
  return new Map(rows.map((r) => [Number(r.option_id), { yes: Number(r.yes), ifNeedBe: Number(r.if_need_be), no: Number(r.no) }]));
}

/** For hosts only: who answered what, by current display name. */
export function listAnswersWithNames(db: Database, eventId: number) {
  return db
    .selectFrom("event_date_answer")
    .innerJoin("event_date_option", "event_date_option.id", "event_date_answer.option_id")
    .innerJoin("member", "member.id", "event_date_answer.member_id")
    .select(["event_date_answer.option_id", "event_date_answer.answer", "member.id as member_id", "member.display_name"])
    .where("event_date_option.event_id", "=", eventId)
    .orderBy("member.display_name")
    .orderBy("member.id")
    .execute();
}

/** Everyone who answered at least one option. */
export async function listAnswererIds(trx: Database, eventId: number) {
  const rows = await trx
    .selectFrom("event_date_answer")
    .innerJoin("event_date_option", "event_date_option.id", "event_date_answer.option_id")
    .select("event_date_answer.member_id")
    .distinct()
    .where("event_date_option.event_id", "=", eventId)
    .execute();
  return rows.map((r) => Number(r.member_id));
}

export async function closeDatePoll(trx: Database, eventId: number, optionId: number) {
  await trx.updateTable("event_date_poll").set({ chosen_option_id: optionId, closed_at: new Date() }).where("event_id", "=", eventId).execute();
}

/** The chosen time becomes the event's: a change of time, so calendars see a new SEQUENCE. */
export async function setEventTimes(trx: Database, eventId: number, times: { startsAt: Date; endsAt: Date; closesAt: Date }) {
  await trx
    .updateTable("event")
    .set({ starts_at: times.startsAt, ends_at: times.endsAt, registration_closes_at: times.closesAt, sequence: sql<number>`sequence + 1`, updated_at: new Date() })
    .where("id", "=", eventId)
    .execute();
}
