import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as storiesAction, loader as storiesLoader } from "../../app/routes/stories._index";
import { loader as storiesJson } from "../../app/routes/stories[.]json";
import { loader as demandStoriesLoader } from "../../app/routes/demands.$id_.stories";
import { loader as demandLoader } from "../../app/routes/demands.$id/route";
import { loader as campaignLoader } from "../../app/routes/campaigns.$id";
import { action as contentNotesAction, loader as contentNotesLoader } from "../../app/routes/settings_.content-notes";
import { action as deleteAction, loader as dataLoader } from "../../app/routes/settings_.data";
import { loader as downloadLoader } from "../../app/routes/settings_.data_.download";
import { changeStoryConsents, withdrawStory } from "../../app/services/stories.server";
import { reviewStory } from "../../app/services/story-moderation.server";
import { readFlash } from "../../app/utils/flash.server";
import type { NewStory } from "../../app/models/story.server";
import { createMember, createPublishedStory, createRunningCampaign, createStory, signedInMember, unique } from "../support/builders";
import { call, cookieFrom, request, type Outcome } from "./http";

type Card = { id: number; title: string; tellerName: string; contentNote: string | null; excerpt?: string };
type Reader = { cookie?: string };

const SIGNED_OUT: Reader = {};
const idsOf = (cards: Card[]) => cards.map((c) => c.id);
const flashOf = async (outcome: Outcome) => (await readFlash(request("/", { cookie: cookieFrom(outcome.setCookies) }))).flash;

/** A running campaign (its lead an organiser) and the demand it campaigns for. */
async function campaignWithDemand() {
  const lead = await signedInMember(db);
  const campaignId = await createRunningCampaign(db, lead.id);
  const { demand_id: demandId } = await db.selectFrom("campaign").select("demand_id").where("id", "=", campaignId).executeTakeFirstOrThrow();
  return { lead, campaignId, demandId };
}

/**
 * Every place a reader meets stories, as this reader: each list's story ids. /stories and the JSON
 * list every story in this file's database, so they are narrowed to the test's own (`among`).
 */
async function everywhere(reader: Reader, place: { demandId: number; campaignId: number; search?: string; among: number[] }) {
  const stories = await call(storiesLoader, request(`/stories${place.search ? `?q=${encodeURIComponent(place.search)}` : ""}`, reader));
  const json = await call(storiesJson, request(`/stories.json${place.search ? `?q=${encodeURIComponent(place.search)}` : ""}`, reader));
  const demandStories = await call(demandStoriesLoader, request(`/demands/${place.demandId}/stories`, reader), { id: String(place.demandId) });
  const demand = await call(demandLoader, request(`/demands/${place.demandId}`, reader), { id: String(place.demandId) });
  const campaign = await call(campaignLoader, request(`/campaigns/${place.campaignId}`, reader), { id: String(place.campaignId) });
  for (const outcome of [stories, json, demandStories, demand, campaign]) expect(outcome.status).toBe(200);
  return {
    stories: idsOf(stories.data.stories).filter((id) => place.among.includes(id)),
    json: (json.data.stories as Array<{ id: number }>).map((s) => s.id).filter((id) => place.among.includes(id)),
    demandStories: idsOf(demandStories.data.stories),
    demand: idsOf(demand.data.stories),
    campaign: idsOf(campaign.data.stories),
  };
}

