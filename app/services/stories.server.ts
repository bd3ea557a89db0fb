import type { Database } from "../../db";
import { getMembership } from "~/models/organisation.server";
import { hashToken } from "~/utils/tokens.server";
import { readSignedExpiringToken } from "~/utils/signed-links.server";
import { emailAddress } from "./notifications.server";
import {
  bumpTellerLinkVersion,
  countStoriesFrom,
  getLetterForStory,
  getNoAccountTeller,
  getSignatureForStory,
  setStoryDemands,
  updateStoryText,
  type StoryText,
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
import { TELLER_LINK_DAYS, tellerLinkUrl } from "./story-links.server";

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
  return db.transaction().execute((trx) => tellStoryIn(trx, story, actor));
}

async function tellStoryIn(trx: Database, story: NewStory, actor: ConsentActor): Promise<TellStoryResult> {
  const refusal = await refuseConsents(trx, story.tellerId, story);
  if (refusal) return { ok: false, reason: refusal } as const;
  if ((await countVisibleDemands(trx, story.demandIds)) !== new Set(story.demandIds).size) return { ok: false, reason: "no-such-demand" } as const;
  const storyId = await insertStory(trx, { ...story, demandIds: [...new Set(story.demandIds)], audienceCampaignIds: story.audience === "organisers" ? [...new Set(story.audienceCampaignIds)] : [] }, actor);
  await tellModeratorsStoryWaiting(trx, story.contentNotes, story.tellerId);
  return { ok: true, storyId } as const;
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

export type EditStoryResult = { ok: true; backToReview: boolean } | { ok: false; reason: "no-such-story" | "not-editable" | "no-such-demand" };

/** The statuses whose text a teller may still change: not once withdrawn, declined or held for safeguarding. */
export const EDITABLE_STATUSES = ["waiting", "changes_requested", "published"] as const;

/**
 * The teller changes their story's words, content notes, topics or demands. A change to what a reader
 * reads (title, text, easy read, content notes) sends a published or changes-requested story back to
 * "waiting": nobody else reads the new words before a moderator has.
 */
export async function editStory(db: Database, storyId: number, tellerId: number, text: StoryText & { demandIds: number[] }): Promise<EditStoryResult> {
  return db.transaction().execute(async (trx) => {
    const story = await getStoryForUpdate(trx, storyId);
    if (!story || story.teller_id !== tellerId) return { ok: false, reason: "no-such-story" } as const;
    if (!(EDITABLE_STATUSES as readonly string[]).includes(story.status)) return { ok: false, reason: "not-editable" } as const;
    const demandIds = [...new Set(text.demandIds)];
    if ((await countVisibleDemands(trx, demandIds)) !== demandIds.length) return { ok: false, reason: "no-such-demand" } as const;
    const sameNotes = [...story.content_notes].sort().join() === [...new Set(text.contentNotes)].sort().join();
    const wordsChanged = story.title !== text.title || story.body !== text.body || story.easy_read !== text.easyRead || !sameNotes || story.content_note_detail !== text.contentNoteDetail;
    const backToReview = wordsChanged && story.status !== "waiting";
    await updateStoryText(trx, storyId, { ...text, contentNotes: [...new Set(text.contentNotes)], topics: [...new Set(text.topics)] }, backToReview ? "waiting" : undefined);
    await setStoryDemands(trx, storyId, demandIds);
    return { ok: true, backToReview } as const;
  });
}

/** How long a story can be added after confirming a signature or letter, with the link that confirmed it. */
export const STORY_AFTER_CONFIRMING_HOURS = 24;
/** At most this many stories per signature or letter: enough for a life, too few for a flood. */
export const STORIES_PER_SOURCE = 3;
/** How long a teller's emailed link works; the page it opens can send a new one. */
export { TELLER_LINK_DAYS };

export type StorySource = { kind: "signature"; petitionId: number; title: string } | { kind: "letter"; letterCampaignId: number; title: string };
export type StoryLinkState = { ok: true; sourceId: number; storiesLeft: number } | { ok: false; reason: "no-such-link" | "not-confirmed" | "too-late" };

async function findStorySource(db: Database, source: StorySource, token: string) {
  const tokenHash = hashToken(token);
  const row = source.kind === "signature" ? await getSignatureForStory(db, source.petitionId, tokenHash) : await getLetterForStory(db, source.letterCampaignId, tokenHash);
  return row;
}

function storySourceState(row: { id: number; status: string; confirmedAt: Date | null } | undefined, told: number, now: Date): StoryLinkState {
  if (!row) return { ok: false, reason: "no-such-link" };
  if (row.status !== "confirmed" || !row.confirmedAt) return { ok: false, reason: "not-confirmed" };
  if (new Date(row.confirmedAt).getTime() + STORY_AFTER_CONFIRMING_HOURS * 3600_000 < now.getTime()) return { ok: false, reason: "too-late" };
  return { ok: true, sourceId: row.id, storiesLeft: Math.max(0, STORIES_PER_SOURCE - told) };
}

/** Whether the link that confirmed a signature or letter may still add a story, and how many more. */
export async function checkStoryLink(db: Database, source: StorySource, token: string, now = new Date()): Promise<StoryLinkState> {
  const row = await findStorySource(db, source, token);
  const told = row ? await countStoriesFrom(db, source.kind === "signature" ? { signatureId: row.id } : { letterId: row.id }) : 0;
  return storySourceState(row, told, now);
}

export type TellWithoutAccountResult = { ok: true; storyId: number } | { ok: false; reason: StoryRefusal | "no-such-link" | "not-confirmed" | "too-late" | "too-many" };

/**
 * A signer or letter writer adds a story without an account, authorised by the same emailed link
 * that confirmed their signature or letter (so nothing new proves their address), for a day after
 * confirming. Saved waiting for review with teller_id null; they are emailed their own teller link,
 * never the story's words.
 */
export async function tellStoryWithoutAccount(db: Database, source: StorySource, token: string, story: Omit<NewStory, "tellerId" | "signatureId" | "letterId" | "organisationId" | "audienceCampaignIds">, now = new Date()): Promise<TellWithoutAccountResult> {
  if (story.nameChoice === "display_name" || story.nameChoice === "organisation" || story.audience === "organisers") return { ok: false, reason: "not-in-organisation" };
  return db.transaction().execute(async (trx) => {
    const row = await findStorySource(trx, source, token);
    const ids = row ? (source.kind === "signature" ? { signatureId: row.id } : { letterId: row.id }) : null;
    const state = storySourceState(row, ids ? await countStoriesFrom(trx, ids) : 0, now);
    if (!state.ok) return state;
    if (state.storiesLeft === 0) return { ok: false, reason: "too-many" } as const;
    const told = await tellStoryIn(trx, { ...story, ...ids, tellerId: null, organisationId: null, audienceCampaignIds: [] }, "teller_link");
    if (!told.ok) return told;
    await sendTellerLinkIn(trx, told.storyId, row!.email, source, 1);
    return told;
  });
}

function cameFrom(source: Pick<StorySource, "kind" | "title">) {
  return source.kind === "signature" ? `your signature to “${source.title}”` : `your letter for “${source.title}”`;
}

async function sendTellerLinkIn(trx: Database, storyId: number, email: string | null, source: Pick<StorySource, "kind" | "title">, version: number) {
  if (!email) return false;
  await emailAddress(trx, { template: "StoryTellerLink", to: email, props: { cameFrom: cameFrom(source), tellerUrl: tellerLinkUrl(storyId, version), days: TELLER_LINK_DAYS } });
  return true;
}

/** The story a teller link was made for, if it is still its newest link and has not expired. */
export async function readTellerLink(db: Database, token: string, storyId: number, now = new Date()): Promise<number | null> {
  const link = readSignedExpiringToken("story-teller", token);
  if (!link || link.id !== storyId || link.expiresAt.getTime() <= now.getTime()) return null;
  const story = await getStoryForUpdate(db, storyId);
  return story && story.teller_id === null && story.teller_link_version === link.version ? storyId : null;
}

export type NewTellerLinkResult = { ok: true } | { ok: false; reason: "no-such-story" | "no-address" };

/**
 * Emails a teller without an account a new link to their story, to the address their signature or
 * letter was confirmed from; every older link stops working (one forwarded by mistake, say).
 */
export async function sendNewTellerLink(db: Database, storyId: number): Promise<NewTellerLinkResult> {
  return db.transaction().execute(async (trx) => {
    const story = await getStoryForUpdate(trx, storyId);
    const teller = story && story.teller_id === null ? await getNoAccountTeller(trx, storyId) : undefined;
    if (!teller) return { ok: false, reason: "no-such-story" } as const;
    if (!teller.email) return { ok: false, reason: "no-address" } as const;
    const version = await bumpTellerLinkVersion(trx, storyId);
    await sendTellerLinkIn(trx, storyId, teller.email, teller, version);
    return { ok: true } as const;
  });
}
