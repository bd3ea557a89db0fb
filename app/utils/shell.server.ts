import { sql } from "kysely";
import type { ShellUser } from "~/components/layout";
import { getCurrentMember } from "./auth.server";
import { db } from "./db.server";

/** What the page shell needs about the signed-in member, plus the cookie if the session was renewed. */
export async function getShellUser(request: Request): Promise<{ user: ShellUser | null; setCookies: string[] }> {
  const { member, setCookie } = await getCurrentMember(request);
  // Unread notifications for the header, counted to 100 at most from their own partial index.
  const unread = member
    ? Number((await sql<{ n: number }>`select count(*)::int as n from (select 1 from notification where member_id = ${member.id} and read_at is null limit 100) u`.execute(db)).rows[0]?.n ?? 0)
    : 0;
  return {
    user: member ? { displayName: member.displayName, isAdmin: member.isAdmin, isModerator: member.isModerator, unread } : null,
    setCookies: setCookie ? [setCookie] : [],
  };
}