describe("who meets which story, on every page that lists them", () => {
  it("shows each audience only to its readers, and nothing waiting, declined or withdrawn", async () => {
    const { lead, campaignId, demandId } = await campaignWithDemand();
    const other = await campaignWithDemand();
    const teller = await signedInMember(db);
    const stranger = await signedInMember(db);
    const word = `kestrel${unique()}`;
    const spec = (extra: Partial<NewStory>): Partial<NewStory> => ({ demandIds: [demandId], body: `The ${word} flew over the ward window every morning.`, ...extra });
    const publicStory = await createPublishedStory(db, teller.id, spec({}));
    const membersOnly = await createPublishedStory(db, teller.id, spec({ audience: "members" }));
    const organisersOnly = await createPublishedStory(db, teller.id, spec({ audience: "organisers", audienceCampaignIds: [campaignId] }));
    const waiting = await createStory(db, teller.id, spec({}));
    const declined = await createStory(db, teller.id, spec({}));
    const moderator = await createMember(db, { roles: ["moderator"] });
    expect(await reviewStory(db, declined, moderator.id, "declined", "It names a member of staff.")).toEqual({ ok: true });
    const withdrawn = await createPublishedStory(db, teller.id, spec({}));
    expect(await withdrawStory(db, withdrawn, teller.id)).toEqual({ ok: true });

    const among = [publicStory, membersOnly, organisersOnly, waiting, declined, withdrawn];
    // The demand page and the campaign page show the newest three; the others show all.
    const expected: Array<[string, Reader, number[]]> = [
      ["signed out", SIGNED_OUT, [publicStory]],
      ["a member", stranger, [membersOnly, publicStory]],
      // Their own story for named organisers included: a teller always reads their own.
      ["the teller", teller, [organisersOnly, membersOnly, publicStory]],
      ["the named campaign's organiser", lead, [organisersOnly, membersOnly, publicStory]],
      ["another campaign's organiser", other.lead, [membersOnly, publicStory]],
    ];
    for (const [who, reader, ids] of expected) {
      for (const search of [undefined, word]) {
        const seen = await everywhere(reader, { demandId, campaignId, search, among });
        expect([who, search, seen.stories]).toEqual([who, search, ids]);
        expect([who, search, seen.demandStories]).toEqual([who, search, ids]);
        expect([who, search, seen.demand]).toEqual([who, search, ids]);
        expect([who, search, seen.campaign]).toEqual([who, search, ids]);
        // Open data carries public stories only, whoever asks.
        expect([who, search, seen.json]).toEqual([who, search, [publicStory]]);
        for (const hidden of [waiting, declined, withdrawn]) expect(Object.values(seen).flat()).not.toContain(hidden);
      }
    }
  });

  it("takes a withdrawn story, and one whose audience narrows, off every list at the next request", async () => {
    const { campaignId, demandId } = await campaignWithDemand();
    const teller = await signedInMember(db);
    const member = await signedInMember(db);
    const storyId = await createPublishedStory(db, teller.id, { demandIds: [demandId] });
    const narrowed = await createPublishedStory(db, teller.id, { demandIds: [demandId] });
    for (const seen of Object.values(await everywhere(SIGNED_OUT, { demandId, campaignId, among: [storyId, narrowed] }))) expect(seen).toEqual([narrowed, storyId]);

    expect(await withdrawStory(db, storyId, teller.id)).toEqual({ ok: true });
    const consents = { audience: "members" as const, audienceCampaignIds: [], nameChoice: "display_name" as const, firstName: null, organisationId: null, place: null, mayQuote: false, forResearch: false };
    expect(await changeStoryConsents(db, narrowed, teller.id, consents)).toMatchObject({ ok: true, changed: ["audience"] });

    for (const seen of Object.values(await everywhere(SIGNED_OUT, { demandId, campaignId, among: [storyId, narrowed] }))) expect(seen).toEqual([]);
    const asMember = await everywhere(member, { demandId, campaignId, among: [storyId, narrowed] });
    expect(asMember.stories).toEqual([narrowed]);
    expect(asMember.demand).toEqual([narrowed]);
    expect(asMember.json).toEqual([]);
  });

  it("pages a demand's stories by twenty, newest first, and shows the newest three beside the demand", async () => {
    const { campaignId, demandId } = await campaignWithDemand();
    const teller = await createMember(db);
    const ids: number[] = [];
    for (let i = 0; i < 23; i++) ids.push(await createPublishedStory(db, teller.id, { demandIds: [demandId] }));
    const newest = [...ids].reverse();
    const first = await call(demandStoriesLoader, request(`/demands/${demandId}/stories`), { id: String(demandId) });
    expect(idsOf(first.data.stories)).toEqual(newest.slice(0, 20));
    expect(first.data.hasMore).toBe(true);
    const second = await call(demandStoriesLoader, request(`/demands/${demandId}/stories?page=2`), { id: String(demandId) });
    expect(idsOf(second.data.stories)).toEqual(newest.slice(20));
    expect(second.data.hasMore).toBe(false);
    // A malformed page is page 1, never a 500.
    expect(idsOf((await call(demandStoriesLoader, request(`/demands/${demandId}/stories?page=1e9`), { id: String(demandId) })).data.stories)).toEqual(newest.slice(0, 20));

    const demand = await call(demandLoader, request(`/demands/${demandId}`), { id: String(demandId) });
    expect(idsOf(demand.data.stories)).toEqual(newest.slice(0, 3));
    const campaign = await call(campaignLoader, request(`/campaigns/${campaignId}`), { id: String(campaignId) });
    expect(idsOf(campaign.data.stories)).toEqual(newest.slice(0, 3));
    // Cards carry an excerpt of the words, never the teller's id.
    expect(demand.data.stories[0]).toEqual({ id: newest[0], title: expect.any(String), tellerName: expect.any(String), publishedAt: expect.any(String), contentNote: null, excerpt: expect.stringContaining("When I left hospital"), hasEasyRead: false });

    // A draft's stories page is as private as the draft.
    const author = await createMember(db);
    const { createDemand } = await import("../support/builders");
    const draft = await createDemand(db, { authorId: author.id });
    expect((await call(demandStoriesLoader, request(`/demands/${draft}/stories`), { id: String(draft) })).status).toBe(404);
    expect((await call(demandStoriesLoader, request(`/demands/nope/stories`), { id: "nope" })).status).toBe(404);
  });
});

