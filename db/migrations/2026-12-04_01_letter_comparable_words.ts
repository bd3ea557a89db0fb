import { sql, type Kysely } from "kysely";
import { comparableWords } from "../../app/utils/text";

/**
 * Near-duplicate letters are compared on the words a reader sees (comparableWords: no zero-width
 * characters, look-alike letters folded, punctuation collapsed), not on the raw text, which a copy
 * with U+200B after every letter or Cyrillic "а е о" slipped past. The column is written by the app
 * when a letter is written; letters still holding their words are filled in here. `own_words` stays
 * for instances of the previous release running during a deploy.
 */
export async function up(db: Kysely<any>) {
  await sql`alter table letter add column comparable_words text`.execute(db);
  const rows = await sql<{ id: number; opening: string | null; personal: string }>`select id, opening, personal from letter where personal is not null`.execute(db);
  for (const row of rows.rows) {
    await sql`update letter set comparable_words = ${comparableWords(`${row.opening ?? ""} ${row.personal}`)} where id = ${row.id}`.execute(db);
  }
  await sql`create index letter_comparable_words_idx on letter using gin (comparable_words gin_trgm_ops) where comparable_words is not null`.execute(db);
  await sql`drop index if exists letter_own_words_idx`.execute(db);
}
