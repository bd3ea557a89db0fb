import { getAppUrl } from "~/utils/env.server";
import { signedExpiringToken } from "~/utils/signed-links.server";

/** How long a teller link works; the page it opens can send a new one (which stops the older ones). */
export const TELLER_LINK_DAYS = 365;

/**
 * The address at which a teller without an account sees and changes their story: signed with the
 * story's current link version, so asking for a new link revokes every older one. Shared by the email
 * that first gives the link and by the moderators' decision emails.
 */
export function tellerLinkUrl(storyId: number, version: number, now = new Date()) {
  const expiresAt = new Date(now.getTime() + TELLER_LINK_DAYS * 24 * 3600_000);
  return `${getAppUrl()}/stories/${storyId}/teller/${signedExpiringToken("story-teller", storyId, version, expiresAt)}`;
}