describe("searching stories", () => {
  it("finds words in the title and text of stories the reader may read, and never anything else", async () => {
    const teller = await signedInMember(db);
    const member = await signedInMember(db);
    const word = `heron${unique()}`;
    const inTitle = await createPublishedStory(db, teller.id, { title: `The ${word} by the canal` });
    const inText = await createPublishedStory(db, teller.id, { body: `Walking past the ${word} helped more than the leaflets.` });
    const membersOnly = await createPublishedStory(db, teller.id, { body: `A ${word} again.`, audience: "members" });
    await createStory(db, teller.id, { body: `Waiting: a ${word}.` });
    const withdrawn = await createPublishedStory(db, teller.id, { body: `Withdrawn: a ${word}.` });
    await withdrawStory(db, withdrawn, teller.id);
    await createPublishedStory(db, teller.id, { body: "Nothing about birds at all." });

    const search = async (q: string, reader: Reader = SIGNED_OUT) => idsOf((await call(storiesLoader, request(`/stories?q=${encodeURIComponent(q)}`, reader))).data.stories);
    expect(await search(word)).toEqual([inText, inTitle]);
    expect(await search(word, member)).toEqual([membersOnly, inText, inTitle]);
    expect(await search(word, teller)).toEqual([membersOnly, inText, inTitle]);

    // Hostile or odd searches are searches, never errors.
    for (const q of [`'&|!:*()"<script>`, "\u0000", "x".repeat(5000), `"${word}`, `-${word}`, " "]) {
      const outcome = await call(storiesLoader, request(`/stories?q=${encodeURIComponent(q)}`));
      expect([q.slice(0, 20), outcome.status]).toEqual([q.slice(0, 20), 200]);
      expect(outcome.data.filters.q.length).toBeLessThanOrEqual(200);
    }
    // An unknown topic is no filter; a known one filters.
    const housing = await call(storiesLoader, request(`/stories?q=${word}&topic=housing`));
    expect(idsOf(housing.data.stories)).toEqual([inText, inTitle]);
    expect(idsOf((await call(storiesLoader, request(`/stories?q=${word}&topic=work`))).data.stories)).toEqual([]);
    expect((await call(storiesLoader, request(`/stories?q=${word}&topic=drop%20table`))).data.filters.topic).toBe("");
  });
});

