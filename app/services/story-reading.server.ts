import type { Database } from "../../db";
import type { ContentNoteCategory } from "../../db/schema";
import { setHiddenContentNotes } from "~/models/story.server";

/** A member's "Hide stories about…" choice, saved for every list of stories they read from now on. */
export async function saveHiddenContentNotes(db: Database, memberId: number, categories: readonly ContentNoteCategory[]) {
  await db.transaction().execute((trx) => setHiddenContentNotes(trx, memberId, categories));
}
