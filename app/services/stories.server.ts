import type { Database } from "../../db";
import { getMembership } from "~/models/organisation.server";
import {
  consentValues,
  countCampaigns,
  countVisibleDemands,
  getStoryForUpdate,
  insertStory,
  listStoryAudienceCampaignIds,
  markStoryWithdrawn,
  recordConsents,
  updateStoryConsents,
  type ConsentActor,
  type NewStory,
  type StoryConsents,
} from "~/models/story.server";
import { markPacksNoLongerQuotable } from "~/models/story-pack.server";
import { tellModeratorsStoryWaiting } from "./story-moderation.server";

/** What a refusal is about, so the page can put its message by the right field. */
export type StoryRefusal = "no-such-demand" | "no-such-campaign" | "not-in-organisation" | "no-campaigns-named";
export type TellStoryResult = { ok: true; storyId: number } | { ok: false; reason: StoryRefusal };
export type ConsentResult = { ok: true; changed: string[] } | { ok: false; reason: StoryRefusal | "no-such-story" | "withdrawn" };
export type WithdrawResult = { ok: true } | { ok: false; reason: "no-such-story" | "already-withdrawn" };

/** Checks that a teller's choices name things that exist and that they may use. */
async function refuseConsents(db: Database, tellerId: number | null, c: StoryConsents): Promise<StoryRefusal | null> {
  if (c.audience === "organisers") {
    if (c.audienceCampaignIds.length === 0) return "no-campaigns-named";
    if ((await countCampaigns(db, c.audienceCampaignIds)) !== new Set(c.audienceCampaignIds).size) return "no-such-campaign";
  }
  // "A member of Voices Together" only from a member of Voices Together.
  if (c.nameChoice === "organisation" && (tellerId === null || c.organisationId === null || !(await getMembership(db, c.organisationId, tellerId)))) return "not-in-organisation";
  return null;
}

/**
 * A story told: saved waiting for review (nobody but its teller and the moderators can read it yet),
 * with every consent recorded as given. The moderation queue picks it up; its teller is emailed the
 * decision. The story's text never goes into a log or an email.
 */
export async function tellStory(db: Database, story: NewStory, actor: ConsentActor = "teller"): Promise<TellStoryResult> {
  return db.transaction().execute(async (trx) => {
    const refusal = await refuseConsents(trx, story.tellerId, story);
    if (refusal) return { ok: false, reason: refusal } as const;
    if ((await countVisibleDemands(trx, story.demandIds)) !== new Set(story.demandIds).size) return { ok: false, reason: "no-such-demand" } as const;
    const storyId = await insertStory(trx, { ...story, demandIds: [...new Set(story.demandIds)], audienceCampaignIds: story.audience === "organisers" ? [...new Set(story.audienceCampaignIds)] : [] }, actor);
    await tellModeratorsStoryWaiting(trx, story.contentNotes, story.tellerId);
    return { ok: true, storyId } as const;
  });
}

/**
 * The teller changes who may read their story, under which name, and whether it may be quoted or used
 * in research. Takes effect at once everywhere (packs included); only the consents that changed are added to the history.
 * `tellerId` is null when acting through the teller's signed link (no account).
 */
export async function changeStoryConsents(db: Database, storyId: number, tellerId: number | null, next: StoryConsents, actor: ConsentActor = "teller"): Promise<ConsentResult> {
  return db.transaction().execute(async (trx) => {
    const story = await getStoryForUpdate(trx, storyId);
    if (!story || (actor === "teller" && story.teller_id !== tellerId)) return { ok: false, reason: "no-such-story" } as const;
    if (story.status === "withdrawn") return { ok: false, reason: "withdrawn" } as const;
    const refusal = await refuseConsents(trx, story.teller_id, next);
    if (refusal) return { ok: false, reason: refusal } as const;
    const before = consentValues({
      audience: story.audience,
      audienceCampaignIds: await listStoryAudienceCampaignIds(trx, storyId),
      nameChoice: story.name_choice,
      firstName: story.first_name,
      organisationId: story.organisation_id,
      place: story.place,
      mayQuote: story.may_quote,
      forResearch: story.for_research,
    });
    const normalised = { ...next, audienceCampaignIds: next.audience === "organisers" ? [...new Set(next.audienceCampaignIds)] : [] };
    const after = consentValues(normalised);
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    if (changed.length === 0) return { ok: true, changed: [] } as const;
    await updateStoryConsents(trx, storyId, normalised);
    await recordConsents(trx, storyId, Object.fromEntries(changed.map((k) => [k, after[k]])), actor);
    // Un-ticking quotation, or narrowing who may read it past a campaign's organisers, takes the story
    // out of that campaign's packs, dated, as a withdrawal does (a delivered pack shows the warning).
    if (changed.includes("quote") || changed.includes("audience")) await markPacksNoLongerQuotable(trx, storyId);
    return { ok: true, changed } as const;
  });
}

/**
 * Withdraws a story, at any time, whatever its status: from this commit on no page, page data, feed,
 * search or new pack shows it, and packs that already carried it are marked. The consent history stays.
 */
export async function withdrawStory(db: Database, storyId: number, tellerId: number | null, actor: ConsentActor = "teller"): Promise<WithdrawResult> {
  return db.transaction().execute(async (trx) => {
    const story = await getStoryForUpdate(trx, storyId);
    if (!story || (actor === "teller" && story.teller_id !== tellerId)) return { ok: false, reason: "no-such-story" } as const;
    if (story.status === "withdrawn") return { ok: false, reason: "already-withdrawn" } as const;
    await markStoryWithdrawn(trx, storyId);
    await recordConsents(trx, storyId, { withdrawn: "yes" }, actor);
    return { ok: true } as const;
  });
}
