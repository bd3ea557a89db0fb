import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { sql } from "kysely";
import { readTellerLink } from "../../app/services/stories.server";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { StorySafeguardingNotice } from "../../app/components/crisis-help";
import { follow } from "../../app/models/follow.server";
import { countWaitingWork } from "../../app/models/needs-input.server";
import { listStoryReviewsForTeller } from "../../app/models/story-review.server";
import { getStory, listStoryConsentHistory } from "../../app/models/story.server";
import { action as queueAction, loader as queueLoader } from "../../app/routes/admin.stories";
import { action as reviewAction, loader as reviewLoader } from "../../app/routes/admin.stories_.$id/route";
import { renderEmail } from "../../app/services/email.server";
import { signPetition } from "../../app/services/petition.server";
import { withdrawStory } from "../../app/services/stories.server";
import { reviewStory } from "../../app/services/story-moderation.server";
import { readFlash } from "../../app/utils/flash.server";
import type { EmailTemplateName } from "../../emails";
import type { NewStory } from "../../app/models/story.server";
import { createAdoptedDemand, createMember, createPetitionFor, createRunningCampaign, createStory, runFanOuts, signedInMember, unique } from "../support/builders";
import { call, cookieFrom, request } from "./http";

/** Words that appear nowhere but in the story, so their absence from mail and notifications means something. */
function secretStory(spec: Partial<NewStory> = {}) {
  const mark = unique();
  return {
    title: `Night on ward ${mark} Quillbrook`,
    body: `The night I was restrained on ward ${mark} I thought Zephyrine would never end. I had taken too many tablets.`,
    ...spec,
  };
}

const queuePath = "/admin/stories";
const reviewPath = (id: number) => `/admin/stories/${id}`;

async function decide(cookie: string, storyId: number, decision: string, reason?: string) {
  const form: Record<string, string> = { decision };
  if (reason !== undefined) form.reason = reason;
  return call(reviewAction, request(reviewPath(storyId), { form, cookie }), { id: String(storyId) });
}

async function flashOf(outcome: { setCookies: string[] }) {
  return (await readFlash(request("/", { cookie: cookieFrom(outcome.setCookies) }))).flash;
}

/** Every email queued after `afterId`, rendered as it will be sent: subject, HTML and text. */
async function renderedMailSince(afterId: number) {
  const rows = await db.selectFrom("email").select(["id", "template", "to_address", "props"]).where("id", ">", afterId).orderBy("id").execute();
  return Promise.all(rows.map(async (r) => ({ to: r.to_address, template: r.template, ...(await renderEmail(r.template as EmailTemplateName, r.props as never)) })));
}

/** Every notification written after these ids: the rows members see and the events behind them. */
async function notificationWordsSince(afterNotification: number, afterEvent: number) {
  const rows = await db.selectFrom("notification").select(["member_id", "kind", "title", "url", "group_title"]).where("id", ">", afterNotification).orderBy("id").execute();
  const events = await db.selectFrom("notification_event").select(["kind", "title", "props", "group_title"]).where("id", ">", afterEvent).execute();
  return { rows, text: JSON.stringify([rows, events]) };
}

async function highWaterMarks() {
  const { rows } = await sql<{ email: string; notification: string; event: string }>`
    select (select coalesce(max(id), 0) from email) as email, (select coalesce(max(id), 0) from notification) as notification, (select coalesce(max(id), 0) from notification_event) as event`.execute(db);
  return { email: Number(rows[0]!.email), notification: Number(rows[0]!.notification), event: Number(rows[0]!.event) };
}

const runFanOutsNow = () => runFanOuts(db);

/** Earlier tests leave stories waiting; a test of what the queue holds starts with it empty. */
async function emptyTheQueue() {
  const moderator = await createMember(db, { roles: ["moderator"] });
  const waiting = await db.selectFrom("story").select("id").where("status", "=", "waiting").execute();
  for (const { id } of waiting) await reviewStory(db, id, moderator.id, "declined", "Cleared for the next test.");
}

function expectNoStoryWords(text: string, story: { title: string; body: string }) {
  expect(text).not.toContain(story.title);
  expect(text).not.toContain("Quillbrook");
  expect(text).not.toContain("Zephyrine");
  expect(text).not.toContain("tablets");
}

