import { sql, type Kysely } from "kysely";

/**
 * Mail written by a statement that cannot also write a job (a signature and its confirmation email
 * in one INSERT): marked waiting, and a sweep every few seconds puts waiting mail on the batch queue.
 */
export async function up(db: Kysely<any>) {
  await sql`alter table email add column waiting boolean not null default false`.execute(db);
  await sql`create index email_waiting_idx on email (id) where waiting`.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`alter table email drop column waiting`.execute(db);
}
