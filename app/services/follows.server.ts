import type { Database } from "../../db";
import { follow, unfollow } from "~/models/follow.server";

/**
 * Following a demand, campaign, organisation or topic ("demand:12", "topic:housing"): notifications
 * about it reach the member from now on (app/services/notifications.server.ts); unfollowing stops them.
 */
export function followSubject(db: Database, subject: string, memberId: number) {
  return follow(db, subject, memberId);
}

export function unfollowSubject(db: Database, subject: string, memberId: number) {
  return unfollow(db, subject, memberId);
}

/** The topics a member follows become exactly `topics`, in one transaction. */
export async function setFollowedTopics(db: Database, memberId: number, topics: ReadonlySet<string>, allTopics: readonly string[]) {
  await db.transaction().execute(async (trx) => {
    for (const topic of allTopics) {
      if (topics.has(topic)) await follow(trx, `topic:${topic}`, memberId);
      else await unfollow(trx, `topic:${topic}`, memberId);
    }
  });
}
