import { sql, type Kysely } from "kysely";

/**
 * Running vote totals per demand and choice, kept by a trigger in the same transaction as the vote,
 * so a live tally reads three rows instead of counting every ballot on each page view (a demand with
 * 20,000 votes cost PostgreSQL a third of a core at 130 page views a second). Closing a vote still
 * counts the ballots themselves; these totals only serve the live tally.
 */
export async function up(db: Kysely<any>) {
  await sql`create table vote_count (
    demand_id integer not null references demand (id) on delete cascade,
    choice text not null,
    votes integer not null,
    primary key (demand_id, choice)
  )`.execute(db);
  // Statement-level, so a bulk insert adds its counts once. A changed vote moves its count in one upsert
  // in (demand, choice) order, so two votes changing in opposite directions cannot deadlock. A delete only
  // subtracts (a demand being deleted takes its counts with it; nothing may be inserted for it).
  await sql`create function vote_count_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        update vote_count set votes = vote_count.votes - gone.n
        from (select demand_id, choice, count(*)::int as n from old_rows group by demand_id, choice) gone
        where vote_count.demand_id = gone.demand_id and vote_count.choice = gone.choice;
      elsif tg_op = 'INSERT' then
        insert into vote_count (demand_id, choice, votes)
        select demand_id, choice, count(*)::int from new_rows group by demand_id, choice order by demand_id, choice
        on conflict (demand_id, choice) do update set votes = vote_count.votes + excluded.votes;
      else
        insert into vote_count (demand_id, choice, votes)
        select demand_id, choice, sum(delta)::int from (
          select demand_id, choice, 1 as delta from new_rows
          union all
          select demand_id, choice, -1 from old_rows
        ) change
        group by demand_id, choice having sum(delta) <> 0 order by demand_id, choice
        on conflict (demand_id, choice) do update set votes = vote_count.votes + excluded.votes;
      end if;
      return null;
    end
  $$`.execute(db);
  await sql`create trigger vote_count_insert after insert on vote referencing new table as new_rows for each statement execute function vote_count_apply()`.execute(db);
  await sql`create trigger vote_count_update after update on vote referencing old table as old_rows new table as new_rows for each statement execute function vote_count_apply()`.execute(db);
  await sql`create trigger vote_count_delete after delete on vote referencing old table as old_rows for each statement execute function vote_count_apply()`.execute(db);
  await sql`insert into vote_count (demand_id, choice, votes) select demand_id, choice, count(*) from vote group by demand_id, choice`.execute(db);
}

export async function down(db: Kysely<any>) {
  for (const name of ["vote_count_insert", "vote_count_update", "vote_count_delete"]) await sql`drop trigger if exists ${sql.id(name)} on vote`.execute(db);
  await sql`drop function if exists vote_count_apply()`.execute(db);
  await sql`drop table if exists vote_count`.execute(db);
}
