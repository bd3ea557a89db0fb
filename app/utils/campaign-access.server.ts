import { getCampaign, isOrganiser } from "~/models/campaign.server";
import type { CurrentMember } from "./auth.server";
import { db } from "./db.server";
import { parseId } from "./ids";
import type { CampaignContext } from "./permissions";

/** Loads a campaign with the viewer's relationship to it; 404 when there is none. */
export async function loadCampaign(rawId: string | undefined, member: CurrentMember | null) {
  const id = parseId(rawId);
  const campaign = id !== null ? await getCampaign(db, id) : undefined;
  if (!campaign) throw new Response("Not found", { status: 404 });
  const context: CampaignContext = { isOrganiser: member ? await isOrganiser(db, campaign.id, member.id) : false, status: campaign.status };
  return { campaign, context };
}
