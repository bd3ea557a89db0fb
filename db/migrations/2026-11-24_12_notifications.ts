import { sql, type Kysely } from "kysely";

/**
 * Notifications: what members follow (demands, campaigns, topics, organisations), their choices per
 * kind, events and their fan-out, the in-app notification centre, and headers on queued mail (the
 * unsubscribe link). Demand follows move into the one follow table.
 */
export async function up(db: Kysely<any>) {
  await sql`create table follow (
    subject text not null check (subject ~ '^(demand|campaign|organisation):[0-9]{1,18}$' or subject ~ '^topic:[a-z_]{1,40}$'),
    member_id bigint not null references member (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (subject, member_id)
  )`.execute(db);
  await sql`create index follow_member_idx on follow (member_id, created_at desc)`.execute(db);
  await sql`insert into follow (subject, member_id, created_at) select 'demand:' || demand_id, member_id, created_at from demand_follow`.execute(db);
  await sql`drop table demand_follow`.execute(db);

  await sql`alter table member add column notifications_paused boolean not null default false`.execute(db);
  await sql`create table notification_preference (
    member_id bigint not null references member (id) on delete cascade,
    kind text not null check (kind ~ '^[a-z_]{1,40}$'),
    delivery text not null check (delivery in ('immediately', 'daily', 'weekly', 'off')),
    primary key (member_id, kind)
  )`.execute(db);

  // One row per thing that happened; its fan-out walks the recipients in member-id order from a
  // cursor, so a fan-out that dies half-way resumes where it stopped.
  await sql`create table notification_event (
    id bigint generated always as identity primary key,
    kind text not null,
    subjects text[] not null default '{}',
    recipients bigint[],
    -- Followers told about this by another notification of their own (a reply's parent author).
    excluded bigint[] not null default '{}',
    actor_id bigint references member (id) on delete set null,
    title text not null,
    url text not null,
    group_key text not null,
    group_title text not null,
    template text not null,
    props jsonb not null,
    cursor_member_id bigint not null default 0,
    expanded_at timestamptz,
    created_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table notification (
    id bigint generated always as identity primary key,
    member_id bigint not null references member (id) on delete cascade,
    event_id bigint not null references notification_event (id) on delete cascade,
    kind text not null,
    title text not null,
    url text not null,
    group_key text not null,
    group_title text not null,
    created_at timestamptz not null default now(),
    read_at timestamptz,
    -- Waiting for the member's daily or weekly digest; cleared when the digest is written.
    digest text check (digest in ('daily', 'weekly')),
    unique (event_id, member_id)
  )`.execute(db);
  await sql`create index notification_member_idx on notification (member_id, id desc)`.execute(db);
  await sql`create index notification_unread_idx on notification (member_id) where read_at is null`.execute(db);
  await sql`create index notification_digest_idx on notification (digest, member_id, id) where digest is not null`.execute(db);
  await sql`create index notification_created_idx on notification (created_at)`.execute(db);

  await sql`alter table email add column headers jsonb`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`alter table email drop column headers`.execute(db);
  await sql`drop table notification`.execute(db);
  await sql`drop table notification_event`.execute(db);
  await sql`drop table notification_preference`.execute(db);
  await sql`alter table member drop column notifications_paused`.execute(db);
  await sql`create table demand_follow (demand_id bigint not null references demand (id) on delete cascade, member_id bigint not null references member (id) on delete cascade, created_at timestamptz not null default now(), primary key (demand_id, member_id))`.execute(db);
  await sql`insert into demand_follow select substr(subject, 8)::bigint, member_id, created_at from follow where subject like 'demand:%'`.execute(db);
  await sql`drop table follow`.execute(db);
}
