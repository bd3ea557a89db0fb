import { sql, type Kysely } from "kysely";

/**
 * Choosing a date (#23 item 6): before a draft event is published its hosts offer 2 to 10 times, the
 * invited members mark each yes / if need be / no, and the hosts pick one. New tables only, so the
 * previous release runs on beside them.
 *
 * Who is invited is written down when the poll opens (event_date_invitee), so answering is a row
 * lookup, and joining a campaign later neither adds nor removes anyone from a poll in progress.
 */
export async function up(db: Kysely<any>) {
  await sql`create table event_date_poll (
    event_id bigint primary key references event (id) on delete cascade,
    audience text not null check (audience in ('campaign', 'organisation', 'coalition')),
    opened_by bigint references member (id) on delete set null,
    opened_at timestamptz not null default now(),
    chosen_option_id bigint,
    closed_at timestamptz,
    check ((chosen_option_id is null) = (closed_at is null))
  )`.execute(db);

  await sql`create table event_date_option (
    id bigint generated always as identity primary key,
    event_id bigint not null references event_date_poll (event_id) on delete cascade,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    check (ends_at > starts_at),
    unique (event_id, starts_at, ends_at)
  )`.execute(db);
  await sql`alter table event_date_poll add foreign key (chosen_option_id) references event_date_option (id)`.execute(db);

  await sql`create table event_date_invitee (
    event_id bigint not null references event_date_poll (event_id) on delete cascade,
    member_id bigint not null references member (id) on delete cascade,
    primary key (event_id, member_id)
  )`.execute(db);
  // "Polls you are invited to", and deleting an account.
  await sql`create index event_date_invitee_member_idx on event_date_invitee (member_id)`.execute(db);

  // One answer per option and member: changing an answer updates the row.
  await sql`create table event_date_answer (
    option_id bigint not null references event_date_option (id) on delete cascade,
    member_id bigint not null references member (id) on delete cascade,
    answer text not null check (answer in ('yes', 'if_need_be', 'no')),
    answered_at timestamptz not null default now(),
    primary key (option_id, member_id)
  )`.execute(db);
  await sql`create index event_date_answer_member_idx on event_date_answer (member_id)`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop table event_date_answer, event_date_invitee, event_date_option, event_date_poll cascade`.execute(db);
}
