import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as newAction, loader as newLoader } from "../../app/routes/stories.new";
import { action as storyAction, loader as storyLoader } from "../../app/routes/stories.$id/route";
import { action as editAction } from "../../app/routes/stories.$id_.edit";
import { loader as yourStoriesLoader } from "../../app/routes/settings_.stories";
import { action as petitionStoryAction, loader as petitionStoryLoader } from "../../app/routes/petitions.$slug_.confirm.$token_.story";
import { action as letterStoryAction, loader as letterStoryLoader } from "../../app/routes/letters.$slug_.confirm.$token_.story";
import { action as confirmSignatureAction, loader as confirmSignatureLoader } from "../../app/routes/petitions.$slug_.confirm.$token";
import { action as confirmLetterAction } from "../../app/routes/letters.$slug_.confirm.$token";
import { action as tellerAction, loader as tellerLoader } from "../../app/routes/stories.$id_.teller.$token";
import { getStory, listStoryConsentHistory } from "../../app/models/story.server";
import { confirmSignature, signPetition } from "../../app/services/petition.server";
import { confirmLetter, writeLetter } from "../../app/services/letter.server";
import { editStory, STORIES_PER_SOURCE } from "../../app/services/stories.server";
import { reviewStory } from "../../app/services/story-moderation.server";
import { fullPostcode } from "../../app/letters/rules";
import { createDemand, createMember, createOpenLetterCampaign, createOrganisation, createPetitionFor, createPublishedStory, createRunningCampaign, createStory, createAdoptedDemand, createTarget, signedInMember, unique } from "../support/builders";
import { call, latestEmail, request } from "./http";

const tokenFrom = (url: string) => url.split("/").pop()!;

/** A complete, valid "tell your story" form, with these changes. */
function storyForm(changes: Record<string, string | string[]> = {}) {
  return { title: "Nowhere to go", body: "When I left hospital I had nowhere to live.\n\nThe council said it could not help.", audience: "public", nameChoice: "anonymous", ...changes };
}

async function tell(cookie: string, form: Record<string, string | string[]>) {
  return call(newAction, request("/stories/new", { cookie, form }));
}

const storyIdFrom = (location: string | null) => Number(location!.split("/").pop());

