import { getCampaign, isOrganiser } from "~/models/campaign.server";
import { getAsk } from "~/models/ask.server";
import { getStoryPack } from "~/models/story-pack.server";
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

/**
 * The organisers' accountability pages: a signed-in organiser of the campaign (or a coalition admin),
 * whatever the campaign's status; signed-out visitors go to sign in, anyone else gets 403.
 */
export async function requireAskOrganiser(request: Request, rawId: string | undefined) {
  const member = await requireMember(request);
  const { campaign, context } = await loadCampaign(rawId, member);
  if (!canOnCampaign(member, "campaign.accountability", context)) forbidden();
  return { member, campaign };
}

/** One ask of this campaign, for its organisers; 404 when there is none, or it belongs to another campaign. */
export async function requireCampaignAsk(request: Request, rawId: string | undefined, rawAskId: string | undefined) {
  const { member, campaign } = await requireAskOrganiser(request, rawId);
  const askId = parseId(rawAskId);
  const ask = askId !== null ? await getAsk(db, askId) : undefined;
  if (!ask || ask.campaign_id !== campaign.id) notFound();
  return { member, campaign, ask };
}

/**
 * The story packs: the campaign's own organisers only, whatever its status. Not coalition admins as
 * such: a teller who shared their story with "the organisers of this campaign" shared it with them
 * and nobody else. Signed-out visitors go to sign in, anyone else gets 403.
 */
export async function requirePackOrganiser(request: Request, rawId: string | undefined) {
  const member = await requireMember(request);
  const { campaign, context } = await loadCampaign(rawId, member);
  if (!context.isOrganiser) forbidden();
  return { member, campaign };
}

/** One pack of this campaign, for its organisers; 404 when there is none, or it belongs to another campaign. */
export async function requireCampaignPack(request: Request, rawId: string | undefined, rawPackId: string | undefined) {
  const { member, campaign } = await requirePackOrganiser(request, rawId);
  const packId = parseId(rawPackId);
  const pack = packId !== null ? await getStoryPack(db, packId) : undefined;
  if (!pack || pack.campaignId !== campaign.id) notFound();
  return { member, campaign, pack };
}
