import { sql, type Kysely } from "kysely";

/**
 * Letter writers may ask for campaign news (unticked by default), as petition signers can: when a
 * decision maker responds to the campaign they are emailed, with a one-click stop link. The consent
 * goes with the rest of their details when letters are anonymised. Additions only.
 */
export async function up(db: Kysely<any>) {
  await sql`alter table letter add column campaign_consent boolean not null default false`.execute(db);
  // The news job walks one letter campaign's consenting, confirmed writers in id order, a batch at a time.
  await sql`create index letter_news_idx on letter (letter_campaign_id, id) where campaign_consent and status = 'confirmed'`.execute(db);
}