describe("telling a story with an account", () => {
  it("sends a signed-out visitor to sign in and back; offers open demands and ticks the one it was opened from", async () => {
    const out = await call(newLoader, request("/stories/new"));
    expect(out.status).toBe(302);
    expect(out.location).toContain("/sign-in?redirectTo=%2Fstories%2Fnew");
    const member = await signedInMember(db);
    const demandId = await createAdoptedDemand(db, member.id);
    const draft = await createDemand(db, { authorId: member.id });
    const page = await call(newLoader, request(`/stories/new?demand=${demandId}`, { cookie: member.cookie }));
    expect(page.data.initial.demandIds).toEqual([String(demandId)]);
    expect(page.data.demands.map((d: { id: number }) => d.id)).toContain(demandId);
    expect(page.data.demands.map((d: { id: number }) => d.id)).not.toContain(draft);
    const fromDraft = await call(newLoader, request(`/stories/new?demand=${draft}`, { cookie: member.cookie }));
    expect(fromDraft.data.initial.demandIds).toEqual([]);
  });

  it("puts each mistake by its field and keeps what was typed, whatever was typed", async () => {
    const member = await signedInMember(db);
    const empty = await tell(member.cookie, { audience: "organisers", nameChoice: "first_name", contentNotes: "other" });
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toMatchObject({ title: "Enter a title for your story", body: "Tell your story in your own words" });
    const conditional = await tell(member.cookie, storyForm({ audience: "organisers", nameChoice: "first_name", contentNotes: "other" }));
    expect(conditional.data.errors).toEqual({
      campaignIds: "Choose at least one campaign whose organisers may read it",
      firstName: "Enter the first name to show",
      contentNoteDetail: "Say in a few words what else your story touches on",
    });
    const place = await tell(member.cookie, storyForm({ nameChoice: "place" }));
    expect(place.data.errors).toEqual({ place: "Enter a place, like “Leeds” or “a town in Wales”" });
    // Huge, NUL and multi-byte input: a message by the field, the text kept within the field's limit, never a 500.
    const huge = await tell(member.cookie, storyForm({ title: "é".repeat(5000), body: `${"😀".repeat(10)}\u0000${"x".repeat(30_000)}`, demandIds: Array.from({ length: 11 }, (_, i) => String(i + 1)) }));
    expect(huge.status).toBe(400);
    expect(huge.data.errors).toMatchObject({ title: "The title must be 200 characters or fewer", body: "Your story must be 20,000 characters or fewer", demandIds: "Choose 10 demands or fewer" });
    expect(huge.data.values.title).toHaveLength(200);
    expect(huge.data.values.body.length).toBeLessThanOrEqual(20_000);
    const forged = await tell(member.cookie, storyForm({ audience: "everyone", nameChoice: "diagnosis", contentNotes: "made-up", topics: "nonsense", demandIds: "abc" }));
    expect(forged.data.errors).toMatchObject({ audience: "Choose who may read your story", nameChoice: "Choose the name your story is shown under", contentNotes: "Choose from the content notes listed", topics: "Choose from the topics listed", demandIds: "Choose from the list" });
    expect(forged.data.values.title).toBe("Nowhere to go");
  });

  it("refuses a draft or unknown demand and an organisation that is not the teller's, by the field", async () => {
    const member = await signedInMember(db);
    const draft = await createDemand(db, { authorId: (await createMember(db)).id });
    const drafted = await tell(member.cookie, storyForm({ demandIds: String(draft) }));
    expect(drafted.status).toBe(400);
    expect(drafted.data.errors).toEqual({ demandIds: "One of the demands you chose is not open any more. Choose again." });
    expect((await tell(member.cookie, storyForm({ demandIds: "999999999" }))).data.errors).toHaveProperty("demandIds");
    const owner = await createMember(db);
    const organisation = await createOrganisation(db, { adminId: owner.id });
    const notMine = await tell(member.cookie, storyForm({ nameChoice: "organisation", organisationId: String(organisation.id) }));
    expect(notMine.data.errors).toEqual({ organisationId: "Choose one of your own organisations" });
    expect(notMine.data.values.title).toBe("Nowhere to go");
  });

  it("saves it waiting for review and shows its teller the story, its status and a dated history in plain words", async () => {
    const member = await signedInMember(db);
    const demandId = await createAdoptedDemand(db, member.id);
    const told = await tell(member.cookie, storyForm({ demandIds: String(demandId), mayQuote: "yes", easyRead: "I had no home.", contentNotes: ["self_harm", "other"], contentNoteDetail: "hospital" }));
    expect(told.status).toBe(302);
    const storyId = storyIdFrom(told.location);
    const page = await call(storyLoader, request(`/stories/${storyId}`, { cookie: member.cookie }), { id: String(storyId) });
    expect(page.data.story.contentNote).toBe("Self-harm; hospital");
    expect(page.data.story.html).toContain("<p>The council said it could not help.</p>");
    expect(page.data.easyReadHtml).toContain("I had no home.");
    expect(page.data.demands).toEqual([{ id: demandId, title: expect.any(String) }]);
    expect(page.data.teller.view.statusLabel).toBe("Waiting for review");
    expect(page.data.teller.view.history.map((h: { text: string }) => h.text)).toEqual(expect.arrayContaining(["you allowed quotation to decision makers", "you let anyone read it once published", "you chose to show it anonymously", "you did not allow researchers to use it"]));
    const yours = await call(yourStoriesLoader, request("/settings/stories", { cookie: member.cookie }));
    expect(yours.data.stories[0]).toMatchObject({ id: storyId, status: "Waiting for review" });
    // Nobody else can tell it exists yet: the same 404 as a story that never was.
    const stranger = await signedInMember(db);
    expect((await call(storyLoader, request(`/stories/${storyId}`, { cookie: stranger.cookie }), { id: String(storyId) })).status).toBe(404);
    expect((await call(storyLoader, request(`/stories/${storyId}`), { id: String(storyId) })).status).toBe(404);
    expect((await call(storyLoader, request("/stories/99999999"), { id: "99999999" })).status).toBe(404);
    expect((await call(storyLoader, request("/stories/abc"), { id: "abc" })).status).toBe(404);
  });
});

