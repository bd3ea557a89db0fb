import { sql, type Kysely } from "kysely";

/**
 * What the list of demands shows at a glance, without counting per row: a running comment count kept
 * by a trigger in the comment's own transaction; and an index for the default order, open demands
 * (consultation and voting) first, then newest, so that order reads the first page from the index
 * whatever the number of demands.
 */
export async function up(db: Kysely<any>) {
  await sql`alter table demand add column comment_count integer not null default 0`.execute(db);
  await sql`update demand set comment_count = c.n from (select demand_id, count(*)::int as n from comment group by demand_id) c where c.demand_id = demand.id`.execute(db);
  await sql`create function demand_comment_count_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        update demand set comment_count = demand.comment_count + added.n
        from (select demand_id, count(*)::int as n from new_rows group by demand_id order by demand_id) added
        where demand.id = added.demand_id;
      else
        update demand set comment_count = demand.comment_count - gone.n
        from (select demand_id, count(*)::int as n from old_rows group by demand_id order by demand_id) gone
        where demand.id = gone.demand_id;
      end if;
      return null;
    end
  $$`.execute(db);
  await sql`create trigger comment_count_insert after insert on comment referencing new table as new_rows for each statement execute function demand_comment_count_apply()`.execute(db);
  await sql`create trigger comment_count_delete after delete on comment referencing old table as old_rows for each statement execute function demand_comment_count_apply()`.execute(db);
  await sql`create index demand_public_open_first_idx on demand ((stage in ('consultation', 'voting')) desc, created_at desc, id desc) where stage <> 'draft'`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop index if exists demand_public_open_first_idx`.execute(db);
  await sql`drop trigger if exists comment_count_insert on comment`.execute(db);
  await sql`drop trigger if exists comment_count_delete on comment`.execute(db);
  await sql`drop function if exists demand_comment_count_apply()`.execute(db);
  await sql`alter table demand drop column if exists comment_count`.execute(db);
}
