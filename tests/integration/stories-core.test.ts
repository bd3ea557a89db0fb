import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { db } from "../../db";
import { canReadStory, type StoryViewer } from "../../app/stories/consent";
import { getStory, listReadableStories, listStoryConsentHistory, readableStories } from "../../app/models/story.server";
import { changeStoryConsents, withdrawStory } from "../../app/services/stories.server";
import { reviewStory } from "../../app/services/story-moderation.server";
import type { StoryAudience } from "../../db/schema";
import { createAdoptedDemand, createDemand, createMember, createOrganisation, createPublishedStory, createRunningCampaign, createStory } from "../support/builders";

const CONSENTS = { audience: "public" as StoryAudience, audienceCampaignIds: [] as number[], nameChoice: "display_name" as const, firstName: null, organisationId: null, place: null, mayQuote: false, forResearch: false };

async function readableBySql(storyId: number, viewer: StoryViewer) {
  return Boolean(await db.selectFrom("story").select("id").where(readableStories(viewer)).where("story.id", "=", storyId).executeTakeFirst());
}

describe("who may read a story", () => {
  it("the SQL rule and the page rule agree for every audience, status and kind of reader", async () => {
    const teller = await createMember(db);
    const stranger = await createMember(db);
    const organiser = await createMember(db);
    const otherOrganiser = await createMember(db);
    const campaignId = await createRunningCampaign(db, organiser.id);
    const otherCampaignId = await createRunningCampaign(db, otherOrganiser.id);
    const viewers: Record<string, StoryViewer> = {
      signedOut: { memberId: null, organiserOf: [] },
      stranger: { memberId: stranger.id, organiserOf: [] },
      teller: { memberId: teller.id, organiserOf: [] },
      organiser: { memberId: organiser.id, organiserOf: [campaignId] },
      otherOrganiser: { memberId: otherOrganiser.id, organiserOf: [otherCampaignId] },
    };
    const expected: Record<string, Record<string, boolean>> = {
      "public/published": { signedOut: true, stranger: true, teller: true, organiser: true, otherOrganiser: true },
      "members/published": { signedOut: false, stranger: true, teller: true, organiser: true, otherOrganiser: true },
      "organisers/published": { signedOut: false, stranger: false, teller: true, organiser: true, otherOrganiser: false },
      "public/waiting": { signedOut: false, stranger: false, teller: true, organiser: false, otherOrganiser: false },
      "public/withdrawn": { signedOut: false, stranger: false, teller: true, organiser: false, otherOrganiser: false },
    };
    for (const [key, readers] of Object.entries(expected)) {
      const [audience, status] = key.split("/") as [StoryAudience, string];
      const spec = { audience, audienceCampaignIds: audience === "organisers" ? [campaignId] : [] };
      const storyId = status === "waiting" ? await createStory(db, teller.id, spec) : await createPublishedStory(db, teller.id, spec);
      if (status === "withdrawn") expect(await withdrawStory(db, storyId, teller.id)).toEqual({ ok: true });
      const story = (await getStory(db, storyId))!;
      for (const [who, may] of Object.entries(readers)) {
        const viewer = viewers[who]!;
        const access = { status: story.status, audience: story.audience, tellerId: story.tellerId, audienceCampaignIds: story.audienceCampaigns.map((c) => c.id) };
        expect([key, who, canReadStory(access, viewer)]).toEqual([key, who, may]);
        expect([key, who, await readableBySql(storyId, viewer)]).toEqual([key, who, may]);
      }
    }
  });

  it("lists only published stories the reader may see, hides chosen content notes, and pages by twenty", async () => {
    const teller = await createMember(db);
    const demandId = await createAdoptedDemand(db, teller.id);
    const ids: number[] = [];
    for (let i = 0; i < 21; i++) ids.push(await createPublishedStory(db, teller.id, { demandIds: [demandId] }));
    const noted = await createPublishedStory(db, teller.id, { demandIds: [demandId], contentNotes: ["self_harm"] });
    const membersOnly = await createPublishedStory(db, teller.id, { demandIds: [demandId], audience: "members" });
    await createStory(db, teller.id, { demandIds: [demandId] });

    const signedOut = { memberId: null, organiserOf: [] };
    const first = await listReadableStories(db, signedOut, { page: 1, demandId });
    expect(first.stories).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(first.stories[0]!.id).toBe(noted);
    expect(first.stories.map((s) => s.id)).not.toContain(membersOnly);
    const second = await listReadableStories(db, signedOut, { page: 2, demandId });
    expect(second.hasMore).toBe(false);
    expect([...first.stories, ...second.stories].map((s) => s.id).sort((a, b) => a - b)).toEqual([...ids, noted].sort((a, b) => a - b));

    const hiding = await listReadableStories(db, signedOut, { page: 1, demandId, hiding: ["self_harm", "suicide"] });
    expect(hiding.stories.map((s) => s.id)).not.toContain(noted);
    const member = await createMember(db);
    expect((await listReadableStories(db, { memberId: member.id, organiserOf: [] }, { page: 1, demandId })).stories[0]!.id).toBe(membersOnly);
  });

  it("never reads the teller's display name unless they chose to be shown under it", async () => {
    const teller = await createMember(db, { displayName: "Priya Quietname" });
    const storyId = await createPublishedStory(db, teller.id, { nameChoice: "place", place: "Leeds" });
    const [row] = (await listReadableStories(db, { memberId: null, organiserOf: [] }, { page: 1 })).stories.filter((s) => s.id === storyId);
    expect(row).toMatchObject({ displayName: null, place: "Leeds", nameChoice: "place" });
    expect(JSON.stringify(row)).not.toContain("Quietname");
  });
});

