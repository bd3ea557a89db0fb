import { sql, type Kysely } from "kysely";

/**
 * Lobby days (#23 item 7): a campaign's lobby day is an event whose local events point at it with
 * parent_id (each with its own host, place, region and places). Here: the meetings a local event has
 * booked with decision makers from the target directory, and the database's own guard that a local
 * event is never its own parent and never nests more than one level. A new table, a check and a
 * trigger that existing rows already satisfy, so the previous release runs on beside them.
 */
export async function up(db: Kysely<any>) {
  // One row per decision maker a local event has a meeting booked with; counted by region on the lobby day's page.
  await sql`create table event_meeting (
    event_id bigint not null references event (id) on delete cascade,
    target_id bigint not null references target (id) on delete cascade,
    created_by bigint references member (id) on delete set null,
    created_at timestamptz not null default now(),
    primary key (event_id, target_id)
  )`.execute(db);
  await sql`create index event_meeting_target_idx on event_meeting (target_id)`.execute(db);

  await sql`alter table event add constraint event_not_own_parent check (parent_id is null or parent_id <> id)`.execute(db);
  // The service checks this too; the trigger is the last guard, as the capacity check is for places.
  await sql`create function event_parent_one_level() returns trigger language plpgsql as $$
    begin
      if new.parent_id is not null and (
        exists (select 1 from event where id = new.parent_id and parent_id is not null)
        or exists (select 1 from event where parent_id = new.id)
      ) then
        raise exception 'a local event belongs to a lobby day, one level deep' using errcode = 'check_violation';
      end if;
      return new;
    end
  $$`.execute(db);
  await sql`create trigger event_parent_one_level before insert or update of parent_id on event for each row execute function event_parent_one_level()`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop trigger event_parent_one_level on event`.execute(db);
  await sql`drop function event_parent_one_level()`.execute(db);
  await sql`alter table event drop constraint event_not_own_parent`.execute(db);
  await sql`drop table event_meeting`.execute(db);
}
