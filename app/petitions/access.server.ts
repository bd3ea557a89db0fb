import { isOrganiser } from "~/models/campaign.server";
import { getPetitionBySlug, getPetitionWithCampaign } from "~/models/petition.server";
import { getCurrentMember } from "../members/session.server";
import { db } from "../utils/db.server";
import { canOnCampaign, type CampaignAction } from "../members/permissions";
import { notFound } from "~/utils/responses.server";

/** A petition anyone may see through a link (signers' emails, the counter): 404 for drafts and unknown slugs. */
export async function loadPublicPetition(slug: string | undefined) {
  const petition = slug ? await getPetitionBySlug(db, slug) : undefined;
  if (!petition || petition.status === "draft") notFound();
  return petition;
}

/**
 * A petition with its campaign and whether the viewer may do `action` on that campaign (manage it,
 * or read its dashboard). A draft is 404 for anyone who cannot manage it.
 */
export async function loadPetitionFor(request: Request, slug: string | undefined, action: CampaignAction = "campaign.manage") {
  const { member } = await getCurrentMember(request);
  const petition = slug ? await getPetitionWithCampaign(db, slug) : undefined;
  if (!petition) notFound();
  const campaign = { id: petition.campaign_id, title: petition.campaign_title, status: petition.campaign_status };
  const context = { isOrganiser: member ? await isOrganiser(db, campaign.id, member.id) : false, status: campaign.status };
  const allowed = canOnCampaign(member, action, context);
  const mayManage = action === "campaign.manage" ? allowed : canOnCampaign(member, "campaign.manage", context);
  if (petition.status === "draft" && !mayManage) notFound();
  return { petition, campaign, member, allowed };
}
