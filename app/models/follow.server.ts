import { sql } from "kysely";
import type { Database } from "../../db";

/** What can be followed: a demand, a campaign or an organisation by id, or a topic by name. */
export type FollowSubject = `demand:${number}` | `campaign:${number}` | `organisation:${number}` | `topic:${string}`;

export async function follow(db: Database, subject: FollowSubject | string, memberId: number) {
  await db.insertInto("follow").values({ subject, member_id: memberId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function unfollow(db: Database, subject: string, memberId: number) {
  await db.deleteFrom("follow").where("subject", "=", subject).where("member_id", "=", memberId).execute();
}

export async function isFollowing(db: Database, subject: string, memberId: number) {
  return Boolean(await db.selectFrom("follow").select("member_id").where("subject", "=", subject).where("member_id", "=", memberId).executeTakeFirst());
}

/** Which of these subjects the member follows (for follow buttons on a list of topics). */
export async function followedAmong(db: Database, subjects: string[], memberId: number) {
  if (!subjects.length) return new Set<string>();
  const rows = await db.selectFrom("follow").select("subject").where("member_id", "=", memberId).where("subject", "in", subjects).execute();
  return new Set(rows.map((r) => r.subject));
}

/** Everything a member follows, newest first, with the name of each thing (for the settings page). */
export async function listFollows(db: Database, memberId: number) {
  const rows = await db.selectFrom("follow").select(["subject", "created_at"]).where("member_id", "=", memberId).orderBy("created_at", "desc").limit(500).execute();
  const idsOf = (type: string) => rows.filter((r) => r.subject.startsWith(`${type}:`)).map((r) => Number(r.subject.split(":")[1]));
  const [demands, campaigns, organisations] = await Promise.all([
    idsOf("demand").length ? db.selectFrom("demand").select(["id", "title as name"]).where("id", "in", idsOf("demand")).execute() : [],
    idsOf("campaign").length ? db.selectFrom("campaign").select(["id", "title as name"]).where("id", "in", idsOf("campaign")).execute() : [],
    idsOf("organisation").length ? db.selectFrom("organisation").select(["id", "name", "slug"]).where("id", "in", idsOf("organisation")).execute() : [],
  ]);
  const names = new Map<string, { name: string; url: string }>();
  for (const d of demands) names.set(`demand:${d.id}`, { name: d.name, url: `/demands/${d.id}` });
  for (const c of campaigns) names.set(`campaign:${c.id}`, { name: c.name, url: `/campaigns/${c.id}` });
  for (const o of organisations) names.set(`organisation:${o.id}`, { name: o.name, url: `/organisations/${o.slug}` });
  return rows.map((r) => ({ subject: r.subject, ...(names.get(r.subject) ?? (r.subject.startsWith("topic:") ? { name: r.subject.slice(6), url: `/demands?topic=${r.subject.slice(6)}` } : { name: "Something since removed", url: "" })) }));
}

/**
 * The next `limit` members (by id, after `afterMemberId`) following any of `subjects` since before
 * the event was written: following starts from the moment you follow, not news from before it.
 */
export async function listFollowerIdsForEvent(db: Database, event: { id: number; subjects: string[] }, afterMemberId: number, limit: number) {
  const result = await sql<{ member_id: number }>`
          select distinct member_id from follow
          where subject = any(${event.subjects}::text[]) and member_id > ${afterMemberId}
            -- Following starts from the moment you follow: not news from before it.
            -- (compared in SQL: a JavaScript date would lose the microseconds)
            and created_at <= (select created_at from notification_event where id = ${event.id})
          order by member_id limit ${limit}`.execute(db);
  return result.rows.map((r) => Number(r.member_id));
}

/** Everyone following one subject (a demand's followers are bounded by the membership). */
export async function listFollowerIds(db: Database, subject: string) {
  const rows = await db.selectFrom("follow").select("member_id").where("subject", "=", subject).execute();
  return rows.map((r) => Number(r.member_id));
}