describe("a story held for the safeguarding route", () => {
  it("tells its teller where help is, and never the moderator's worry", async () => {
    const member = await signedInMember(db);
    const storyId = await createStory(db, member.id);
    const moderator = await createMember(db, { roles: ["moderator"] });
    const worry = `They wrote about tonight ${unique()}`;
    expect(await reviewStory(db, storyId, moderator.id, "safeguarding", worry)).toEqual({ ok: true });
    const page = await call(storyLoader, request(`/stories/${storyId}`, { cookie: member.cookie }), { id: String(storyId) });
    expect(page.data.teller.view.status).toBe("safeguarding");
    expect(page.data.teller.view.reviewReason).toBeNull();
    expect(JSON.stringify(page.data)).not.toContain(worry);
  });
});

describe("the page data of a story, for each reader", () => {
  it("holds the story for those its audience includes, and never the teller's id, links, emails or review notes", async () => {
    const tellerName = `Teller ${unique()}`;
    const teller = await signedInMember(db, { displayName: tellerName });
    const organiser = await signedInMember(db);
    const campaignId = await createRunningCampaign(db, organiser.id);
    const member = await signedInMember(db);
    const moderator = await createMember(db, { roles: ["moderator"] });
    const cases = [
      { audience: "public" as const, readers: { signedOut: true, member: true, organiser: true } },
      { audience: "members" as const, readers: { signedOut: false, member: true, organiser: true } },
      { audience: "organisers" as const, readers: { signedOut: false, member: false, organiser: true } },
    ];
    for (const { audience, readers } of cases) {
      const storyId = await createStory(db, teller.id, { audience, audienceCampaignIds: audience === "organisers" ? [campaignId] : [] });
      await reviewStory(db, storyId, moderator.id, "published", "A private note for the teller only");
      for (const [who, may] of Object.entries(readers)) {
        const cookie = who === "signedOut" ? undefined : who === "member" ? member.cookie : organiser.cookie;
        const page = await call(storyLoader, request(`/stories/${storyId}`, { cookie }), { id: String(storyId) });
        expect([audience, who, page.status]).toEqual([audience, who, may ? 200 : 404]);
        if (!may) continue;
        const text = JSON.stringify(page.data);
        expect(page.data.teller).toBeNull();
        expect(page.data.story.tellerName).toBe(tellerName);
        for (const secret of [`"tellerId"`, `"signatureId"`, `"letterId"`, teller.email, "A private note", "teller_link", "tellerLinkVersion"]) expect([audience, who, text.includes(secret)]).toEqual([audience, who, false]);
      }
      const own = await call(storyLoader, request(`/stories/${storyId}`, { cookie: teller.cookie }), { id: String(storyId) });
      expect(own.data.teller.view.reviewReason).toBe("A private note for the teller only");
    }
    // Not published (each status a moderator can leave it in): only its teller.
    for (const decision of ["changes_requested", "declined", "safeguarding"] as const) {
      const storyId = await createStory(db, teller.id);
      await reviewStory(db, storyId, moderator.id, decision, "Please remove the name of the ward");
      expect((await call(storyLoader, request(`/stories/${storyId}`, { cookie: member.cookie }), { id: String(storyId) })).status).toBe(404);
      const own = await call(storyLoader, request(`/stories/${storyId}`, { cookie: teller.cookie }), { id: String(storyId) });
      // A safeguarding decision's reason is the moderators' worry about the teller, never shown to them.
      expect([decision, own.data.teller.view.reviewReason]).toEqual([decision, decision === "safeguarding" ? null : "Please remove the name of the ward"]);
    }
  });
});

