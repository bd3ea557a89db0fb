import { sql, type Kysely } from "kysely";

/**
 * Gatherings (#23): events, their registrations, the access needs people tell hosts about, what came
 * out of an event, and each member's private calendar feed. New tables only, so instances of the
 * previous release run on beside them.
 *
 * Room to grow without rewriting: parent_id (a lobby day's local events, each with its own host,
 * place and region), campaign_id and region are here already; a date poll will be tables of its own
 * pointing at a draft event.
 */
export async function up(db: Kysely<any>) {
  await sql`create table event (
    id bigint generated always as identity primary key,
    parent_id bigint references event (id) on delete cascade,
    title text not null check (length(title) between 1 and 150),
    purpose text not null check (length(purpose) between 1 and 2000),
    audience_note text not null check (length(audience_note) between 1 and 500),
    kind text not null check (kind in ('meeting', 'workshop', 'lobby_day', 'assembly', 'social')),
    format text not null check (format in ('in_person', 'online', 'hybrid')),
    address text check (length(address) <= 500),
    access_notes text check (length(access_notes) <= 2000),
    join_url text check (length(join_url) <= 2000 and join_url ~ '^https?://'),
    region text check (length(region) <= 60),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    time_zone text not null default 'Europe/London' check (length(time_zone) <= 60),
    registration_closes_at timestamptz not null,
    capacity integer check (capacity between 1 and 100000),
    -- Places taken (status 'registered'), kept in the transaction that changes them under the
    -- event's row lock; the check is the last guard against ever going over capacity.
    registered_count integer not null default 0 check (registered_count >= 0 and (capacity is null or registered_count <= capacity)),
    visibility text not null default 'public' check (visibility in ('public', 'members')),
    host_kind text not null check (host_kind in ('coalition', 'organisation', 'campaign')),
    organisation_id bigint references organisation (id) on delete cascade,
    campaign_id bigint references campaign (id) on delete cascade,
    status text not null default 'draft' check (status in ('draft', 'published', 'cancelled')),
    -- RFC 5545 SEQUENCE: bumped whenever the time or the place changes, so calendars update.
    sequence integer not null default 0 check (sequence >= 0),
    payment_pence integer check (payment_pence between 1 and 100000),
    travel_expenses boolean not null default false,
    agenda text check (length(agenda) <= 20000),
    agenda_easy_read text check (length(agenda_easy_read) <= 20000),
    minutes text check (length(minutes) <= 50000),
    attended_count integer check (attended_count between 0 and 100000),
    reminders_sent_at timestamptz,
    access_needs_deleted_at timestamptz,
    created_by bigint references member (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    published_at timestamptz,
    check (ends_at > starts_at),
    check (registration_closes_at <= ends_at),
    check ((host_kind = 'organisation') = (organisation_id is not null)),
    check (host_kind <> 'campaign' or campaign_id is not null),
    check (format = 'online' or address is not null)
  )`.execute(db);
  // /events: upcoming by start, past by start descending, both through this one index.
  await sql`create index event_listed_idx on event (starts_at, id) where status = 'published'`.execute(db);
  await sql`create index event_organisation_idx on event (organisation_id) where organisation_id is not null`.execute(db);
  await sql`create index event_campaign_idx on event (campaign_id) where campaign_id is not null`.execute(db);
  await sql`create index event_parent_idx on event (parent_id) where parent_id is not null`.execute(db);
  await sql`create index event_reminder_idx on event (starts_at) where status = 'published' and reminders_sent_at is null`.execute(db);

  await sql`create table event_registration (
    id bigint generated always as identity primary key,
    event_id bigint not null references event (id) on delete cascade,
    member_id bigint references member (id) on delete cascade,
    name text not null check (length(name) between 1 and 100),
    email text check (length(email) <= 254),
    email_normalised text check (length(email_normalised) <= 254),
    -- pending: a member of the public who has not yet confirmed by email (holds no place);
    -- registered: has a place; waiting: on the waiting list, in queued_at order; cancelled.
    status text not null check (status in ('pending', 'registered', 'waiting', 'cancelled')),
    queued_at timestamptz,
    expert_by_experience boolean not null default false,
    claims_travel boolean not null default false,
    attended boolean,
    confirm_token_hash text unique,
    confirm_expires_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((member_id is null) = (email_normalised is not null)),
    check (status <> 'waiting' or queued_at is not null)
  )`.execute(db);
  await sql`create unique index event_registration_member_idx on event_registration (event_id, member_id) where member_id is not null`.execute(db);
  await sql`create unique index event_registration_email_idx on event_registration (event_id, email_normalised) where email_normalised is not null`.execute(db);
  await sql`create index event_registration_list_idx on event_registration (event_id, status, id)`.execute(db);
  await sql`create index event_registration_waiting_idx on event_registration (event_id, queued_at, id) where status = 'waiting'`.execute(db);
  await sql`create index event_registration_member_list_idx on event_registration (member_id) where member_id is not null`.execute(db);

  // Health-adjacent: a table of its own so it can be deleted whole (30 days after the event, or
  // with the registration or the account) and never read by a query that is not the hosts'.
  await sql`create table event_access_need (
    registration_id bigint primary key references event_registration (id) on delete cascade,
    needs text[] not null default '{}' check (needs <@ array['step_free', 'bsl', 'captions', 'hearing_loop', 'quiet_room', 'breaks', 'easy_read', 'support_worker', 'dietary']::text[]),
    dietary text check (length(dietary) <= 500),
    other text check (length(other) <= 1000),
    created_at timestamptz not null default now(),
    check (cardinality(needs) > 0 or other is not null or dietary is not null)
  )`.execute(db);

  // "Proposed at the March assembly": what came out of an event.
  await sql`create table event_outcome (
    id bigint generated always as identity primary key,
    event_id bigint not null references event (id) on delete cascade,
    demand_id bigint references demand (id) on delete cascade,
    amendment_id bigint references amendment (id) on delete cascade,
    campaign_id bigint references campaign (id) on delete cascade,
    note text check (length(note) <= 300),
    created_at timestamptz not null default now(),
    check (num_nonnulls(demand_id, amendment_id, campaign_id) = 1)
  )`.execute(db);
  await sql`create index event_outcome_event_idx on event_outcome (event_id)`.execute(db);
  await sql`create index event_outcome_demand_idx on event_outcome (demand_id) where demand_id is not null`.execute(db);
  await sql`create index event_outcome_campaign_idx on event_outcome (campaign_id) where campaign_id is not null`.execute(db);

  // A member's private calendar address is signed with this version: a new address bumps it and
  // every older one stops working.
  await sql`create table event_calendar_feed (
    member_id bigint primary key references member (id) on delete cascade,
    version integer not null default 1 check (version between 1 and 999999),
    updated_at timestamptz not null default now()
  )`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop table event_calendar_feed, event_outcome, event_access_need, event_registration, event`.execute(db);
}
