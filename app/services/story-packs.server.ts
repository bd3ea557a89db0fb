import type { Database } from "../../db";
import { getAsk } from "~/models/ask.server";
import { listCampaignPetitions } from "~/models/petition.server";
import { getStoryPack, insertStoryPack, listQuotableStories, lockQuotableStoryIds, MAX_PACK_STORIES, setPackDelivered } from "~/models/story-pack.server";
import { parseLondonDateTime, todayInLondon } from "~/utils/london-time";

export interface MakePack {
  title: string;
  petitionId: number | null;
  askId: number | null;
  /** The ticked stories, or "all": every story quotable now (the newest MAX_PACK_STORIES). */
  stories: readonly number[] | "all";
}

export type MakePackResult =
  | { ok: true; packId: number; count: number }
  | { ok: false; reason: "not-this-campaign-petition" | "not-this-campaign-ask" | "no-stories-chosen" | "no-quotable-stories" }
  /** Some ticked stories may not be quoted now (withdrawn, consent changed, or never quotable here): nothing is made. */
  | { ok: false; reason: "not-quotable"; quotable: number[] };

/**
 * Makes a pack of a campaign's quotable stories for its organisers. A ticked story that may not be
 * quoted now refuses the whole pack rather than being left out quietly: the organiser chose it, and a
 * pack silently shorter than they think would mislead them (usually its teller changed their mind
 * while the organiser was choosing). The stories are locked while the pack is made, so a withdrawal
 * either lands before (and refuses) or after (and marks the pack).
 */
export async function makeStoryPack(db: Database, memberId: number, campaignId: number, pack: MakePack): Promise<MakePackResult> {
  return db.transaction().execute(async (trx) => {
    if (pack.petitionId !== null && !(await listCampaignPetitions(trx, campaignId)).some((p) => p.id === pack.petitionId)) return { ok: false, reason: "not-this-campaign-petition" } as const;
    if (pack.askId !== null && (await getAsk(trx, pack.askId))?.campaign_id !== campaignId) return { ok: false, reason: "not-this-campaign-ask" } as const;
    let storyIds: number[];
    if (pack.stories === "all") {
      storyIds = await lockQuotableStoryIds(trx, campaignId, (await listQuotableStories(trx, campaignId, MAX_PACK_STORIES)).slice(0, MAX_PACK_STORIES).map((s) => s.id));
      if (storyIds.length === 0) return { ok: false, reason: "no-quotable-stories" } as const;
    } else {
      const chosen = [...new Set(pack.stories)];
      if (chosen.length === 0) return { ok: false, reason: "no-stories-chosen" } as const;
      if (chosen.length > MAX_PACK_STORIES) return { ok: false, reason: "not-quotable", quotable: [] } as const;
      storyIds = await lockQuotableStoryIds(trx, campaignId, chosen);
      if (storyIds.length !== chosen.length) return { ok: false, reason: "not-quotable", quotable: storyIds } as const;
    }
    const packId = await insertStoryPack(trx, { campaignId, petitionId: pack.petitionId, askId: pack.askId, title: pack.title, createdBy: memberId }, storyIds);
    return { ok: true, packId, count: storyIds.length } as const;
  });
}

export type DeliverPackResult = { ok: true } | { ok: false; reason: "no-such-pack" | "before-made" | "in-future" };

/**
 * Records the day a pack was handed over. From then on, a story withdrawn (or no longer quotable)
 * after that day is flagged so the organisers can tell the decision maker. The day may be corrected.
 */
export async function markStoryPackDelivered(db: Database, campaignId: number, packId: number, deliveredOn: string): Promise<DeliverPackResult> {
  const pack = await getStoryPack(db, packId);
  if (!pack || pack.campaignId !== campaignId) return { ok: false, reason: "no-such-pack" };
  if (deliveredOn > todayInLondon()) return { ok: false, reason: "in-future" };
  if (deliveredOn < todayInLondon(new Date(pack.createdAt))) return { ok: false, reason: "before-made" };
  // The start of that UK day: a withdrawal later the same day is treated as after delivery, to be safe.
  await setPackDelivered(db, packId, parseLondonDateTime(`${deliveredOn}T00:00`)!);
  return { ok: true };
}
