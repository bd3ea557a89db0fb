import { sql } from "kysely";
import type { Database } from "../../db";
import type { TargetRole } from "../../db/schema";

/**
 * Decision makers as the public sees them: the directory's rows and looked-up MPs, with the tallies
 * the triggers keep (decision_maker_tally). Never selects an email address.
 */

export const DECISION_MAKER_PAGE_SIZE = 30;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The public directory by name, a page at a time, with each one's asks and responses counted. */
export function listDecisionMakers(db: Database, options: { q: string; role: TargetRole | null; page: number }) {
  const q = options.q.trim();
  return db
    .selectFrom("target")
    .select((eb) => [
      "target.id",
      "target.name",
      "target.role",
      "target.body",
      eb
        .selectFrom("decision_maker_tally")
        .select((t) => t.fn.coalesce(t.fn.sum<string>("n"), sql<string>`0`).as("n"))
        .whereRef("decision_maker_tally.target_id", "=", "target.id")
        .where("measure", "like", "ask\\_%")
        .as("asks"),
      eb.selectFrom("decision_maker_tally").select("n").whereRef("decision_maker_tally.target_id", "=", "target.id").where("measure", "=", "responses").as("responses"),
    ])
    .$if(q.length > 0, (qb) => qb.where("target.name", "ilike", `%${escapeLike(q)}%`))
    .$if(options.role !== null, (qb) => qb.where("target.role", "=", options.role!))
    .orderBy(sql`lower(target.name)`)
    .orderBy("target.id")
    .limit(DECISION_MAKER_PAGE_SIZE + 1)
    .offset((options.page - 1) * DECISION_MAKER_PAGE_SIZE)
    .execute()
    .then((rows) => rows.map((r) => ({ id: r.id, name: r.name, role: r.role, body: r.body, asks: Number(r.asks ?? 0), responses: Number(r.responses ?? 0) })));
}

/** One decision maker's public profile: who they are and where (never their address). */
export function getPublicDecisionMaker(db: Database, id: number) {
  return db.selectFrom("target").select(["id", "name", "role", "body", "areas", "everywhere", "source"]).where("id", "=", id).executeTakeFirst();
}

/** Their tallies as a map: "letters_sent", "reply_yes", "ask_committed", "responses" and so on. */
export async function getDecisionMakerTallies(db: Database, id: number) {
  const rows = await db.selectFrom("decision_maker_tally").select(["measure", "n"]).where("target_id", "=", id).execute();
  return new Map(rows.map((r) => [r.measure, r.n]));
}
