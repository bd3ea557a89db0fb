import type { ShellUser } from "~/components/layout";

/** What the page shell needs about the signed-in member, plus any cookie the session needs renewed. */
export async function getShellUser(_request: Request): Promise<{ user: ShellUser | null; setCookies: string[] }> {
  return { user: null, setCookies: [] };
}