describe("who may moderate stories", () => {
  it("signed out goes to sign in, a member is refused, moderators and admins get the queue, the review page and the decision", async () => {
    const teller = await createMember(db);
    const storyId = await createStory(db, teller.id);
    const member = await signedInMember(db);
    const moderator = await signedInMember(db, { roles: ["moderator"] });
    const admin = await signedInMember(db, { roles: ["admin"] });
    const params = { id: String(storyId) };

    const signedOut = await call(queueLoader, request(queuePath));
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toBe(`/sign-in?redirectTo=${encodeURIComponent(queuePath)}`);
    expect((await call(reviewLoader, request(reviewPath(storyId)), params)).location).toMatch(/^\/sign-in\?/);
    expect((await call(queueAction, request(queuePath, { form: { category: "suicide" } }))).location).toMatch(/^\/sign-in\?/);
    expect((await call(reviewAction, request(reviewPath(storyId), { form: { decision: "published" } }), params)).location).toMatch(/^\/sign-in\?/);

    expect((await call(queueLoader, request(queuePath, { cookie: member.cookie }))).status).toBe(403);
    expect((await call(reviewLoader, request(reviewPath(storyId), { cookie: member.cookie }), params)).status).toBe(403);
    expect((await call(queueAction, request(queuePath, { form: { category: "suicide" }, cookie: member.cookie }))).status).toBe(403);
    expect((await decide(member.cookie, storyId, "published")).status).toBe(403);
    expect((await getStory(db, storyId))!.status).toBe("waiting");

    for (const who of [moderator, admin]) {
      expect((await call(queueLoader, request(queuePath, { cookie: who.cookie }))).status).toBe(200);
      expect((await call(reviewLoader, request(reviewPath(storyId), { cookie: who.cookie }), params)).status).toBe(200);
    }
    expect((await decide(admin.cookie, storyId, "published")).location).toBe(queuePath);
    expect((await call(reviewLoader, request(reviewPath(999_999_999), { cookie: moderator.cookie }), { id: "999999999" })).status).toBe(404);
  });
});

describe("the queue", () => {
  it("lists waiting stories oldest first, content note first, and its page data holds no story text, no teller id and no email", async () => {
    const teller = await createMember(db);
    const moderator = await signedInMember(db, { roles: ["moderator"] });
    const secret = secretStory();
    const older = await createStory(db, teller.id, { ...secret, contentNotes: ["restraint", "other"], contentNoteDetail: "an overdose" });
    const newer = await createStory(db, teller.id);
    const published = await createStory(db, teller.id);
    await reviewStory(db, published, moderator.id, "published", null);

    const outcome = await call(queueLoader, request(queuePath, { cookie: moderator.cookie }));
    const ids = outcome.data.stories.map((s: { id: number }) => s.id);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
    expect(ids).not.toContain(published);
    const entry = outcome.data.stories.find((s: { id: number }) => s.id === older);
    expect(Object.keys(entry).sort()).toEqual(["contentNote", "id", "sentAt", "title"]);
    expect(entry.contentNote).toBe("Restraint, seclusion or detention; an overdose");
    const data = JSON.stringify(outcome.data);
    expect(data).not.toContain("Zephyrine");
    expect(data).not.toContain(teller.email);
    expect(data).not.toMatch(/teller|signature|letter|email/i);

    // The review page opens its words, and still not who told it.
    const review = await call(reviewLoader, request(reviewPath(older), { cookie: moderator.cookie }), { id: String(older) });
    expect(review.data.story.told.contentNote).toBe("Restraint, seclusion or detention; an overdose");
    expect(review.data.story.told.html).toContain("Zephyrine");
    expect(JSON.stringify(review.data)).not.toContain(teller.email);
    expect(JSON.stringify(review.data)).not.toMatch(/tellerId|signatureId|letterId/);
  });

  it("pages by twenty", async () => {
    await emptyTheQueue();
    const teller = await createMember(db);
    const moderator = await signedInMember(db, { roles: ["moderator"] });
    for (let i = 0; i < 21; i++) await createStory(db, teller.id);
    const first = await call(queueLoader, request(queuePath, { cookie: moderator.cookie }));
    expect(first.data.stories).toHaveLength(20);
    expect(first.data.hasMore).toBe(true);
    const second = await call(queueLoader, request(`${queuePath}?page=2`, { cookie: moderator.cookie }));
    expect(second.data.stories).toHaveLength(1);
    expect(second.data.hasMore).toBe(false);
    expect(second.data.stories.map((s: { id: number }) => s.id)).not.toContain(first.data.stories[0].id);
  });

  it("shows a moderator the content notes they chose to review, and stories with none; none chosen shows all; a made-up category is refused", async () => {
    await emptyTheQueue();
    const teller = await createMember(db);
    const moderator = await signedInMember(db, { roles: ["moderator"] });
    const selfHarm = await createStory(db, teller.id, { contentNotes: ["self_harm"] });
    const bereavement = await createStory(db, teller.id, { contentNotes: ["bereavement"] });
    const plain = await createStory(db, teller.id);
    const both = await createStory(db, teller.id, { contentNotes: ["bereavement", "eating"] });
    const shown = async () => (await call(queueLoader, request(queuePath, { cookie: moderator.cookie }))).data.stories.map((s: { id: number }) => s.id) as number[];

    const saved = await call(queueAction, request(queuePath, { form: { category: ["self_harm", "eating"] }, cookie: moderator.cookie }));
    expect(saved.location).toBe(queuePath);
    expect(await flashOf(saved)).toMatchObject({ kind: "success" });
    expect((await call(queueLoader, request(queuePath, { cookie: moderator.cookie }))).data.categories).toEqual(["eating", "self_harm"]);
    let ids = await shown();
    expect(ids).toEqual(expect.arrayContaining([selfHarm, plain, both]));
    expect(ids).not.toContain(bereavement);

    // A story told now reaches only the moderators who review its notes.
    const other = await createMember(db, { roles: ["moderator"] });
    const marks = await highWaterMarks();
    await createStory(db, teller.id, { contentNotes: ["bereavement"] });
    const told = (await notificationWordsSince(marks.notification, marks.event)).rows.filter((n) => n.kind === "stories_waiting").map((n) => Number(n.member_id));
    expect(told).toContain(other.id);
    expect(told).not.toContain(moderator.id);

    await call(queueAction, request(queuePath, { form: {}, cookie: moderator.cookie }));
    ids = await shown();
    expect(ids).toEqual(expect.arrayContaining([selfHarm, bereavement, plain, both]));

    expect((await call(queueAction, request(queuePath, { form: { category: "not-a-category" }, cookie: moderator.cookie }))).status).toBe(400);
    expect((await call(queueAction, request(queuePath, { form: { category: ["suicide", "x".repeat(5000)] }, cookie: moderator.cookie }))).status).toBe(400);
  });

  it("counts stories waiting among the moderators' waiting work", async () => {
    const teller = await createMember(db);
    const before = (await countWaitingWork(db, { verify: false, moderate: true, reviewLetters: false })).stories!;
    await createStory(db, teller.id);
    expect((await countWaitingWork(db, { verify: false, moderate: true, reviewLetters: false })).stories).toBe(before + 1);
    expect((await countWaitingWork(db, { verify: true, moderate: false, reviewLetters: false })).stories).toBeNull();
  });
});

