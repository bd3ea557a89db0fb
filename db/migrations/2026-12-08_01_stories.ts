import { sql, type Kysely } from "kysely";

/**
 * Stories: a member's (or a signer's or letter writer's) own account of what happened, shared on the
 * teller's terms. The story row holds the CURRENT consents (who may read it, under which name, whether it
 * may be quoted to decision makers, whether researchers may use it); every change of them, and the
 * withdrawal, is appended to story_consent_event, which a trigger keeps append-only, so "what had they
 * agreed to on the day the pack was delivered?" always has an answer. Withdrawal hides the story
 * everywhere at once (every query reads story.status) and marks the packs that carried it. Moderation
 * decisions are appended to story_review. New tables only, so the previous release runs on beside them.
 */
export async function up(db: Kysely<any>) {
  await sql`
    create table story (
      id bigint generated always as identity primary key,
      -- Null when told without an account (a signer or letter writer, below) or when the teller deleted
      -- their account and chose to leave the story anonymously.
      teller_id bigint references member (id) on delete cascade,
      signature_id bigint references petition_signature (id) on delete set null,
      letter_id bigint references letter (id) on delete set null,
      left_anonymously_at timestamptz,
      title text not null check (length(title) between 1 and 200),
      body text not null check (length(body) between 1 and 20000),
      easy_read text check (length(easy_read) between 1 and 10000),
      content_notes text[] not null default '{}' check (content_notes <@ array['suicide', 'self_harm', 'abuse', 'sexual_violence', 'restraint', 'eating', 'substances', 'bereavement', 'discrimination', 'other']::text[]),
      content_note_detail text check (length(content_note_detail) between 1 and 200),
      topics text[] not null default '{}' check (topics <@ array['poverty_income', 'housing', 'discrimination', 'work', 'isolation_community', 'trauma_violence', 'rights_law', 'services', 'other']::text[]),
      status text not null default 'waiting' check (status in ('waiting', 'changes_requested', 'published', 'declined', 'safeguarding', 'withdrawn')),
      audience text not null check (audience in ('public', 'members', 'organisers')),
      name_choice text not null check (name_choice in ('display_name', 'first_name', 'organisation', 'place', 'anonymous')),
      first_name text check (length(first_name) between 1 and 60),
      organisation_id bigint references organisation (id) on delete set null,
      place text check (length(place) between 1 and 60),
      may_quote boolean not null default false,
      for_research boolean not null default false,
      -- A signed link lets a teller without an account withdraw or change consent; a new link bumps this.
      teller_link_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      withdrawn_at timestamptz,
      check ((status = 'withdrawn') = (withdrawn_at is not null)),
      check (name_choice <> 'first_name' or first_name is not null),
      check (name_choice <> 'place' or place is not null)
    )`.execute(db);
  await sql`create index story_published_idx on story (published_at desc, id desc) where status = 'published'`.execute(db);
  await sql`create index story_waiting_idx on story (created_at, id) where status = 'waiting'`.execute(db);
  await sql`create index story_teller_idx on story (teller_id, id desc) where teller_id is not null`.execute(db);
  await sql`create index story_signature_idx on story (signature_id) where signature_id is not null`.execute(db);
  await sql`create index story_letter_idx on story (letter_id) where letter_id is not null`.execute(db);

  // The demands a story relates to; a campaign shows the stories of its demand.
  await sql`
    create table story_demand (
      story_id bigint not null references story (id) on delete cascade,
      demand_id bigint not null references demand (id) on delete cascade,
      primary key (story_id, demand_id)
    )`.execute(db);
  await sql`create index story_demand_demand_idx on story_demand (demand_id, story_id)`.execute(db);

  // Audience "organisers": only the organisers of these named campaigns may read it.
  await sql`
    create table story_audience_campaign (
      story_id bigint not null references story (id) on delete cascade,
      campaign_id bigint not null references campaign (id) on delete cascade,
      primary key (story_id, campaign_id)
    )`.execute(db);
  await sql`create index story_audience_campaign_campaign_idx on story_audience_campaign (campaign_id, story_id)`.execute(db);

  // Every consent given, changed or withdrawn, with who did it and how: never rewritten.
  await sql`
    create table story_consent_event (
      id bigint generated always as identity primary key,
      story_id bigint not null references story (id) on delete cascade,
      consent text not null check (consent in ('audience', 'name', 'quote', 'research', 'withdrawn')),
      value text not null check (length(value) <= 300),
      actor text not null check (actor in ('teller', 'teller_link', 'account_deletion')),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index story_consent_event_story_idx on story_consent_event (story_id, id)`.execute(db);

  // Each moderation decision, with the reason the teller is shown: never rewritten.
  await sql`
    create table story_review (
      id bigint generated always as identity primary key,
      story_id bigint not null references story (id) on delete cascade,
      moderator_id bigint references member (id) on delete set null,
      decision text not null check (decision in ('published', 'changes_requested', 'declined', 'safeguarding')),
      reason text check (length(reason) <= 2000),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index story_review_story_idx on story_review (story_id, id)`.execute(db);

  await sql`
    create function story_history_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'a story''s consent and review history is never rewritten: add a new entry instead';
    end $$`.execute(db);
  await sql`create trigger story_consent_event_no_update before update on story_consent_event for each row execute function story_history_append_only()`.execute(db);
  await sql`create trigger story_review_no_update before update on story_review for each row execute function story_history_append_only()`.execute(db);

  // Which content-note categories a moderator reviews (none chosen: all), and which a reader hides.
  await sql`
    create table moderator_story_category (
      member_id bigint not null references member (id) on delete cascade,
      category text not null,
      primary key (member_id, category)
    )`.execute(db);
  await sql`
    create table member_hidden_content_note (
      member_id bigint not null references member (id) on delete cascade,
      category text not null,
      primary key (member_id, category)
    )`.execute(db);

  // A printable pack of quotable stories carried to decision makers with a petition delivery or an ask.
  await sql`
    create table story_pack (
      id bigint generated always as identity primary key,
      campaign_id bigint not null references campaign (id) on delete cascade,
      petition_id bigint references petition (id) on delete set null,
      ask_id bigint references ask (id) on delete set null,
      title text not null check (length(title) between 1 and 200),
      created_by bigint references member (id) on delete set null,
      created_at timestamptz not null default now(),
      delivered_at timestamptz
    )`.execute(db);
  await sql`create index story_pack_campaign_idx on story_pack (campaign_id, id desc)`.execute(db);
  await sql`
    create table story_pack_story (
      pack_id bigint not null references story_pack (id) on delete cascade,
      story_id bigint not null references story (id) on delete cascade,
      -- Set when the teller withdraws after the pack was made: the pack stops showing it, and a
      -- delivered pack is marked so organisers can tell the decision maker.
      withdrawn_at timestamptz,
      primary key (pack_id, story_id)
    )`.execute(db);
  await sql`create index story_pack_story_story_idx on story_pack_story (story_id)`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop table story_pack_story, story_pack, member_hidden_content_note, moderator_story_category, story_review, story_consent_event, story_audience_campaign, story_demand, story`.execute(db);
  await sql`drop function story_history_append_only()`.execute(db);
}