describe("hostile stories", () => {
  it("shows a story's excerpt as its words alone: no tag, script, handler or frame survives", async () => {
    const teller = await createMember(db);
    const storyId = await createPublishedStory(db, teller.id, {
      title: `<img src=x onerror=alert(1)> ${unique()}`,
      body: `<script>alert(1)</script>Hello <b onclick="x()">there</b> [click](javascript:alert(1)) <iframe src="https://evil.example"></iframe>\n\n# Heading\n\n- one\n- two`,
    });
    const cards = (await call(storiesLoader, request("/stories"))).data.stories as Card[];
    const card = cards.find((c) => c.id === storyId)!;
    // Raw HTML goes with its script; what is left is text (React escapes it), lists as "•".
    expect(card.excerpt).toMatch(/^Hello there .*Heading • one • two$/);
    expect(card.excerpt).not.toMatch(/[<>]|onclick|iframe|evil/);
    // The title is text; React escapes it where it is shown.
    expect(card.title).toMatch(/^<img src=x onerror=alert\(1\)> /);
  });
});

describe("/stories.json", () => {
  it("gives public stories as their tellers chose to be named, with the Markdown and related demands, paged with next, and no teller, signature or letter ids", async () => {
    const { demandId } = await campaignWithDemand();
    const teller = await signedInMember(db, { displayName: "Never In The Feed" });
    const word = `wren${unique()}`;
    const leeds = await createPublishedStory(db, teller.id, { title: `In Leeds ${word}`, body: `**Bold** words about the ${word} and [a link](https://example.org).`, nameChoice: "place", place: "Leeds", demandIds: [demandId], contentNotes: ["restraint", "other"], contentNoteDetail: "police" });
    for (let i = 0; i < 20; i++) await createPublishedStory(db, teller.id, { body: `Another ${word} story.`, nameChoice: "anonymous" });
    await createPublishedStory(db, teller.id, { body: `Members only ${word}.`, audience: "members" });

    const member = await signedInMember(db);
    const first = await call(storiesJson, request(`/stories.json?q=${word}`, { cookie: member.cookie }));
    expect(first.status).toBe(200);
    expect(first.data.stories).toHaveLength(20);
    expect(first.data.next).toMatch(new RegExp(`/stories\\.json\\?q=${word}&page=2$`));
    const second = await call(storiesJson, request(`/stories.json?q=${word}&page=2`));
    expect(second.data.next).toBeNull();
    const story = second.data.stories.find((s: { id: number }) => s.id === leeds);
    expect(story).toEqual({
      id: leeds,
      url: expect.stringMatching(new RegExp(`/stories/${leeds}$`)),
      title: `In Leeds ${word}`,
      name: "Someone in Leeds",
      publishedAt: expect.any(String),
      contentNote: "Restraint, seclusion or detention; police",
      contentNoteCategories: ["restraint", "other"],
      topics: ["housing"],
      demandIds: [demandId],
      markdown: `**Bold** words about the ${word} and [a link](https://example.org).`,
      easyRead: null,
    });
    const all = JSON.stringify([first.data, second.data]);
    expect(all).not.toContain("Never In The Feed");
    expect(all).not.toMatch(/teller|signature|letter_?id|memberId/i);
    expect(second.data.stories.length + first.data.stories.length).toBe(21);
  });
});

