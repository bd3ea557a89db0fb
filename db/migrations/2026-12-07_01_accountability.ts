import { sql, type Kysely } from "kysely";

/**
 * Accountability: what each decision maker was asked for a campaign, what they answered and promised,
 * and whether they kept it. An ask's status history is append-only (a trigger refuses updates), so
 * "committed" can never quietly become "delivered" without a dated entry saying so; the ask row keeps
 * a copy of the newest entry for filtering. Petitions gain the decision makers they are addressed to
 * and two thresholds that ask them, once, for a response and for a meeting. All additions.
 */
export async function up(db: Kysely<any>) {
  await sql`
    create table ask (
      id bigint generated always as identity primary key,
      campaign_id bigint not null references campaign (id) on delete cascade,
      target_id bigint not null references target (id) on delete restrict,
      request text not null,
      channel text not null check (channel in ('letter_campaign', 'petition', 'meeting', 'other')),
      letter_campaign_id bigint references letter_campaign (id) on delete set null,
      petition_id bigint references petition (id) on delete set null,
      link text,
      asked_on date not null,
      threshold text check (threshold in ('response', 'meeting')),
      status text not null default 'asked' check (status in ('asked', 'responded', 'committed', 'delivered', 'declined', 'no_response', 'broken')),
      status_on date not null,
      summary text not null default '',
      response_link_version integer not null default 0,
      response_link_sent_at timestamptz,
      response_link_expires_at timestamptz,
      created_by bigint references member (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index ask_campaign_idx on ask (campaign_id, asked_on desc, id desc)`.execute(db);
  await sql`create index ask_target_idx on ask (target_id, asked_on desc, id desc)`.execute(db);
  await sql`create index ask_waiting_idx on ask (asked_on) where status = 'asked'`.execute(db);
  // A threshold asks each addressed decision maker once, however many folds race past it.
  await sql`create unique index ask_threshold_once_idx on ask (petition_id, target_id, threshold) where threshold is not null`.execute(db);

  await sql`
    create table ask_status_change (
      id bigint generated always as identity primary key,
      ask_id bigint not null references ask (id) on delete cascade,
      status text not null check (status in ('asked', 'responded', 'committed', 'delivered', 'declined', 'no_response', 'broken')),
      summary text not null default '',
      happened_on date not null,
      source text not null check (source in ('organiser', 'decision_maker', 'automatic')),
      actor_id bigint references member (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index ask_status_change_ask_idx on ask_status_change (ask_id, id)`.execute(db);
  await sql`
    create function ask_status_change_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'an ask''s status history is never rewritten: add a new entry instead';
    end $$`.execute(db);
  await sql`create trigger ask_status_change_no_update before update on ask_status_change for each row execute function ask_status_change_append_only()`.execute(db);

  await sql`
    create table ask_response (
      id bigint generated always as identity primary key,
      ask_id bigint not null references ask (id) on delete cascade,
      body text not null,
      via text not null check (via in ('link', 'organiser')),
      responder text not null,
      source text,
      received_on date not null,
      entered_by bigint references member (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index ask_response_ask_idx on ask_response (ask_id, id)`.execute(db);
  // The link answers once: a second press of "Send" finds the first answer, not a duplicate.
  await sql`create unique index ask_response_link_once_idx on ask_response (ask_id) where via = 'link'`.execute(db);

  await sql`
    create table petition_target (
      petition_id bigint not null references petition (id) on delete cascade,
      target_id bigint not null references target (id) on delete cascade,
      primary key (petition_id, target_id)
    )`.execute(db);
  await sql`alter table petition add column response_threshold integer check (response_threshold > 0)`.execute(db);
  await sql`alter table petition add column meeting_threshold integer check (meeting_threshold > 0)`.execute(db);
  await sql`alter table petition add column response_asked_at timestamptz`.execute(db);
  await sql`alter table petition add column meeting_asked_at timestamptz`.execute(db);
}
