import { sql, type Kysely } from "kysely";

/**
 * Petitions inside campaigns. Signatures are confirmed by email; the public count is folded from a
 * table of deltas by a background job, so a confirmation never waits on one hot petition row (the
 * UK Parliament petitions site fell over on exactly that in March 2019).
 */
export async function up(db: Kysely<any>) {
  await sql`create table petition (
    id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign (id) on delete cascade,
    slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
    title text not null check (char_length(title) between 5 and 150),
    ask text not null check (char_length(ask) between 10 and 300),
    why text not null check (char_length(why) between 20 and 10000),
    addressed_to text not null check (char_length(addressed_to) between 3 and 300),
    goal integer not null check (goal between 10 and 10000000),
    closes_at timestamptz,
    status text not null default 'draft' check (status in ('draft', 'open', 'closed', 'delivered')),
    signature_count integer not null default 0,
    milestones integer[] not null default '{}',
    delivered_note text check (delivered_note is null or char_length(delivered_note) <= 10000),
    delivered_at timestamptz,
    created_by bigint references member (id) on delete set null,
    created_at timestamptz not null default now(),
    opened_at timestamptz,
    closed_at timestamptz
  )`.execute(db);
  await sql`create index petition_campaign_idx on petition (campaign_id)`.execute(db);

  await sql`create table petition_signature (
    id bigint generated always as identity primary key,
    petition_id bigint not null references petition (id) on delete cascade,
    email text not null,
    email_normalised text not null,
    name text not null check (char_length(name) between 1 and 100),
    outward_code text check (outward_code ~ '^[A-Z]{1,2}[0-9][0-9A-Z]?$'),
    show_name boolean not null default false,
    campaign_consent boolean not null default false,
    status text not null default 'pending' check (status in ('pending', 'confirmed', 'withdrawn', 'invalid')),
    -- Set silently when a submission broke a rate limit; organisers review suspect clusters.
    suspect boolean not null default false,
    -- A keyed hash of the signer's address, to group suspect clusters without storing the address.
    ip_hash text,
    token_hash text not null unique,
    token_expires_at timestamptz not null,
    withdraw_token_hash text not null unique,
    emails_sent integer not null default 1,
    created_at timestamptz not null default now(),
    confirmed_at timestamptz,
    unique (petition_id, email_normalised)
  )`.execute(db);
  await sql`create index petition_signature_suspect_idx on petition_signature (petition_id) where suspect and status <> 'invalid'`.execute(db);
  await sql`create index petition_signature_recent_idx on petition_signature (petition_id, confirmed_at desc) where status = 'confirmed' and show_name`.execute(db);

  await sql`create table petition_count_delta (
    id bigint generated always as identity primary key,
    petition_id bigint not null references petition (id) on delete cascade,
    delta integer not null
  )`.execute(db);
}

export async function down(db: Kysely<any>) {
  for (const table of ["petition_count_delta", "petition_signature", "petition"]) await sql`drop table if exists ${sql.id(table)}`.execute(db);
}