describe("hiding stories with chosen content notes", () => {
  it("saves a member's choice, applies it to every list, and shows it in their settings", async () => {
    const { campaignId, demandId } = await campaignWithDemand();
    const teller = await createMember(db);
    const member = await signedInMember(db);
    const plain = await createPublishedStory(db, teller.id, { demandIds: [demandId] });
    const selfHarm = await createPublishedStory(db, teller.id, { demandIds: [demandId], contentNotes: ["self_harm"] });
    const bereavement = await createPublishedStory(db, teller.id, { demandIds: [demandId], contentNotes: ["bereavement", "abuse"] });

    const saved = await call(storiesAction, request("/stories", { form: { intent: "hide", note: ["self_harm", "abuse"] }, cookie: member.cookie }));
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/stories#hide-heading");
    expect((await flashOf(saved))?.message).toMatch(/self-harm, abuse or violence are hidden/);
    const seen = await everywhere(member, { demandId, campaignId, among: [plain, selfHarm, bereavement] });
    expect(seen.stories).toEqual([plain]);
    expect(seen.demandStories).toEqual([plain]);
    expect(seen.demand).toEqual([plain]);
    expect(seen.campaign).toEqual([plain]);
    expect((await call(storiesLoader, request("/stories", member))).data.hidden).toEqual(["abuse", "self_harm"]);
    expect((await call(contentNotesLoader, request("/settings/content-notes", member))).data.hidden).toEqual(["abuse", "self_harm"]);
    // Signed out, nothing is hidden.
    expect((await everywhere(SIGNED_OUT, { demandId, campaignId, among: [plain, selfHarm, bereavement] })).stories).toEqual([bereavement, selfHarm, plain]);

    // Changed in settings: ticking nothing hides nothing.
    const cleared = await call(contentNotesAction, request("/settings/content-notes", { form: { intent: "hide" }, cookie: member.cookie }));
    expect(cleared.status).toBe(302);
    expect((await everywhere(member, { demandId, campaignId, among: [plain, selfHarm, bereavement] })).demand).toEqual([bereavement, selfHarm, plain]);

    // A forged category is refused by the field, with what was ticked kept; nothing changes.
    const forged = await call(contentNotesAction, request("/settings/content-notes", { form: { intent: "hide", note: ["bereavement", "not-a-note"] }, cookie: member.cookie }));
    expect(forged.status).toBe(400);
    expect(forged.data.errors.note).toBe("Choose from the content notes listed");
    expect(forged.data.values.note).toEqual(["bereavement", "not-a-note"]);
    expect((await call(contentNotesLoader, request("/settings/content-notes", member))).data.hidden).toEqual([]);
    // Signed out, settings need signing in.
    expect((await call(contentNotesAction, request("/settings/content-notes", { form: { intent: "hide", note: "abuse" } }))).status).toBe(302);
    expect((await call(storiesAction, request("/stories", { form: { intent: "something-else" } }))).status).toBe(400);
  });

  it("remembers a signed-out reader's choice in a cookie, read strictly", async () => {
    const { campaignId, demandId } = await campaignWithDemand();
    const teller = await createMember(db);
    const plain = await createPublishedStory(db, teller.id, { demandIds: [demandId] });
    const suicide = await createPublishedStory(db, teller.id, { demandIds: [demandId], contentNotes: ["suicide"] });

    const saved = await call(storiesAction, request("/stories", { form: { intent: "hide", note: "suicide" } }));
    expect(saved.status).toBe(302);
    const cookie = cookieFrom(saved.setCookies);
    expect(cookie).toMatch(/chorus-hidden-notes=/);
    expect(saved.setCookies.find((c) => c.includes("chorus-hidden-notes"))).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/i);
    expect((await flashOf(saved))?.message).toMatch(/This device remembers it/);
    const seen = await everywhere({ cookie }, { demandId, campaignId, among: [plain, suicide] });
    expect(seen.stories).toEqual([plain]);
    expect(seen.demandStories).toEqual([plain]);
    expect(seen.demand).toEqual([plain]);
    expect(seen.campaign).toEqual([plain]);
    expect(seen.json).toEqual([suicide, plain]); // open data is not a reader's list
    expect((await call(storiesLoader, request("/stories", { cookie }))).data.hidden).toEqual(["suicide"]);

    // A cookie made up by hand can only hide known categories; garbage hides nothing.
    const forged = `chorus-hidden-notes=${Buffer.from(JSON.stringify(["suicide", "'; drop table story; --"])).toString("base64")}`;
    expect((await call(storiesLoader, request("/stories", { cookie: forged }))).data.hidden).toEqual(["suicide"]);
    expect((await call(storiesLoader, request("/stories", { cookie: "chorus-hidden-notes=%%%not-base64" }))).data.hidden).toEqual([]);

    // Hiding nothing clears the cookie.
    const cleared = await call(storiesAction, request("/stories", { form: { intent: "hide" }, cookie }));
    expect(cookieFrom(cleared.setCookies, cookie)).not.toMatch(/chorus-hidden-notes=[^;]+/);
    // A forged category: the form comes back with the message, no cookie is set.
    const refused = await call(storiesAction, request("/stories", { form: { intent: "hide", note: ["suicide", "everything"] } }));
    expect(refused.status).toBe(400);
    expect(refused.data.errors.note).toBe("Choose from the content notes listed");
    expect(refused.setCookies.filter((c) => c.includes("chorus-hidden-notes"))).toEqual([]);
  });
});