describe("deciding on a story", () => {
  it("publishing: the status, an audit row without the story, the teller told, and followers told about the demand, never the story's title or words", async () => {
    const teller = await createMember(db);
    const follower = await createMember(db);
    const secondFollower = await createMember(db);
    const moderator = await signedInMember(db, { roles: ["moderator"] });
    const demandId = await createAdoptedDemand(db, teller.id, { title: `Homes after hospital ${unique()}` });
    const demandTitle = (await db.selectFrom("demand").select("title").where("id", "=", demandId).executeTakeFirstOrThrow()).title;
    await follow(db, `demand:${demandId}`, follower.id);
    await follow(db, `demand:${demandId}`, secondFollower.id);
    await follow(db, `demand:${demandId}`, teller.id);
    const story = secretStory();
    const storyId = await createStory(db, teller.id, { ...story, demandIds: [demandId] });
    await runFanOutsNow();
    const marks = await highWaterMarks();

    const outcome = await decide(moderator.cookie, storyId, "published");
    expect(outcome.location).toBe(queuePath);
    expect(await flashOf(outcome)).toMatchObject({ kind: "success", message: expect.stringContaining("published") });
    expect((await getStory(db, storyId))!.status).toBe("published");
    const audit = await db.selectFrom("audit_event").selectAll().where("subject_type", "=", "story").where("subject_id", "=", storyId).execute();
    expect(audit.map((a) => [a.action, a.actor_id, a.detail])).toEqual([["story.published", moderator.id, {}]]);

    await runFanOutsNow();
    const words = await notificationWordsSince(marks.notification, marks.event);
    expectNoStoryWords(words.text, story);
    const told = words.rows.filter((n) => n.kind === "new_story");
    // Everyone following the demand (its voters too), but not the teller, who has their own email.
    expect(told.map((n) => Number(n.member_id))).toEqual(expect.arrayContaining([follower.id, secondFollower.id]));
    expect(told.map((n) => Number(n.member_id))).not.toContain(teller.id);
    expect(told[0]!.title).toBe(`A new story about ${demandTitle} was published`);

    const mail = await renderedMailSince(marks.email);
    const toTeller = mail.filter((m) => m.to === teller.email.toLowerCase());
    expect(toTeller.map((m) => m.subject)).toEqual(["Your story is published"]);
    expect(toTeller[0]!.text).toContain(`/stories/${storyId}`);
    for (const m of mail) expectNoStoryWords(`${m.subject}\n${m.html}\n${m.text}`, story);
  });

  it("a story shown only to named campaigns' organisers is published without telling the demand's followers", async () => {
    const teller = await createMember(db);
    const follower = await createMember(db);
    const moderator = await createMember(db, { roles: ["moderator"] });
    const demandId = await createAdoptedDemand(db, teller.id);
    await follow(db, `demand:${demandId}`, follower.id);
    const campaignId = await createRunningCampaign(db, teller.id);
    const storyId = await createStory(db, teller.id, { demandIds: [demandId], audience: "organisers", audienceCampaignIds: [campaignId] });
    await runFanOutsNow();
    const marks = await highWaterMarks();
    expect(await reviewStory(db, storyId, moderator.id, "published", null)).toEqual({ ok: true });
    await runFanOutsNow();
    expect((await notificationWordsSince(marks.notification, marks.event)).rows.filter((n) => n.kind === "new_story")).toEqual([]);
  });

  it("asking for a change and declining: each needs a reason, which the teller is emailed; the story's words stay out of every email and notification", async () => {
    const teller = await createMember(db);
    const moderator = await signedInMember(db, { roles: ["moderator"] });
    for (const [decision, subject, missing] of [
      ["changes_requested", "A moderator asked you to change something in your story", "Say what the teller should change"],
      ["declined", "Your story was not published", "Say why the story is not being published"],
    ] as const) {
      const story = secretStory();
      const storyId = await createStory(db, teller.id, story);
      const refused = await decide(moderator.cookie, storyId, decision, "   ");
      expect(refused.status).toBe(400);
      expect(refused.data.errors).toEqual({ [`reason-${decision}`]: missing });
      expect((await getStory(db, storyId))!.status).toBe("waiting");

      const marks = await highWaterMarks();
      const reason = `Please take out the nurse's name (${decision}).`;
      expect((await decide(moderator.cookie, storyId, decision, reason)).location).toBe(queuePath);
      expect((await getStory(db, storyId))!.status).toBe(decision);
      const audit = await db.selectFrom("audit_event").select(["action", "detail"]).where("subject_type", "=", "story").where("subject_id", "=", storyId).execute();
      expect(audit).toEqual([{ action: `story.${decision}`, detail: {} }]);
      expect(await listStoryReviewsForTeller(db, storyId)).toEqual([expect.objectContaining({ decision, reason })]);

      const mail = await renderedMailSince(marks.email);
      expect(mail.map((m) => [m.to, m.subject])).toEqual([[teller.email.toLowerCase(), subject]]);
      expect(mail[0]!.text).toContain("Please take out the nurse");
      for (const m of mail) expectNoStoryWords(`${m.subject}\n${m.html}\n${m.text}`, story);
      expectNoStoryWords((await notificationWordsSince(marks.notification, marks.event)).text, story);
    }
  });

  it("the safeguarding route: held, admins told at once without the words, the teller shown where to get help and never the moderator's worry", async () => {
    const teller = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const moderator = await signedInMember(db, { roles: ["moderator"] });
    const story = secretStory();
    const storyId = await createStory(db, teller.id, { ...story, contentNotes: ["suicide"] });
    const marks = await highWaterMarks();
    const worry = "They say they took too many tablets last night and may again.";

    const outcome = await decide(moderator.cookie, storyId, "safeguarding", worry);
    expect(outcome.location).toBe(queuePath);
    expect((await getStory(db, storyId))!.status).toBe("safeguarding");
    expect(await listStoryReviewsForTeller(db, storyId)).toEqual([expect.objectContaining({ decision: "safeguarding", reason: null })]);
    const audit = await db.selectFrom("audit_event").select(["action", "detail"]).where("subject_type", "=", "story").where("subject_id", "=", storyId).execute();
    expect(audit).toEqual([{ action: "story.safeguarding", detail: {} }]);

    const words = await notificationWordsSince(marks.notification, marks.event);
    const adminsTold = words.rows.filter((n) => n.kind === "story_safeguarding");
    expect(adminsTold.map((n) => Number(n.member_id))).toContain(admin.id);
    expect(adminsTold.map((n) => Number(n.member_id))).not.toContain(moderator.id);
    expect(adminsTold[0]!.url).toBe(reviewPath(storyId));
    expectNoStoryWords(words.text, story);
    expect(words.text).not.toContain(worry);

    const mail = await renderedMailSince(marks.email);
    // Immediately: the admin's email is queued now, not in a digest.
    expect(mail.find((m) => m.to === admin.email.toLowerCase())?.subject).toBe("A moderator passed a story to the safeguarding route");
    const toTeller = mail.find((m) => m.to === teller.email.toLowerCase())!;
    expect(toTeller.subject).toBe("About the story you shared with us");
    for (const number of ["999", "NHS 111", "option 2", "116 123", "SHOUT", "85258"]) expect(toTeller.text).toContain(number);
    expect(toTeller.text).toContain("may contact you");
    for (const m of mail) {
      expectNoStoryWords(`${m.subject}\n${m.html}\n${m.text}`, story);
      expect(`${m.html}\n${m.text}`).not.toContain("may again");
    }

    // What the teller's own page shows them (the component their page uses).
    const notice = renderToStaticMarkup(createElement(StorySafeguardingNotice));
    for (const number of ["tel:999", "tel:111", "option 2", "tel:116123", "SHOUT", "85258", "not published", "may contact you"]) expect(notice).toContain(number);

    // The moderators' page keeps the worry, marked as not shown to the teller.
    const review = await call(reviewLoader, request(reviewPath(storyId), { cookie: moderator.cookie }), { id: String(storyId) });
    expect(review.data.history).toEqual([expect.objectContaining({ decision: "safeguarding", reason: worry })]);
  });

  it("a coalition admin, and only an admin, looks up how to reach the teller of a story held for safeguarding; each look-up is audited", async () => {
    const teller = await createMember(db);
    const admin = await signedInMember(db, { roles: ["admin"] });
    const moderator = await signedInMember(db, { roles: ["moderator"] });
    const held = await createStory(db, teller.id);
    const waiting = await createStory(db, teller.id);
    await reviewStory(db, held, moderator.id, "safeguarding", "Worried about them.");
    const lookUp = (cookie: string, storyId: number) => call(reviewAction, request(reviewPath(storyId), { form: { intent: "contact" }, cookie }), { id: String(storyId) });

    // Nobody sees the address until an admin asks for it.
    expect(JSON.stringify((await call(reviewLoader, request(reviewPath(held), { cookie: admin.cookie }), { id: String(held) })).data)).not.toContain(teller.email);
    expect((await lookUp(moderator.cookie, held)).status).toBe(403);
    const found = await lookUp(admin.cookie, held);
    expect(found.data).toEqual({ contact: { email: teller.email, via: "account" }, contactMessage: null });
    const audit = await db.selectFrom("audit_event").select(["action", "actor_id", "detail"]).where("subject_type", "=", "story").where("subject_id", "=", held).orderBy("id").execute();
    expect(audit.map((a) => [a.action, a.actor_id, a.detail])).toEqual([
      ["story.safeguarding", moderator.id, {}],
      ["story.contact_viewed", admin.id, {}],
    ]);
    // Not for a story that is not held for safeguarding.
    const refused = await lookUp(admin.cookie, waiting);
    expect(refused.data).toEqual({ contact: null, contactMessage: expect.stringContaining("only shown for a story held for the safeguarding route") });
    expect(await db.selectFrom("audit_event").select("id").where("action", "=", "story.contact_viewed").where("subject_id", "=", waiting).execute()).toEqual([]);
  });

  it("two moderators deciding at once: one decision is recorded, the other is told, without an error", async () => {
    const teller = await createMember(db);
    const first = await signedInMember(db, { roles: ["moderator"] });
    const second = await signedInMember(db, { roles: ["moderator"] });
    const storyId = await createStory(db, teller.id);
    const outcomes = await Promise.all([decide(first.cookie, storyId, "published"), decide(second.cookie, storyId, "declined", "Too close to another story.")]);
    expect(outcomes.map((o) => o.status)).toEqual([302, 302]);
    const locations = outcomes.map((o) => o.location).sort();
    expect(locations).toEqual([queuePath, reviewPath(storyId)].sort());
    const late = outcomes.find((o) => o.location === reviewPath(storyId))!;
    expect(await flashOf(late)).toMatchObject({ kind: "info", message: expect.stringContaining("no longer waiting") });
    expect(await db.selectFrom("story_review").select("decision").where("story_id", "=", storyId).execute()).toHaveLength(1);
    expect(await db.selectFrom("audit_event").select("id").where("subject_type", "=", "story").where("subject_id", "=", storyId).execute()).toHaveLength(1);
  });

  it("a story told without an account: its teller is emailed at the address they signed with, with their own teller link", async () => {
    const lead = await createMember(db);
    const moderator = await signedInMember(db, { roles: ["moderator"] });
    const { petition } = await createPetitionFor(db, { leadId: lead.id });
    const email = `signer-${unique()}@example.org`;
    await signPetition(db, petition, { name: "Sam Signer", email, outwardCode: null, showName: false, campaignConsent: false });
    const signature = await db.selectFrom("petition_signature").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    const story = secretStory();
    const storyId = await createStory(db, null, { ...story, signatureId: signature.id, nameChoice: "anonymous" });
    const marks = await highWaterMarks();
    expect((await decide(moderator.cookie, storyId, "changes_requested", "Could you leave out the hospital's name?")).location).toBe(queuePath);
    const mail = await renderedMailSince(marks.email);
    expect(mail.map((m) => [m.to, m.subject])).toEqual([[email, "A moderator asked you to change something in your story"]]);
    expect(mail[0]!.text).toContain("leave out the hospital");
    const token = new RegExp(`/stories/${storyId}/teller/([0-9a-f.]+)`).exec(mail[0]!.text)?.[1];
    expect(token).toBeTruthy();
    expect(await readTellerLink(db, token!, storyId)).toBe(storyId);
    expectNoStoryWords(`${mail[0]!.subject}\n${mail[0]!.html}\n${mail[0]!.text}`, story);
    const review = await call(reviewLoader, request(reviewPath(storyId), { cookie: moderator.cookie }), { id: String(storyId) });
    expect(JSON.stringify(review.data)).not.toContain(email);
    expect(review.data.story.told.withoutAccount).toBe(true);
  });

  it("a decision on a story no longer waiting is a message; a withdrawn story's words leave the review page, its history stays", async () => {
    const teller = await createMember(db);
    const moderator = await signedInMember(db, { roles: ["moderator"] });
    const story = secretStory();
    const storyId = await createStory(db, teller.id, story);
    expect(await withdrawStory(db, storyId, teller.id)).toEqual({ ok: true });
    const outcome = await decide(moderator.cookie, storyId, "published");
    expect(outcome.location).toBe(reviewPath(storyId));
    expect(await flashOf(outcome)).toMatchObject({ kind: "info" });
    expect(await db.selectFrom("story_review").select("id").where("story_id", "=", storyId).execute()).toEqual([]);
    const review = await call(reviewLoader, request(reviewPath(storyId), { cookie: moderator.cookie }), { id: String(storyId) });
    expect(review.data.story.told).toBeNull();
    expectNoStoryWords(JSON.stringify(review.data), story);
    expect((await listStoryConsentHistory(db, storyId)).map((e) => e.consent)).toContain("withdrawn");
  });

  it("hostile reasons: too long is refused by the box and re-filled within the limit, NUL is dropped, other scripts and emoji are kept", async () => {
    const teller = await createMember(db);
    const moderator = await signedInMember(db, { roles: ["moderator"] });
    const storyId = await createStory(db, teller.id);
    const huge = await decide(moderator.cookie, storyId, "declined", "a".repeat(100_000));
    expect(huge.status).toBe(400);
    expect(huge.data.errors).toEqual({ "reason-declined": "Your reason must be 2,000 characters or fewer" });
    expect(huge.data.values.reason).toHaveLength(2000);
    expect(huge.data.values.decision).toBe("declined");

    expect((await decide(moderator.cookie, storyId, "made_up", "x")).status).toBe(400);

    const marks = await highWaterMarks();
    const reason = "Bitte\u0000 den Namen entfernen 🙏 — مرحبا, 你好\nSecond line";
    expect((await decide(moderator.cookie, storyId, "changes_requested", reason)).location).toBe(queuePath);
    const [stored] = await listStoryReviewsForTeller(db, storyId);
    expect(stored!.reason).not.toContain("\u0000");
    expect(stored!.reason).toContain("🙏 — مرحبا, 你好");
    expect(stored!.reason).toContain("\n");
    const [mail] = await renderedMailSince(marks.email);
    expect(mail!.text).toContain("你好");
  });
});
