import { sql, type Kysely } from "kysely";

/**
 * Campaigns: the coalition's push for an adopted demand (one campaign per demand), its organisers,
 * partner organisations, and a timeline of updates and milestones.
 */
export async function up(db: Kysely<any>) {
  await sql`create table campaign (
    id bigint generated always as identity primary key,
    demand_id bigint not null unique references demand (id) on delete cascade,
    title text not null check (char_length(title) between 5 and 150),
    pitch text not null check (char_length(pitch) between 20 and 500),
    ask text not null check (char_length(ask) between 20 and 2000),
    target text not null check (char_length(target) between 3 and 300),
    ends_on date,
    status text not null default 'active' check (status in ('active', 'won', 'closed')),
    started_by bigint references member (id) on delete set null,
    created_at timestamptz not null default now(),
    ended_at timestamptz
  )`.execute(db);
  // The list: active campaigns first, newest first, straight from the index.
  await sql`create index campaign_list_idx on campaign ((status = 'active') desc, created_at desc, id desc)`.execute(db);

  await sql`create table campaign_organiser (
    campaign_id bigint not null references campaign (id) on delete cascade,
    member_id bigint not null references member (id) on delete cascade,
    organisation_id bigint references organisation (id) on delete set null,
    lead boolean not null default false,
    added_at timestamptz not null default now(),
    primary key (campaign_id, member_id)
  )`.execute(db);
  await sql`create index campaign_organiser_member_idx on campaign_organiser (member_id)`.execute(db);

  await sql`create table campaign_partner (
    campaign_id bigint not null references campaign (id) on delete cascade,
    organisation_id bigint not null references organisation (id) on delete cascade,
    added_at timestamptz not null default now(),
    primary key (campaign_id, organisation_id)
  )`.execute(db);

  await sql`create table campaign_event (
    id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign (id) on delete cascade,
    kind text not null check (kind in ('started', 'update', 'petition_delivered', 'meeting_held', 'response_received', 'won', 'closed')),
    title text not null check (char_length(title) between 3 and 150),
    body text not null default '' check (char_length(body) <= 10000),
    link text check (link is null or char_length(link) <= 300),
    happened_on date not null,
    author_id bigint references member (id) on delete set null,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index campaign_event_timeline_idx on campaign_event (campaign_id, happened_on desc, id desc)`.execute(db);
}

export async function down(db: Kysely<any>) {
  for (const table of ["campaign_event", "campaign_partner", "campaign_organiser", "campaign"]) await sql`drop table if exists ${sql.id(table)}`.execute(db);
}
