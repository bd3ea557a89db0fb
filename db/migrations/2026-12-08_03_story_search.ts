import { sql, type Kysely } from "kysely";

/**
 * Searching stories: a full-text index over the title and text of PUBLISHED stories only, so a search
 * on /stories is an index lookup however many stories there are, and a story waiting for review,
 * declined or withdrawn is never in it. An expression index (no new column), so the previous release
 * runs on beside it; the expression must stay exactly STORY_SEARCH_VECTOR in app/models/story.server.ts
 * for the planner to use it.
 */
export async function up(db: Kysely<any>) {
  await sql`create index story_search_idx on story using gin ((setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B'))) where status = 'published'`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop index story_search_idx`.execute(db);
}
