import { sql, type Kysely } from "kysely";

/**
 * Evidence behind a demand: a source any member suggests and the demand's authors accept or decline.
 * An accepted source gets the next number in its demand's list, once and for good (the unique index
 * keeps two acceptances from taking the same one), so a citation "[3]" in the text always means the
 * same source. A row stays after it is declined, with who decided and why. A new table only, so
 * instances of the previous release run on beside it.
 */
export async function up(db: Kysely<any>) {
  await sql`create table demand_source (
    id bigint generated always as identity primary key,
    demand_id bigint not null references demand (id) on delete cascade,
    title text not null check (length(title) between 1 and 300),
    author text not null check (length(author) between 1 and 300),
    year smallint check (year between 1000 and 2999),
    url text check (length(url) <= 2000 and url ~ '^https?://'),
    finding text not null check (length(finding) between 1 and 400),
    kind text not null check (kind in ('research', 'official_statistics', 'inquiry', 'lived_experience_survey')),
    suggested_by bigint references member (id) on delete set null,
    status text not null default 'suggested' check (status in ('suggested', 'accepted', 'declined')),
    decided_by bigint references member (id) on delete set null,
    decided_at timestamptz,
    decline_reason text check (length(decline_reason) <= 1000),
    number integer check (number > 0),
    created_at timestamptz not null default now(),
    check ((status = 'accepted') = (number is not null)),
    check (status <> 'declined' or decline_reason is not null),
    check ((status = 'suggested') = (decided_at is null))
  )`.execute(db);
  // The demand's numbered list, in order; and the suggestions waiting, oldest first.
  await sql`create unique index demand_source_number_idx on demand_source (demand_id, number) where number is not null`.execute(db);
  await sql`create index demand_source_suggested_idx on demand_source (demand_id, id) where status = 'suggested'`.execute(db);
  await sql`create index demand_source_suggested_by_idx on demand_source (suggested_by) where suggested_by is not null`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop table demand_source`.execute(db);
}
