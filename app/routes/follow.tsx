import type { ActionFunctionArgs } from "@remix-run/node";
import { TOPICS } from "../../db/schema";
import { getCampaignTitle } from "~/models/campaign.server";
import { getOrganisationNameAndStatus } from "~/models/organisation.server";
import { requireMember, safeRedirect } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { TOPIC_LABELS } from "~/demands/labels";
import { notFound } from "~/utils/responses.server";
import { followSubject, unfollowSubject } from "~/services/follows.server";

/**
 * Follow or unfollow a campaign, an organisation or a topic from its page (demands have their own
 * button, which knows who may see a draft). POST only; back to the page it came from.
 */
export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const formData = await request.formData();
  const subject = String(formData.get("subject") ?? "");
  const intent = String(formData.get("intent"));
  const back = safeRedirect(formData.get("back"), "/settings/notifications");
  const name = await nameOf(subject);
  if (!name || (intent !== "follow" && intent !== "unfollow")) notFound();
  if (intent === "follow") await followSubject(db, subject, member.id);
  else await unfollowSubject(db, subject, member.id);
  return redirectWithFlash(request, back, { kind: "success", message: intent === "follow" ? `You are following ${name}.` : `You no longer follow ${name}.` });
}

/** The name of something that can be followed here, or null if there is no such thing. */
async function nameOf(subject: string) {
  const match = /^(campaign|organisation):([1-9][0-9]{0,15})$|^topic:([a-z_]{1,40})$/.exec(subject);
  if (!match) return null;
  if (match[3]) return (TOPICS as readonly string[]).includes(match[3]) ? `the topic "${TOPIC_LABELS[match[3] as (typeof TOPICS)[number]]}"` : null;
  const id = Number(match[2]);
  if (match[1] === "campaign") return (await getCampaignTitle(db, id))?.title ?? null;
  const organisation = await getOrganisationNameAndStatus(db, id);
  return organisation?.status === "verified" ? organisation.name : null;
}
