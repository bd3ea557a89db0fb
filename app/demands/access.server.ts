import { getDemand, isDemandAuthor } from "~/models/demand.server";
import type { CurrentMember } from "../members/session.server";
import { db } from "../utils/db.server";
import { canOnDemand, type DemandContext } from "../members/permissions";
import { parseId } from "../utils/ids";
import { notFound } from "~/utils/responses.server";

/** Loads a demand the viewer may see, with their relationship to it; 404 otherwise (drafts stay hidden). */
export async function loadDemand(rawId: string | undefined, member: CurrentMember | null) {
  const id = parseId(rawId);
  const demand = id !== null ? await getDemand(db, id) : undefined;
  if (!demand) notFound();
  const context: DemandContext = { isAuthor: member ? await isDemandAuthor(db, demand.id, member.id) : false, stage: demand.stage };
  if (!canOnDemand(member, "demand.view", context)) notFound();
  return { demand, context };
}