describe("a teller's own data", () => {
  it("puts their stories in Download my data: text, consents, their history and review decisions, never the moderator", async () => {
    const teller = await signedInMember(db);
    const { campaignId } = await campaignWithDemand();
    const published = await createPublishedStory(db, teller.id, { title: "My first story", body: "MY-STORY-TEXT", easyRead: "MY-EASY-READ" });
    await changeStoryConsents(db, published, teller.id, { audience: "organisers", audienceCampaignIds: [campaignId], nameChoice: "first_name", firstName: "Jo", organisationId: null, place: null, mayQuote: true, forResearch: false });
    const asked = await createStory(db, teller.id, { title: "My second story" });
    const moderator = await createMember(db, { roles: ["moderator"], displayName: "MODERATOR-NAME" });
    await reviewStory(db, asked, moderator.id, "changes_requested", "Please take out the nurse's name.");
    await call(storiesAction, request("/stories", { form: { intent: "hide", note: "eating" }, cookie: teller.cookie }));
    const someoneElse = await createPublishedStory(db, (await createMember(db)).id, { body: "SOMEONE-ELSES-STORY" });

    const data = (await call(downloadLoader, request("/settings/data/download", teller))).data;
    expect(data.stories.hiddenContentNotes).toEqual(["eating"]);
    const [first, second] = data.stories.told;
    expect(first).toMatchObject({ id: published, title: "My first story", body: "MY-STORY-TEXT", easyRead: "MY-EASY-READ", status: "published", audience: "organisers", audienceCampaignIds: [campaignId], nameChoice: "first_name", firstName: "Jo", mayQuote: true, forResearch: false });
    expect(first.consentHistory.map((e: { consent: string; value: string; actor: string }) => [e.consent, e.value, e.actor])).toEqual([
      ["audience", "public", "teller"],
      ["name", "display_name", "teller"],
      ["quote", "no", "teller"],
      ["research", "no", "teller"],
      ["audience", `organisers:${campaignId}`, "teller"],
      ["name", "first_name:Jo", "teller"],
      ["quote", "yes", "teller"],
    ]);
    expect(first.reviews.map((r: { decision: string }) => r.decision)).toEqual(["published"]);
    expect(second).toMatchObject({ id: asked, status: "changes_requested", reviews: [expect.objectContaining({ decision: "changes_requested", reason: "Please take out the nurse's name." })] });
    const text = JSON.stringify(data);
    expect(text).not.toContain("MODERATOR-NAME");
    expect(text).not.toMatch(/moderator/i);
    expect(text).not.toContain("SOMEONE-ELSES-STORY");
    expect(someoneElse).toBeGreaterThan(0);
  });

  it("deletes every story with the account unless the teller leaves their published ones anonymously", async () => {
    const teller = await signedInMember(db);
    const published = await createPublishedStory(db, teller.id);
    const waiting = await createStory(db, teller.id);
    const withdrawn = await createPublishedStory(db, teller.id);
    await withdrawStory(db, withdrawn, teller.id);
    await call(storiesAction, request("/stories", { form: { intent: "hide", note: "eating" }, cookie: teller.cookie }));
    expect((await call(dataLoader, request("/settings/data", teller))).data).toEqual({ publishedStories: 1 });

    // Without the box ticked the form is refused and what was ticked is kept.
    const refused = await call(deleteAction, request("/settings/data", { form: { leaveStories: "yes" }, cookie: teller.cookie }));
    expect(refused.status).toBe(400);
    expect(refused.data.values.leaveStories).toBe("yes");

    const deleted = await call(deleteAction, request("/settings/data", { form: { confirm: "yes" }, cookie: teller.cookie }));
    expect(deleted.status).toBe(302);
    expect(await db.selectFrom("story").select("id").where("id", "in", [published, waiting, withdrawn]).execute()).toEqual([]);
    expect(await db.selectFrom("story_consent_event").select("id").where("story_id", "in", [published, waiting, withdrawn]).execute()).toEqual([]);
    expect(await db.selectFrom("member_hidden_content_note").select("category").where("member_id", "=", teller.id).execute()).toEqual([]);
  });

  it("leaves published stories anonymously when asked: no teller, no name, the choice in their history; the rest is deleted", async () => {
    const { campaignId, demandId } = await campaignWithDemand();
    const teller = await signedInMember(db, { displayName: "Teller Who Leaves" });
    const leeds = await createPublishedStory(db, teller.id, { nameChoice: "place", place: "Leeds", demandIds: [demandId], mayQuote: true });
    const named = await createPublishedStory(db, teller.id, { nameChoice: "display_name", demandIds: [demandId] });
    const waiting = await createStory(db, teller.id, { demandIds: [demandId] });
    const withdrawn = await createPublishedStory(db, teller.id);
    await withdrawStory(db, withdrawn, teller.id);

    const deleted = await call(deleteAction, request("/settings/data", { form: { confirm: "yes", leaveStories: "yes" }, cookie: teller.cookie }));
    expect(deleted.status).toBe(302);
    const left = await db.selectFrom("story").selectAll().where("id", "in", [leeds, named, waiting, withdrawn]).orderBy("id").execute();
    expect(left.map((s) => s.id)).toEqual([leeds, named]);
    for (const story of left) {
      expect(story).toMatchObject({ teller_id: null, status: "published", name_choice: "anonymous", first_name: null, place: null, organisation_id: null });
      expect(story.left_anonymously_at).toBeInstanceOf(Date);
      const history = await db.selectFrom("story_consent_event").select(["consent", "value", "actor"]).where("story_id", "=", story.id).orderBy("id").execute();
      expect(history.at(-1)).toEqual({ consent: "name", value: "anonymous", actor: "account_deletion" });
    }
    expect(left.find((s) => s.id === leeds)!.may_quote).toBe(true);

    const page = await call(storiesLoader, request("/stories"));
    const cards = (page.data.stories as Card[]).filter((c) => [leeds, named].includes(c.id));
    expect(cards.map((c) => c.tellerName)).toEqual(["Anonymous", "Anonymous"]);
    expect(JSON.stringify(page.data)).not.toContain("Teller Who Leaves");
    const feed = (await call(storiesJson, request("/stories.json"))).data.stories as Array<{ id: number; name: string }>;
    expect(feed.filter((s) => [leeds, named].includes(s.id)).map((s) => s.name)).toEqual(["Anonymous", "Anonymous"]);
    expect(JSON.stringify(feed)).not.toContain("Teller Who Leaves");
    expect((await everywhere(SIGNED_OUT, { demandId, campaignId, among: [leeds, named] })).demand).toEqual([named, leeds]);
  });
});
