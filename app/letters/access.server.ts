import { getCampaignHeading, isOrganiser, organisesActiveCampaign } from "~/models/campaign.server";
import { getLetterCampaignBySlug } from "~/models/letter.server";
import { getCurrentMember, requireMember } from "../members/session.server";
import { db } from "../utils/db.server";
import { canOnCampaign } from "../members/permissions";
import { forbidden, notFound } from "~/utils/responses.server";

/**
 * The decision-maker directory is kept by coalition admins and by organisers of running campaigns
 * (who need it to set up letters); 403 for anyone else.
 */
export async function requireDirectoryEditor(request: Request) {
  const member = await requireMember(request);
  if (member.isAdmin) return member;
  if (!(await organisesActiveCampaign(db, member.id))) forbidden();
  return member;
}

/**
 * A letter campaign with its campaign and whether the viewer manages it (an organiser of the running
 * campaign, or an admin). A draft is 404 for anyone else.
 */
export async function loadLetterCampaignFor(request: Request, slug: string | undefined) {
  const { member } = await getCurrentMember(request);
  const lc = slug ? await getLetterCampaignBySlug(db, slug) : undefined;
  if (!lc) notFound();
  const campaign = await getCampaignHeading(db, lc.campaign_id);
  const context = { isOrganiser: member ? await isOrganiser(db, campaign.id, member.id) : false, status: campaign.status };
  const manage = canOnCampaign(member, "campaign.manage", context);
  if (lc.status === "draft" && !manage) notFound();
  return { lc, campaign, member, manage };
}

/** As loadLetterCampaignFor, for organiser-only pages and actions: 403 for anyone who does not manage it. */
export async function requireLetterManager(request: Request, slug: string | undefined) {
  await requireMember(request);
  const loaded = await loadLetterCampaignFor(request, slug);
  if (!loaded.manage) forbidden();
  return { ...loaded, member: loaded.member! };
}

/** A letter campaign anyone may reach through a link (writers' emails): 404 for drafts and unknown slugs. */
export async function loadPublicLetterCampaign(slug: string | undefined) {
  const lc = slug ? await getLetterCampaignBySlug(db, slug) : undefined;
  if (!lc || lc.status === "draft") notFound();
  return lc;
}
