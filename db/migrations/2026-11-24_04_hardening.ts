import { sql, type Kysely } from "kysely";

/**
 * Indexes for lookups that scanned whole tables: a member's votes, comments and amendments (data
 * download, account deletion), a demand's comments, an organisation's demands, and the public list
 * of demands (every stage but draft, newest first), served from a partial index in its own order.
 * And a purpose for links that confirm a notification address.
 */
export async function up(db: Kysely<any>) {
  await db.schema.createIndex("comment_demand_idx").on("comment").columns(["demand_id", "id"]).execute();
  await db.schema.createIndex("comment_author_idx").on("comment").column("author_id").execute();
  await db.schema.createIndex("vote_member_idx").on("vote").column("member_id").execute();
  await db.schema.createIndex("amendment_author_idx").on("amendment").column("author_id").execute();
  await db.schema.createIndex("demand_organisation_idx").on("demand").column("organisation_id").execute();
  await sql`create index demand_public_newest_idx on demand (created_at desc, id desc) where stage <> 'draft'`.execute(db);
  // A notification address is confirmed by a link before any mail goes to it.
  await sql`alter table email_token drop constraint if exists email_token_purpose_check`.execute(db);
  await sql`alter table email_token add constraint email_token_purpose_check check (purpose in ('verify_email', 'sign_in', 'reset_password', 'change_email', 'notification_email'))`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`delete from email_token where purpose = 'notification_email'`.execute(db);
  await sql`alter table email_token drop constraint if exists email_token_purpose_check`.execute(db);
  await sql`alter table email_token add constraint email_token_purpose_check check (purpose in ('verify_email', 'sign_in', 'reset_password', 'change_email'))`.execute(db);
  for (const name of ["comment_demand_idx", "comment_author_idx", "vote_member_idx", "amendment_author_idx", "demand_organisation_idx", "demand_public_newest_idx"]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
