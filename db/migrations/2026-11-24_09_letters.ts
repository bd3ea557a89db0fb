import { sql, type Kysely } from "kysely";

/**
 * Lobbying letters: a directory of decision makers (targets), letter campaigns inside campaigns,
 * supporters' letters, and one message per letter and target, paced and followed up. Learnt from
 * WriteToThem: people write their own words to their own representatives.
 */
export async function up(db: Kysely<any>) {
  // Near-duplicate letters are found by trigram similarity (pg_trgm ships with PostgreSQL).
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`create table target (
    id bigint generated always as identity primary key,
    name text not null check (char_length(name) between 2 and 150),
    role text not null check (role in ('mp', 'councillor', 'minister', 'health_body', 'council', 'other')),
    body text not null check (char_length(body) between 2 and 150),
    email text not null check (char_length(email) between 3 and 254),
    email_normalised text not null unique,
    -- Postcode areas ("LS") or districts ("LS6") covered; "everywhere" covers the whole UK.
    areas text[] not null default '{}',
    everywhere boolean not null default false,
    -- Set when mail to the address bounced: the target is skipped until someone fixes the address.
    bounced_at timestamptz,
    bounce_reason text,
    created_by bigint references member (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index target_areas_idx on target using gin (areas)`.execute(db);
  await sql`create index target_name_idx on target (lower(name), id)`.execute(db);

  await sql`create table letter_campaign (
    id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign (id) on delete cascade,
    slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
    title text not null check (char_length(title) between 5 and 150),
    ask text not null check (char_length(ask) between 10 and 300),
    talking_points text not null check (char_length(talking_points) between 10 and 5000),
    suggested_subject text not null check (char_length(suggested_subject) between 3 and 150),
    guidance text not null check (char_length(guidance) between 10 and 2000),
    -- The roles a supporter's "own" decision makers are found in by postcode; empty: chosen targets only.
    own_roles text[] not null default '{}',
    hourly_cap integer not null default 20 check (hourly_cap between 1 and 1000),
    -- ISO weekdays (1 = Monday) and UK hours [start, end) in which letters go out.
    window_days integer[] not null default '{1,2,3,4,5}',
    window_start smallint not null default 8 check (window_start between 0 and 23),
    window_end smallint not null default 18 check (window_end between 1 and 24 and window_end > window_start),
    ends_on date,
    test_mode boolean not null default true,
    status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
    created_by bigint references member (id) on delete set null,
    created_at timestamptz not null default now(),
    opened_at timestamptz,
    closed_at timestamptz
  )`.execute(db);
  await sql`create index letter_campaign_campaign_idx on letter_campaign (campaign_id)`.execute(db);

  await sql`create table letter_campaign_target (
    letter_campaign_id bigint not null references letter_campaign (id) on delete cascade,
    target_id bigint not null references target (id) on delete cascade,
    primary key (letter_campaign_id, target_id)
  )`.execute(db);

  // One supporter's letter. Its words are deleted 28 days after sending; who wrote it goes with the
  // campaign's retention schedule. Counts and reply outcomes stay.
  await sql`create table letter (
    id bigint generated always as identity primary key,
    letter_campaign_id bigint not null references letter_campaign (id) on delete cascade,
    name text check (char_length(name) between 1 and 100),
    email text,
    email_normalised text,
    postcode text,
    outward_code text check (outward_code ~ '^[A-Z]{1,2}[0-9][0-9A-Z]?$'),
    subject text,
    opening text,
    personal text,
    -- The supporter's own words, compared with other letters to find copies.
    own_words text generated always as (coalesce(opening, '') || ' ' || coalesce(personal, '')) stored,
    status text not null default 'pending' check (status in ('pending', 'confirmed')),
    token_hash text unique,
    token_expires_at timestamptz not null,
    ip_hash text,
    created_at timestamptz not null default now(),
    confirmed_at timestamptz,
    words_deleted_at timestamptz,
    anonymised_at timestamptz
  )`.execute(db);
  await sql`create index letter_campaign_idx on letter (letter_campaign_id, created_at)`.execute(db);
  await sql`create index letter_own_words_idx on letter using gin (own_words gin_trgm_ops) where personal is not null`.execute(db);
  await sql`create index letter_pending_idx on letter (token_expires_at) where status = 'pending'`.execute(db);

  await sql`create table letter_message (
    id bigint generated always as identity primary key,
    letter_id bigint not null references letter (id) on delete cascade,
    letter_campaign_id bigint not null references letter_campaign (id) on delete cascade,
    target_id bigint not null references target (id) on delete cascade,
    status text not null default 'unconfirmed' check (status in ('unconfirmed', 'queued', 'held', 'sent', 'failed', 'rejected')),
    -- Why a message was held: how like an earlier letter to the same target it was.
    similarity real,
    email_id bigint references email (id) on delete set null,
    test boolean not null default false,
    created_at timestamptz not null default now(),
    queued_at timestamptz,
    sent_at timestamptz,
    failure text,
    followup_sent_at timestamptz,
    reminder_sent_at timestamptz,
    reply_outcome text check (reply_outcome in ('yes', 'not_yet', 'no', 'unsatisfactory')),
    replied_at timestamptz,
    reply_summary text check (char_length(reply_summary) <= 1000),
    summary_may_publish boolean not null default false,
    summary_published_at timestamptz,
    unique (letter_id, target_id)
  )`.execute(db);
  // The dispatcher's work: queued messages per campaign and target, oldest first.
  await sql`create index letter_message_queued_idx on letter_message (letter_campaign_id, target_id, id) where status = 'queued'`.execute(db);
  // The hourly cap: what went to a target from a campaign in the last hour.
  await sql`create index letter_message_sent_idx on letter_message (letter_campaign_id, target_id, sent_at) where sent_at is not null`.execute(db);
  await sql`create index letter_message_followup_idx on letter_message (sent_at) where status = 'sent' and reminder_sent_at is null`.execute(db);
  await sql`create index letter_message_email_idx on letter_message (email_id) where email_id is not null`.execute(db);
  await sql`create index letter_message_target_recent_idx on letter_message (target_id, created_at)`.execute(db);
  await sql`create index letter_message_letter_idx on letter_message (letter_id)`.execute(db);
}

export async function down(db: Kysely<any>) {
  for (const table of ["letter_message", "letter", "letter_campaign_target", "letter_campaign", "target"]) await sql`drop table if exists ${sql.id(table)}`.execute(db);
}
