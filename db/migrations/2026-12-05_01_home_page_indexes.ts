import { sql, type Kysely } from "kysely";

/**
 * Partial indexes for the home page and the waiting-work counts, so each reads only the rows it
 * shows: open petitions (closing soonest first), won campaigns and adopted demands (newest first),
 * organisations waiting for verification, letters held for an organiser's review, and consultations
 * closing soonest (every signed-in member's "what needs your input", which sorted them all before).
 */
export async function up(db: Kysely<any>) {
  await sql`create index petition_open_idx on petition (closes_at, id) where status = 'open'`.execute(db);
  await sql`create index campaign_won_idx on campaign (ended_at desc, id desc) where status = 'won'`.execute(db);
  await sql`create index demand_adopted_idx on demand (voting_ends_at desc, id desc) where stage in ('adopted', 'campaigning', 'won')`.execute(db);
  await sql`create index organisation_pending_idx on organisation (created_at) where status = 'pending'`.execute(db);
  await sql`create index letter_message_held_idx on letter_message (letter_campaign_id) where status = 'held'`.execute(db);
  await sql`create index demand_consultation_due_idx on demand (consultation_ends_at, id) where stage = 'consultation'`.execute(db);
}

export async function down(db: Kysely<any>) {
  for (const name of ["petition_open_idx", "campaign_won_idx", "demand_adopted_idx", "organisation_pending_idx", "letter_message_held_idx", "demand_consultation_due_idx"]) {
    await sql`drop index if exists ${sql.id(name)}`.execute(db);
  }
}
