import { sql, type Kysely } from "kysely";

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

// A frozen copy of comparableWords (app/utils/text.ts) as it was when this migration was written:
// a migration must give the same result whatever the app's code later becomes.
const LOOK_ALIKES: Record<string, string> = {
  а: "a", в: "b", е: "e", ё: "e", з: "3", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x", ѕ: "s", і: "i", ї: "i", ј: "j", ԁ: "d", һ: "h", ԛ: "q", ԝ: "w", ӏ: "l", ү: "y", ɡ: "g",
  α: "a", β: "b", ε: "e", η: "n", ι: "i", κ: "k", μ: "u", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ω: "w", ϲ: "c", ϳ: "j",
  ı: "i", ȷ: "j", ℓ: "l", ſ: "s",
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join("")}]`, "gu");
function comparableWords(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\p{Cf}\p{Mn}]/gu, "")
    .toLowerCase()
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c]!)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
