import { sql, type Kysely } from "kysely";

/**
 * A report names what is wrong (harassment, personal information, spam, something else) so moderators
 * can sort the queue; `reason` keeps the reporter's optional details. Rows from before have no category.
 *
 * A coalition admin can decline an organisation's request to be verified, with a reason the requester
 * is told. The previous release only reads 'pending' and 'verified', and never lists a declined one.
 */
export async function up(db: Kysely<any>) {
  await sql`alter table comment_report add column category text check (category in ('harassment', 'personal_information', 'spam', 'other'))`.execute(db);
  await sql`alter table organisation drop constraint organisation_status_check`.execute(db);
  await sql`alter table organisation add constraint organisation_status_check check (status in ('pending', 'verified', 'declined'))`.execute(db);
  await sql`alter table organisation add column declined_at timestamptz, add column decline_reason text`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`alter table organisation drop column declined_at, drop column decline_reason`.execute(db);
  await sql`update organisation set status = 'pending' where status = 'declined'`.execute(db);
  await sql`alter table organisation drop constraint organisation_status_check`.execute(db);
  await sql`alter table organisation add constraint organisation_status_check check (status in ('pending', 'verified'))`.execute(db);
  await sql`alter table comment_report drop column category`.execute(db);
}
