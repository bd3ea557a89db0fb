import { sql } from "kysely";
import type { Database } from "../../db";

export async function insertEmail(
  db: Database,
  email: { template: string; toAddress: string; props: Record<string, unknown>; idempotencyKey: string; headers?: Record<string, string> },
) {
  // A repeated key means this exact message was already queued (a retried request): keep the first.
  const inserted = await db
    .insertInto("email")
    .values({
      template: email.template,
      to_address: email.toAddress,
      props: JSON.stringify(email.props),
      idempotency_key: email.idempotencyKey,
      headers: email.headers ? JSON.stringify(email.headers) : null,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/** Many emails in one statement; rows whose idempotency key exists already are skipped. Returns new ids. */
export async function insertEmails(db: Database, emails: Array<{ template: string; toAddress: string; props: Record<string, unknown>; idempotencyKey: string; headers?: Record<string, string> }>) {
  if (!emails.length) return [];
  const rows = await db
    .insertInto("email")
    .values(emails.map((e) => ({ template: e.template, to_address: e.toAddress, props: JSON.stringify(e.props), idempotency_key: e.idempotencyKey, headers: e.headers ? JSON.stringify(e.headers) : null })))
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

/** An email written by a larger statement, without a job: the sweep (claimWaitingEmails) gives it one. */
export interface WaitingEmail {
  template: string;
  toAddress: string;
  props: Record<string, unknown>;
  idempotencyKey: string;
}

/**
 * The SQL that writes one waiting email for each row of `cte`, a CTE of the caller's statement, and
 * returns their ids. For writes whose email must go in the same statement (signing a petition), so
 * the email table is still written only here.
 */
export function insertWaitingEmailFrom(cte: string, email: WaitingEmail) {
  return sql<{ id: number }>`
    insert into email (template, to_address, props, idempotency_key, waiting)
    select ${email.template}, ${email.toAddress}, ${JSON.stringify(email.props)}::jsonb, ${email.idempotencyKey}, true from ${sql.table(cte)}
    returning id`;
}

/** Takes up to `limit` waiting emails off the waiting list, SKIP LOCKED so two sweeps never take the same one. Returns their ids. */
export async function claimWaitingEmails(db: Database, limit: number) {
  const rows = await sql<{ id: number }>`
      update email set waiting = false
      where id in (select id from email where waiting order by id limit ${limit} for update skip locked)
      returning id`.execute(db);
  return rows.rows.map((r) => Number(r.id));
}

export function getEmail(db: Database, id: number) {
  return db.selectFrom("email").selectAll().where("id", "=", id).executeTakeFirst();
}

export function getEmails(db: Database, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom("email").selectAll().where("id", "in", ids).orderBy("id").execute();
}

/** A whole batch recorded as sent in one statement: all or nothing, so a retry sees a consistent batch. */
export async function markEmailsSent(db: Database, sent: Array<{ id: number; subject: string; providerMessageId: string }>) {
  if (!sent.length) return;
  await sql`
    update email set status = 'sent', subject = v.subject, provider_message_id = v.provider_id, sent_at = now(), props = null, attempts = attempts + 1
    from (select * from unnest(${sql.val(sent.map((s) => s.id))}::bigint[], ${sql.val(sent.map((s) => s.subject))}::text[], ${sql.val(sent.map((s) => s.providerMessageId))}::text[]) as t(id, subject, provider_id)) v
    where email.id = v.id`.execute(db);
}

export async function markEmailSent(db: Database, id: number, result: { subject: string; providerMessageId: string }) {
  await db
    .updateTable("email")
    .set({ status: "sent", subject: result.subject, provider_message_id: result.providerMessageId, sent_at: new Date(), props: null })
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt on one email or a whole batch; a permanent failure ends it. */
export async function markEmailAttemptFailed(db: Database, id: number | number[], error: string, permanent: boolean) {
  const ids = Array.isArray(id) ? id : [id];
  if (!ids.length) return;
  await db
    .updateTable("email")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: error.slice(0, 2000) }))
    .$if(permanent, (qb) => qb.set({ status: "failed", props: null }))
    .where("id", "in", ids)
    .execute();
}

type OutboxMessage = { emailId: number; from: string; to: string; replyTo?: string; subject: string; html: string; text: string; headers: Record<string, string> };

/** One outbox row; an email already in the outbox keeps its row (a retried delivery). */
export async function insertOutboxMessage(db: Database, message: OutboxMessage) {
  return (await insertOutboxMessages(db, [message])).get(message.emailId)!;
}

/** Many outbox rows at once (a batch); an email already in the outbox keeps its row. Returns email id → row id. */
export async function insertOutboxMessages(db: Database, messages: OutboxMessage[]) {
  await db
    .insertInto("outbox_message")
    .values(
      messages.map((m) => ({
        email_id: m.emailId,
        from_address: m.from,
        to_address: m.to,
        reply_to: m.replyTo ?? null,
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: JSON.stringify(m.headers),
      })),
    )
    .onConflict((oc) => oc.column("email_id").doNothing())
    .execute();
  const rows = await db.selectFrom("outbox_message").select(["id", "email_id"]).where("email_id", "in", messages.map((m) => m.emailId)).execute();
  return new Map(rows.map((r) => [Number(r.email_id), r.id]));
}

export const OUTBOX_PAGE_SIZE = 25;

/** Newest first, keyset-paginated by id so a long outbox costs the same to page through. */
export function listOutboxMessages(db: Database, options: { to?: string; before?: number; limit?: number } = {}) {
  return db
    .selectFrom("outbox_message")
    .select(["id", "to_address", "from_address", "subject", "created_at"])
    .$if(Boolean(options.to), (qb) => qb.where("to_address", "=", options.to!.toLowerCase()))
    .$if(options.before !== undefined, (qb) => qb.where("id", "<", options.before!))
    .orderBy("id", "desc")
    .limit(options.limit ?? OUTBOX_PAGE_SIZE)
    .execute();
}

export function getOutboxMessage(db: Database, id: number) {
  return db.selectFrom("outbox_message").selectAll().where("id", "=", id).executeTakeFirst();
}

/** What the provider told us about any of these addresses (a hard bounce or a complaint). */
export function listEmailSuppressions(db: Database, addresses: string[]) {
  return db.selectFrom("email_suppression").select(["address", "reason"]).where("address", "in", addresses).execute();
}

/** Suppresses addresses; the first reason recorded for an address stays. */
export async function insertEmailSuppressions(db: Database, addresses: string[], reason: "bounced" | "complained", detail: string) {
  await db
    .insertInto("email_suppression")
    .values(addresses.map((address) => ({ address, reason, detail })))
    .onConflict((oc) => oc.column("address").doNothing())
    .execute();
}

/** Our emails that the provider knows by this id. */
export async function listEmailIdsByProviderId(db: Database, providerMessageId: string) {
  const rows = await db.selectFrom("email").select("id").where("provider_message_id", "=", providerMessageId).execute();
  return rows.map((r) => r.id);
}
