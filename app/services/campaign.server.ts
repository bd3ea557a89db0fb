import type { Database } from "../../db";
import type { CampaignEventKind } from "../../db/schema";
import { addOrganiser, addPartner, getCampaignForUpdate, getCampaignTitle, insertCampaign, insertCampaignEvent, listEligiblePartners, setCampaignStatus, type CampaignFields, removeOrganiser, removePartner, updateCampaignFields } from "~/models/campaign.server";
import { getDemandForUpdate, recordDemandEvent, setDemandStage } from "~/models/demand.server";
import { listMemberOrganisations } from "~/models/organisation.server";
import { follow } from "~/models/follow.server";
import type { MilestoneReached } from "~/models/petition.server";
import { todayInLondon } from "~/utils/london-time";
import { notifyFollowers } from "./notifications.server";

/** Followers of a campaign hear of each update and milestone (their "campaign update" notifications). */
function tellFollowers(trx: Database, campaign: { id: number; title: string }, title: string, actorId: number) {
  return notifyFollowers(trx, [`campaign:${campaign.id}`], {
    kind: "campaign_update",
    title: `${campaign.title}: ${title}`,
    url: `/campaigns/${campaign.id}#timeline-heading`,
    action: "See the campaign",
    group: { key: `campaign:${campaign.id}`, title: campaign.title },
    reason: "You get this because you follow this campaign.",
    actorId,
  });
}

export type StartResult = { ok: true; id: number } | { ok: false; reason: "not-adopted" };

/**
 * Starts the campaign for an adopted demand: the demand moves to "campaigning" (in its decision log),
 * the starter becomes lead organiser, and endorsing verified organisations chosen as partners are
 * listed. One campaign per demand: the demand row is locked, so two starts cannot both succeed.
 */
export async function startCampaign(db: Database, actorId: number, demandId: number, fields: CampaignFields, partnerIds: number[]): Promise<StartResult> {
  return db.transaction().execute(async (trx) => {
    const demand = await getDemandForUpdate(trx, demandId);
    if (!demand || demand.stage !== "adopted") return { ok: false, reason: "not-adopted" } as const;
    const id = await insertCampaign(trx, demandId, actorId, fields);
    await addOrganiser(trx, id, actorId, { lead: true });
    await follow(trx, `campaign:${id}`, actorId);
    const eligible = new Set((await listEligiblePartners(trx, demandId)).map((o) => o.id));
    for (const organisationId of new Set(partnerIds)) if (eligible.has(organisationId)) await addPartner(trx, id, organisationId);
    await setDemandStage(trx, demandId, ["adopted"], "campaigning");
    await recordDemandEvent(trx, { demandId, actorId, from: "adopted", to: "campaigning", reason: `Campaign started: ${fields.title}`, detail: { campaignId: id } });
    await insertCampaignEvent(trx, { campaignId: id, kind: "started", title: "Campaign started", happenedOn: todayInLondon(), authorId: actorId });
    return { ok: true, id } as const;
  });
}

/** Adds a co-organiser, optionally acting for a verified organisation they are publicly listed in. */
export async function addCoOrganiser(db: Database, campaignId: number, memberId: number, organisationId: number | null) {
  if (organisationId !== null) {
    const theirs = await listMemberOrganisations(db, memberId);
    if (!theirs.some((o) => o.id === organisationId && o.status === "verified" && o.listed)) return { ok: false, reason: "not-listed-member" } as const;
  }
  const added = await addOrganiser(db, campaignId, memberId, { organisationId });
  if (added) await follow(db, `campaign:${campaignId}`, memberId);
  return added ? ({ ok: true } as const) : ({ ok: false, reason: "already-organiser" } as const);
}

/** Lists a partner, if it is a verified organisation endorsing the campaign's demand. */
export async function addCampaignPartner(db: Database, campaign: { id: number; demand_id: number }, organisationId: number) {
  const eligible = await listEligiblePartners(db, campaign.demand_id);
  if (!eligible.some((o) => o.id === organisationId)) return false;
  await addPartner(db, campaign.id, organisationId);
  return true;
}

export const MILESTONES = ["petition_delivered", "meeting_held", "response_received"] as const satisfies readonly CampaignEventKind[];
export type EntryKind = "update" | (typeof MILESTONES)[number];

/** An update or a milestone on an active campaign's timeline. */
export async function postCampaignEntry(
  db: Database,
  campaignId: number,
  authorId: number,
  entry: { kind: EntryKind; title: string; body: string; link: string | null; happenedOn: string },
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await getCampaignForUpdate(trx, campaignId);
    if (!campaign || campaign.status !== "active") return null;
    const id = await insertCampaignEvent(trx, { campaignId, authorId, ...entry });
    await tellFollowers(trx, campaign, entry.kind === "update" ? `Update: ${entry.title}` : entry.title, authorId);
    return id;
  });
}

/**
 * Ends a campaign as won or closed: the campaign, its demand's stage (recorded in the decision log)
 * and the final timeline entry change together.
 */
export async function endCampaign(db: Database, campaignId: number, actorId: number, outcome: "won" | "closed", entry: { title: string; body: string; link: string | null }) {
  return db.transaction().execute(async (trx) => {
    const campaign = await getCampaignForUpdate(trx, campaignId);
    if (!campaign || !(await setCampaignStatus(trx, campaignId, "active", outcome))) return false;
    await getDemandForUpdate(trx, campaign.demand_id);
    await setDemandStage(trx, campaign.demand_id, ["campaigning"], outcome);
    await recordDemandEvent(trx, { demandId: campaign.demand_id, actorId, from: "campaigning", to: outcome, reason: entry.title, detail: { campaignId } });
    await insertCampaignEvent(trx, { campaignId, kind: outcome, title: entry.title, body: entry.body, link: entry.link, happenedOn: todayInLondon(), authorId: actorId });
    await tellFollowers(trx, campaign, outcome === "won" ? `Won: ${entry.title}` : `Campaign closed: ${entry.title}`, actorId);
    return true;
  });
}

/** A petition passed a milestone (found by the count fold): the campaign's followers hear of it. */
export async function announceMilestone(trx: Database, reached: MilestoneReached) {
  const campaign = await getCampaignTitle(trx, reached.campaignId);
  if (!campaign) return;
  await notifyFollowers(trx, [`campaign:${campaign.id}`], {
    kind: "campaign_update",
    title: `${campaign.title}: ${reached.milestone.toLocaleString("en-GB")} signatures${reached.goal ? ", the goal" : ""} on "${reached.petitionTitle}"`,
    url: `/campaigns/${campaign.id}#timeline-heading`,
    action: "See the campaign",
    group: { key: `campaign:${campaign.id}`, title: campaign.title },
    reason: "You get this because you follow this campaign.",
  });
}

/** Saves the campaign's public details (title, pitch, ask, who it is aimed at, end date). */
export function saveCampaignDetails(db: Database, campaignId: number, fields: Parameters<typeof updateCampaignFields>[2]) {
  return updateCampaignFields(db, campaignId, fields);
}

/** Removes a co-organiser; false for the lead organiser, who always stays. */
export function removeCoOrganiser(db: Database, campaignId: number, memberId: number) {
  return removeOrganiser(db, campaignId, memberId);
}

export function removeCampaignPartner(db: Database, campaignId: number, organisationId: number) {
  return removePartner(db, campaignId, organisationId);
}