describe("consent the teller controls", () => {
  it("records each consent given, then only what changed, and refuses names and audiences that are not theirs", async () => {
    const teller = await createMember(db);
    const storyId = await createStory(db, teller.id);
    expect((await listStoryConsentHistory(db, storyId)).map((e) => [e.consent, e.value])).toEqual([["audience", "public"], ["name", "display_name"], ["quote", "no"], ["research", "no"]]);

    expect(await changeStoryConsents(db, storyId, teller.id, { ...CONSENTS, mayQuote: true })).toEqual({ ok: true, changed: ["quote"] });
    expect(await changeStoryConsents(db, storyId, teller.id, { ...CONSENTS, mayQuote: true })).toEqual({ ok: true, changed: [] });
    expect((await listStoryConsentHistory(db, storyId)).slice(4).map((e) => [e.consent, e.value, e.actor])).toEqual([["quote", "yes", "teller"]]);

    const someoneElse = await createMember(db);
    expect(await changeStoryConsents(db, storyId, someoneElse.id, { ...CONSENTS, audience: "members" })).toEqual({ ok: false, reason: "no-such-story" });
    const organisation = await createOrganisation(db, { adminId: someoneElse.id });
    expect(await changeStoryConsents(db, storyId, teller.id, { ...CONSENTS, nameChoice: "organisation", organisationId: organisation.id } as never)).toEqual({ ok: false, reason: "not-in-organisation" });
    expect(await changeStoryConsents(db, storyId, teller.id, { ...CONSENTS, audience: "organisers", audienceCampaignIds: [] })).toEqual({ ok: false, reason: "no-campaigns-named" });
    expect(await changeStoryConsents(db, storyId, teller.id, { ...CONSENTS, audience: "organisers", audienceCampaignIds: [2_000_000_000] })).toEqual({ ok: false, reason: "no-such-campaign" });
  });

  it("refuses demands that do not exist or are private drafts", async () => {
    const teller = await createMember(db);
    const draft = await createDemand(db, { authorId: (await createMember(db)).id });
    await expect(createStory(db, teller.id, { demandIds: [draft] })).rejects.toThrow("no-such-demand");
    await expect(createStory(db, teller.id, { demandIds: [2_000_000_000] })).rejects.toThrow("no-such-demand");
  });

  it("withdrawal hides the story from every list at once, marks the packs that carried it and keeps the consent history", async () => {
    const teller = await createMember(db);
    const organiser = await createMember(db);
    const campaignId = await createRunningCampaign(db, organiser.id);
    const demandId = await createAdoptedDemand(db, teller.id);
    const storyId = await createPublishedStory(db, teller.id, { demandIds: [demandId], mayQuote: true });
    const { id: packId } = await db.insertInto("story_pack").values({ campaign_id: campaignId, title: "For the minister", created_by: organiser.id }).returning("id").executeTakeFirstOrThrow();
    await db.insertInto("story_pack_story").values({ pack_id: packId, story_id: storyId }).execute();
    const signedOut = { memberId: null, organiserOf: [] };
    expect((await listReadableStories(db, signedOut, { page: 1, demandId })).stories.map((s) => s.id)).toEqual([storyId]);

    expect(await withdrawStory(db, storyId, teller.id)).toEqual({ ok: true });
    expect((await listReadableStories(db, signedOut, { page: 1, demandId })).stories).toEqual([]);
    expect((await listReadableStories(db, { memberId: organiser.id, organiserOf: [campaignId] }, { page: 1, demandId })).stories).toEqual([]);
    expect((await db.selectFrom("story_pack_story").select("withdrawn_at").where("story_id", "=", storyId).executeTakeFirstOrThrow()).withdrawn_at).toBeInstanceOf(Date);
    expect((await listStoryConsentHistory(db, storyId)).at(-1)).toMatchObject({ consent: "withdrawn", value: "yes", actor: "teller" });
    expect(await withdrawStory(db, storyId, teller.id)).toEqual({ ok: false, reason: "already-withdrawn" });
    expect(await changeStoryConsents(db, storyId, teller.id, { ...CONSENTS, audience: "members" })).toEqual({ ok: false, reason: "withdrawn" });
    await expect(sql`update story_consent_event set value = 'no' where story_id = ${storyId}`.execute(db)).rejects.toThrow(/never rewritten/);
  });
});

describe("review", () => {
  it("two moderators racing decide once; anything but publishing needs a reason", async () => {
    const teller = await createMember(db);
    const [a, b] = [await createMember(db, { roles: ["moderator"] }), await createMember(db, { roles: ["moderator"] })];
    const storyId = await createStory(db, teller.id);
    expect(await reviewStory(db, storyId, a.id, "changes_requested", "  ")).toEqual({ ok: false, reason: "reason-needed" });
    const results = await Promise.all([reviewStory(db, storyId, a.id, "published", null), reviewStory(db, storyId, b.id, "declined", "Not a personal account.")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "not-waiting" }]);
    expect(await db.selectFrom("story_review").select("decision").where("story_id", "=", storyId).execute()).toHaveLength(1);
  });
});
