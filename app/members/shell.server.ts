import type { ShellUser } from "./shell-user";
import { getCurrentMember } from "./session.server";

/** What the page shell needs about the signed-in member, plus the cookie if the session was renewed. */
export async function getShellUser(request: Request): Promise<{ user: ShellUser | null; setCookies: string[] }> {
  const { member, setCookie } = await getCurrentMember(request);
  return {
    user: member ? { displayName: member.displayName, isAdmin: member.isAdmin, isModerator: member.isModerator, unread: member.unread } : null,
    setCookies: setCookie ? [setCookie] : [],
  };
}
