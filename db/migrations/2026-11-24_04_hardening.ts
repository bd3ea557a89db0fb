import { sql, type Kysely } from "kysely";

/**
 * Indexes for lookups that scanned whole tables: a member's votes, comments and amendments (data
 * download, account deletion), a demand's comments, an organisation's demands, and the public list
 * of demands (every stage but draft, newest first), served from a partial index in its own order.
 */
export async function up(db: Kysely<any>) {
  await db.schema.createIndex("comment_demand_idx").on("comment").columns(["demand_id", "id"]).execute();
  await db.schema.createIndex("comment_author_idx").on("comment").column("author_id").execute();
  await db.schema.createIndex("vote_member_idx").on("vote").column("member_id").execute();
  await db.schema.createIndex("amendment_author_idx").on("amendment").column("author_id").execute();
  await db.schema.createIndex("demand_organisation_idx").on("demand").column("organisation_id").execute();
  await sql`create index demand_public_newest_idx on demand (created_at desc, id desc) where stage <> 'draft'`.execute(db);
}

export async function down(db: Kysely<any>) {
  for (const name of ["comment_demand_idx", "comment_author_idx", "vote_member_idx", "amendment_author_idx", "demand_organisation_idx", "demand_public_newest_idx"]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
