import { sql, type Kysely } from "kysely";

/**
 * Co-authors are invited, not added: an invitation waits for the invited member to accept or
 * decline, for 14 days at most. A row stays after it is answered or withdrawn, so the link in the
 * invitation can say what became of it. One waiting invitation per demand and member (the partial
 * unique index); a new table only, so instances of the previous release run on beside it.
 */
export async function up(db: Kysely<any>) {
  await sql`create table demand_author_invitation (
    id bigint generated always as identity primary key,
    demand_id bigint not null references demand (id) on delete cascade,
    member_id bigint not null references member (id) on delete cascade,
    invited_by bigint references member (id) on delete set null,
    status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn', 'expired')),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    answered_at timestamptz
  )`.execute(db);
  await sql`create unique index demand_author_invitation_pending_idx on demand_author_invitation (demand_id, member_id) where status = 'pending'`.execute(db);
  await sql`create index demand_author_invitation_member_idx on demand_author_invitation (member_id)`.execute(db);
}