describe("the teller changes, edits and withdraws their story", () => {
  it("an edit of the words sends a published story back to waiting; topics alone do not", async () => {
    const teller = await signedInMember(db);
    const storyId = await createPublishedStory(db, teller.id);
    const story = (await getStory(db, storyId))!;
    const text = { title: story.title, body: story.body, easyRead: null, contentNotes: [], contentNoteDetail: null, topics: ["work" as const], demandIds: [] };
    expect(await editStory(db, storyId, teller.id, text)).toEqual({ ok: true, backToReview: false });
    expect((await getStory(db, storyId))!.status).toBe("published");
    expect(await editStory(db, storyId, (await createMember(db)).id, text)).toEqual({ ok: false, reason: "no-such-story" });
    const edited = await call(editAction, request(`/stories/${storyId}/edit`, { cookie: teller.cookie, form: { title: story.title, body: "New words about what happened." } }), { id: String(storyId) });
    expect(edited.status).toBe(302);
    expect((await getStory(db, storyId))!.status).toBe("waiting");
    const bad = await call(editAction, request(`/stories/${storyId}/edit`, { cookie: teller.cookie, form: { title: "", body: "x" } }), { id: String(storyId) });
    expect(bad.data.errors).toEqual({ title: "Enter a title for your story" });
    const other = await signedInMember(db);
    expect((await call(editAction, request(`/stories/${storyId}/edit`, { cookie: other.cookie, form: { title: "Mine now", body: "x" } }), { id: String(storyId) })).status).toBe(404);
  });

  it("changes consents through the page at once, refuses a stranger, withdraws behind a confirm step and keeps the history", async () => {
    const teller = await signedInMember(db);
    const reader = await signedInMember(db);
    const storyId = await createPublishedStory(db, teller.id, { audience: "public" });
    const path = `/stories/${storyId}`;
    const consents = { intent: "consents", audience: "members", nameChoice: "place", place: "Leeds", mayQuote: "yes" };
    expect((await call(storyAction, request(path, { cookie: reader.cookie, form: consents }), { id: String(storyId) })).status).toBe(404);
    const missing = await call(storyAction, request(path, { cookie: teller.cookie, form: { ...consents, place: "" } }), { id: String(storyId) });
    expect(missing.data.errors).toEqual({ place: "Enter a place, like “Leeds” or “a town in Wales”" });
    const saved = await call(storyAction, request(path, { cookie: teller.cookie, form: consents }), { id: String(storyId) });
    expect(saved.status).toBe(302);
    expect((await call(storyLoader, request(path), { id: String(storyId) })).status).toBe(404);
    expect((await call(storyLoader, request(path, { cookie: reader.cookie }), { id: String(storyId) })).data.story.tellerName).toBe("Someone in Leeds");
    const confirming = await call(storyLoader, request(`${path}?withdraw=1`, { cookie: teller.cookie }), { id: String(storyId) });
    expect(confirming.data.teller.confirmingWithdrawal).toBe(true);
    expect((await call(storyAction, request(path, { cookie: teller.cookie, form: { intent: "withdraw" } }), { id: String(storyId) })).status).toBe(302);
    expect((await call(storyLoader, request(path, { cookie: reader.cookie }), { id: String(storyId) })).status).toBe(404);
    const own = await call(storyLoader, request(path, { cookie: teller.cookie }), { id: String(storyId) });
    expect(own.data.teller.view.status).toBe("withdrawn");
    const texts = own.data.teller.view.history.map((h: { text: string; date: string }) => `${h.date}: ${h.text}`);
    expect(texts[0]).toMatch(/^\d{1,2} \w+ \d{4}: you withdrew it$/);
    expect(texts).toEqual(expect.arrayContaining([expect.stringMatching(/: you allowed quotation to decision makers$/), expect.stringMatching(/: you chose to show it as “Someone in Leeds”$/), expect.stringMatching(/: you let members only read it once published$/)]));
    const again = await call(storyAction, request(path, { cookie: teller.cookie, form: consents }), { id: String(storyId) });
    expect(again.data.errors).toEqual({ form: "This story has been withdrawn, so its choices cannot change." });
  });
});

