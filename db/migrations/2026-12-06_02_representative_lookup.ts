import { sql, type Kysely } from "kysely";

/**
 * Real representatives by postcode (REPRESENTATIVE_LOOKUP=uk-parliament). A looked-up MP becomes an
 * ordinary target row, marked by its source and the Members API's id, so letters to them travel the
 * same pipeline as letters to the directory. The two caches keep the public APIs out of every page
 * view; each row says when it stops being trusted. All additions: older code keeps working.
 */
export async function up(db: Kysely<any>) {
  await sql`alter table target add column source text not null default 'directory' check (source in ('directory', 'uk-parliament'))`.execute(db);
  await sql`alter table target add column external_id text`.execute(db);
  await sql`create unique index target_source_external_id_idx on target (source, external_id) where external_id is not null`.execute(db);

  await sql`
    create table postcode_constituency (
      postcode text primary key,
      constituency_code text not null,
      constituency_name text not null,
      fetched_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index postcode_constituency_expires_idx on postcode_constituency (expires_at)`.execute(db);

  // member_id null: the seat is vacant (or Parliament lists no current member) until the row expires.
  await sql`
    create table constituency_representative (
      constituency_code text primary key,
      constituency_name text not null,
      member_id integer,
      name text,
      party text,
      email text,
      fetched_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index constituency_representative_expires_idx on constituency_representative (expires_at)`.execute(db);
}
