import { sql, type Kysely } from "kysely";

/**
 * Public accountability pages read running tallies per decision maker instead of counting rows on
 * each view: letters sent to them through Chorus, the replies their writers reported (by outcome),
 * their asks by status and the responses to them. Kept by triggers in the same transaction as the
 * change, like vote_count, and backfilled here. Measures are text ("letters_sent", "reply_yes",
 * "ask_committed", "responses") so a new status needs no new column. Plus the indexes the public
 * tracker's filters use. All additions.
 */
export async function up(db: Kysely<any>) {
  await sql`create table decision_maker_tally (
    target_id bigint not null references target (id) on delete cascade,
    measure text not null,
    n integer not null,
    primary key (target_id, measure)
  )`.execute(db);

  // What one letter_message row counts towards: a sent, non-test letter; a reported reply to one.
  await sql`create function letter_message_measures(status text, test boolean, reply_outcome text) returns text[] language sql immutable as $$
    select array_remove(array[
      case when status = 'sent' and not test then 'letters_sent' end,
      case when reply_outcome is not null and not test then 'reply_' || reply_outcome end
    ], null)
  $$`.execute(db);

  // Statement-level, so a batch of letters adds its counts once, in (target, measure) order so two
  // batches cannot deadlock. An update that changes nothing counted (a follow-up sent) adds nothing.
  await sql`create function letter_message_tally_insert_apply() returns trigger language plpgsql as $$
    begin
      insert into decision_maker_tally (target_id, measure, n)
      select r.target_id, m.measure, count(*)::int from new_rows r cross join unnest(letter_message_measures(r.status, r.test, r.reply_outcome)) m(measure)
      group by r.target_id, m.measure order by r.target_id, m.measure
      on conflict (target_id, measure) do update set n = decision_maker_tally.n + excluded.n;
      return null;
    end
  $$`.execute(db);
  await sql`create function letter_message_tally_delete_apply() returns trigger language plpgsql as $$
    begin
      update decision_maker_tally set n = decision_maker_tally.n - gone.n
      from (select r.target_id, m.measure, count(*)::int as n from old_rows r cross join unnest(letter_message_measures(r.status, r.test, r.reply_outcome)) m(measure) group by 1, 2) gone
      where decision_maker_tally.target_id = gone.target_id and decision_maker_tally.measure = gone.measure;
      return null;
    end
  $$`.execute(db);
  await sql`create function letter_message_tally_update_apply() returns trigger language plpgsql as $$
    begin
      insert into decision_maker_tally (target_id, measure, n)
      select target_id, measure, sum(delta)::int from (
        select r.target_id, m.measure, 1 as delta from new_rows r cross join unnest(letter_message_measures(r.status, r.test, r.reply_outcome)) m(measure)
        union all
        select r.target_id, m.measure, -1 from old_rows r cross join unnest(letter_message_measures(r.status, r.test, r.reply_outcome)) m(measure)
      ) change
      group by target_id, measure having sum(delta) <> 0 order by target_id, measure
      on conflict (target_id, measure) do update set n = decision_maker_tally.n + excluded.n;
      return null;
    end
  $$`.execute(db);
  await sql`create trigger letter_message_tally_insert after insert on letter_message referencing new table as new_rows for each statement execute function letter_message_tally_insert_apply()`.execute(db);
  await sql`create trigger letter_message_tally_update after update on letter_message referencing old table as old_rows new table as new_rows for each statement execute function letter_message_tally_update_apply()`.execute(db);
  await sql`create trigger letter_message_tally_delete after delete on letter_message referencing old table as old_rows for each statement execute function letter_message_tally_delete_apply()`.execute(db);

  // Asks by status and responses: few writes, one row each, so row-level triggers. Deleting an ask
  // (its campaign deleted) takes its responses' counts off before the cascade removes them: a BEFORE
  // trigger still sees them, while a response's own trigger then no longer finds its ask.
  await sql`create function ask_tally_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        update decision_maker_tally set n = n - 1 where target_id = old.target_id and measure = 'ask_' || old.status;
        update decision_maker_tally set n = n - (select count(*) from ask_response where ask_id = old.id)
        where target_id = old.target_id and measure = 'responses';
        return old;
      end if;
      if tg_op = 'UPDATE' then
        update decision_maker_tally set n = n - 1 where target_id = old.target_id and measure = 'ask_' || old.status;
      end if;
      insert into decision_maker_tally (target_id, measure, n) values (new.target_id, 'ask_' || new.status, 1)
      on conflict (target_id, measure) do update set n = decision_maker_tally.n + 1;
      return null;
    end
  $$`.execute(db);
  await sql`create trigger ask_tally_insert after insert on ask for each row execute function ask_tally_apply()`.execute(db);
  await sql`create trigger ask_tally_update after update of status on ask for each row when (old.status is distinct from new.status) execute function ask_tally_apply()`.execute(db);
  await sql`create trigger ask_tally_delete before delete on ask for each row execute function ask_tally_apply()`.execute(db);

  await sql`create function ask_response_tally_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        update decision_maker_tally set n = n - 1 where measure = 'responses' and target_id = (select target_id from ask where id = old.ask_id);
      else
        insert into decision_maker_tally (target_id, measure, n) select target_id, 'responses', 1 from ask where id = new.ask_id
        on conflict (target_id, measure) do update set n = decision_maker_tally.n + 1;
      end if;
      return null;
    end
  $$`.execute(db);
  await sql`create trigger ask_response_tally_insert after insert on ask_response for each row execute function ask_response_tally_apply()`.execute(db);
  await sql`create trigger ask_response_tally_delete after delete on ask_response for each row execute function ask_response_tally_apply()`.execute(db);

  // Backfill what exists already, in the same transaction as the triggers.
  await sql`insert into decision_maker_tally (target_id, measure, n)
    select target_id, measure, sum(n)::int from (
      select lm.target_id, m.measure, count(*) as n from letter_message lm cross join unnest(letter_message_measures(lm.status, lm.test, lm.reply_outcome)) m(measure) group by 1, 2
      union all
      select target_id, 'ask_' || status, count(*) from ask group by 1, 2
      union all
      select a.target_id, 'responses', count(*) from ask_response r join ask a on a.id = r.ask_id group by 1
    ) counted group by target_id, measure`.execute(db);

  // The tracker's filters: a campaign's asks of one status, decision makers by body and role.
  await sql`create index ask_campaign_status_idx on ask (campaign_id, status, status_on desc, id desc)`.execute(db);
  await sql`create index ask_campaign_recent_idx on ask (campaign_id, status_on desc, id desc)`.execute(db);
  await sql`create index target_body_idx on target (body)`.execute(db);
  await sql`create index target_role_name_idx on target (role, lower(name), id)`.execute(db);
}

export async function down(db: Kysely<any>) {
  for (const [trigger, table] of [
    ["letter_message_tally_insert", "letter_message"],
    ["letter_message_tally_update", "letter_message"],
    ["letter_message_tally_delete", "letter_message"],
    ["ask_tally_insert", "ask"],
    ["ask_tally_update", "ask"],
    ["ask_tally_delete", "ask"],
    ["ask_response_tally_insert", "ask_response"],
    ["ask_response_tally_delete", "ask_response"],
  ] as const)
    await sql`drop trigger if exists ${sql.id(trigger)} on ${sql.id(table)}`.execute(db);
  for (const fn of ["letter_message_tally_insert_apply", "letter_message_tally_update_apply", "letter_message_tally_delete_apply", "ask_tally_apply", "ask_response_tally_apply"])
    await sql`drop function if exists ${sql.id(fn)}()`.execute(db);
  await sql`drop function if exists letter_message_measures(text, boolean, text)`.execute(db);
  for (const index of ["ask_campaign_status_idx", "ask_campaign_recent_idx", "target_body_idx", "target_role_name_idx"]) await sql`drop index if exists ${sql.id(index)}`.execute(db);
  await sql`drop table if exists decision_maker_tally`.execute(db);
}