describe("a story without an account", () => {
  async function confirmedSignature() {
    const lead = await createMember(db);
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    const email = `signer-${unique()}@example.org`;
    await signPetition(db, petition, { name: "Sam Signer", email, outwardCode: null, showName: false, campaignConsent: false });
    const token = tokenFrom(((await latestEmail(db, email, "ConfirmSignature"))!.props as { confirmUrl: string }).confirmUrl);
    return { petition, email, token, path: `/petitions/${petition.slug}/confirm/${token}/story`, params: { slug: petition.slug, token } };
  }

  it("a signer confirms, is offered it, adds a story with the same link, and gets a link that shows it, never its words", async () => {
    const s = await confirmedSignature();
    // Before confirming, the link cannot add a story.
    expect((await call(petitionStoryLoader, request(s.path), s.params)).data.usable).toBe(false);
    const confirmed = await call(confirmSignatureAction, request(`/petitions/${s.petition.slug}/confirm/${s.token}`, { method: "POST" }), s.params);
    expect(confirmed.status).toBe(302);
    expect((await call(confirmSignatureLoader, request(`/petitions/${s.petition.slug}/confirm/${s.token}`), s.params)).data.storyOffer).toBe(true);
    const page = await call(petitionStoryLoader, request(s.path), s.params);
    expect(page.data).toMatchObject({ usable: true, storiesLeft: STORIES_PER_SOURCE });
    // Without an account: no display name, organisation or named campaigns.
    const refused = await call(petitionStoryAction, request(s.path, { form: storyForm({ nameChoice: "display_name", audience: "organisers" }) }), s.params);
    expect(refused.data.errors).toMatchObject({ nameChoice: "Choose the name your story is shown under", audience: "Choose who may read your story" });
    const told = await call(petitionStoryAction, request(s.path, { form: storyForm({ nameChoice: "first_name", firstName: "Sam", body: "SECRET WORDS of my story" }) }), s.params);
    expect(told.status).toBe(302);
    expect(told.location).toBe(`${s.path}?told=1`);
    const story = await db.selectFrom("story").selectAll().where("signature_id", "is not", null).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(story).toMatchObject({ teller_id: null, status: "waiting", name_choice: "first_name", first_name: "Sam" });
    expect((await listStoryConsentHistory(db, story.id)).every((e) => e.actor === "teller_link")).toBe(true);
    const mail = (await latestEmail(db, s.email, "StoryTellerLink"))!;
    expect(JSON.stringify(mail.props)).not.toContain("SECRET WORDS");
    expect(JSON.stringify(mail.props)).not.toContain("Nowhere to go");
    const tellerUrl = (mail.props as { tellerUrl: string }).tellerUrl;
    const token = tokenFrom(tellerUrl);
    const params = { id: String(story.id), token };
    const teller = await call(tellerLoader, request(`/stories/${story.id}/teller/${token}`), params);
    expect(teller.data.teller.statusLabel).toBe("Waiting for review");
    expect(JSON.stringify(teller.data)).not.toContain(s.email);
    // Consents and withdrawal through the link, recorded as done with it.
    const changed = await call(tellerAction, request(`/stories/${story.id}/teller/${token}`, { form: { intent: "consents", audience: "members", nameChoice: "anonymous", forResearch: "yes" } }), params);
    expect(changed.status).toBe(302);
    expect((await getStory(db, story.id))!).toMatchObject({ audience: "members", nameChoice: "anonymous", forResearch: true });
    const organisationName = await call(tellerAction, request(`/stories/${story.id}/teller/${token}`, { form: { intent: "consents", audience: "organisers", nameChoice: "organisation" } }), params);
    expect(organisationName.status).toBe(400);
    // Wrong tokens: a 404 that says nothing more.
    for (const wrong of ["nonsense", `${token}x`, token.replace(/^\d+/, String(story.id + 1))]) expect((await call(tellerLoader, request(`/stories/${story.id}/teller/${wrong}`), { id: String(story.id), token: wrong })).status).toBe(404);
    // A new link revokes the old one.
    expect((await call(tellerAction, request(`/stories/${story.id}/teller/${token}`, { form: { intent: "new-link" } }), params)).status).toBe(302);
    expect((await call(tellerLoader, request(`/stories/${story.id}/teller/${token}`), params)).status).toBe(404);
    const fresh = tokenFrom(((await latestEmail(db, s.email, "StoryTellerLink"))!.props as { tellerUrl: string }).tellerUrl);
    expect(fresh).not.toBe(token);
    const freshParams = { id: String(story.id), token: fresh };
    expect((await call(tellerAction, request(`/stories/${story.id}/teller/${fresh}`, { form: { intent: "withdraw" } }), freshParams)).status).toBe(302);
    expect((await getStory(db, story.id))!.status).toBe("withdrawn");
    expect((await listStoryConsentHistory(db, story.id)).at(-1)).toMatchObject({ consent: "withdrawn", actor: "teller_link" });
  });

  it("refuses a wrong link, more than a few stories per signature, and a link a day after confirming", async () => {
    const s = await confirmedSignature();
    await confirmSignature(db, s.petition.id, s.token);
    const wrong = { slug: s.petition.slug, token: "a".repeat(52) };
    expect((await call(petitionStoryLoader, request(`/petitions/${s.petition.slug}/confirm/${wrong.token}/story`), wrong)).data.usable).toBe(false);
    expect((await call(petitionStoryAction, request(`/petitions/${s.petition.slug}/confirm/${wrong.token}/story`, { form: storyForm() }), wrong)).status).toBe(410);
    for (let i = 0; i < STORIES_PER_SOURCE; i++) expect((await call(petitionStoryAction, request(s.path, { form: storyForm() }), s.params)).status).toBe(302);
    const over = await call(petitionStoryAction, request(s.path, { form: storyForm() }), s.params);
    expect(over.data.errors.form).toContain("as many as one link can add");
    expect(over.data.values.title).toBe("Nowhere to go");
    const late = await confirmedSignature();
    await confirmSignature(db, late.petition.id, late.token);
    await db.updateTable("petition_signature").set({ confirmed_at: sql<Date>`now() - interval '25 hours'` }).where("petition_id", "=", late.petition.id).execute();
    expect((await call(petitionStoryLoader, request(late.path), late.params)).data.usable).toBe(false);
    expect((await call(petitionStoryAction, request(late.path, { form: storyForm() }), late.params)).status).toBe(410);
  });

  it("a letter writer confirms and adds a story the same way; a wrong or expired link cannot", async () => {
    const lead = await createMember(db);
    const minister = await createTarget(db, lead.id, { name: `Minister ${unique()}`, role: "minister", areas: "everywhere", email: `minister-${unique()}@example.org` });
    const { lc } = await createOpenLetterCampaign(db, { targetIds: [minister.id] });
    const pc = fullPostcode("LS6 1AN")!;
    const email = `writer-${unique()}@example.org`;
    await writeLetter(db, lc, { subject: "Crisis houses", opening: "I am writing as your constituent about crisis houses.", personal: Array.from({ length: 30 }, () => Math.random().toString(36).slice(2, 9)).join(" "), name: "Sam Writer", postcode: pc.postcode, email, outward: pc.outward, area: pc.area });
    const token = tokenFrom(((await latestEmail(db, email, "ConfirmLetter"))!.props as { confirmUrl: string }).confirmUrl);
    const params = { slug: lc.slug, token };
    const path = `/letters/${lc.slug}/confirm/${token}/story`;
    expect((await call(letterStoryLoader, request(path), params)).data.usable).toBe(false);
    const confirmed = await call(confirmLetterAction, request(`/letters/${lc.slug}/confirm/${token}`, { method: "POST" }), params);
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toContain(`/letters/${lc.slug}/thanks`);
    expect((await call(letterStoryLoader, request(path), params)).data.usable).toBe(true);
    const told = await call(letterStoryAction, request(path, { form: storyForm({ audience: "members" }) }), params);
    expect(told.status).toBe(302);
    const story = await db.selectFrom("story").select(["teller_id", "letter_id", "status"]).where("letter_id", "is not", null).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(story).toMatchObject({ teller_id: null, status: "waiting" });
    expect(await latestEmail(db, email, "StoryTellerLink")).toBeTruthy();
    await db.updateTable("letter").set({ confirmed_at: sql<Date>`now() - interval '2 days'` }).where("id", "=", story.letter_id!).execute();
    expect((await call(letterStoryAction, request(path, { form: storyForm() }), params)).status).toBe(410);
    expect(await confirmLetter(db, lc.id, token)).toMatchObject({ ok: true });
  });
});
