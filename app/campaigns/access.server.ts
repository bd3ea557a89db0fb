import { getCampaign, isOrganiser } from "~/models/campaign.server";
import { requireMember, type CurrentMember } from "../members/session.server";
import { db } from "../utils/db.server";
import { parseId } from "../utils/ids";
import { canOnCampaign, type CampaignContext } from "../members/permissions";
import { forbidden, notFound } from "~/utils/responses.server";

/** Loads a campaign with the viewer's relationship to it; 404 when there is none. */
export async function loadCampaign(rawId: string | undefined, member: CurrentMember | null) {
  const id = parseId(rawId);
  const campaign = id !== null ? await getCampaign(db, id) : undefined;
  if (!campaign) notFound();
  const context: CampaignContext = { isOrganiser: member ? await isOrganiser(db, campaign.id, member.id) : false, status: campaign.status };
  return { campaign, context };
}

/** A signed-in organiser (or coalition admin) running an active campaign; 403 for anyone else. */
export async function requireCampaignManager(request: Request, rawId: string | undefined) {
  const member = await requireMember(request);
  const { campaign, context } = await loadCampaign(rawId, member);
  if (!canOnCampaign(member, "campaign.manage", context)) forbidden();
  return { member, campaign };
}
