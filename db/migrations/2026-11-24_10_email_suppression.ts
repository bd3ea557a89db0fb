import { sql, type Kysely } from "kysely";

/**
 * Addresses the mail provider told us never to mail again (a hard bounce or a spam complaint), and
 * the provider's webhook deliveries already handled (it retries, so each is acted on once).
 */
export async function up(db: Kysely<any>) {
  await sql`create table email_suppression (
    address text primary key,
    reason text not null check (reason in ('bounced', 'complained')),
    detail text check (char_length(detail) <= 500),
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create table webhook_delivery (
    id text primary key check (char_length(id) <= 200),
    received_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index email_provider_message_idx on email (provider_message_id) where provider_message_id is not null`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop index if exists email_provider_message_idx`.execute(db);
  await sql`drop table if exists webhook_delivery`.execute(db);
  await sql`drop table if exists email_suppression`.execute(db);
}
