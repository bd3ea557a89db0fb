import { sql, type Kysely } from "kysely";

/**
 * Each story's number in its pack, given once when the pack is made. The printed pack numbers its
 * stories, and when a teller later withdraws, the organisers tell the decision maker "story 3 should
 * no longer be used": the number must not shift when another story drops out or is deleted with its
 * teller's account. A nullable column only, so the previous release runs on beside it.
 */
export async function up(db: Kysely<any>) {
  await sql`alter table story_pack_story add column position integer check (position > 0)`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`alter table story_pack_story drop column position`.execute(db);
}
