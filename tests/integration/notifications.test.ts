import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createDemand, createMember, createOrganisation, createRunningCampaign, openDemandForVoting, runFanOuts } from "../support/builders";
import { follow } from "../../app/models/follow.server";
import { insertComment } from "../../app/models/comment.server";
import { postCampaignEntry } from "../../app/services/campaign.server";
import { castVote, endorseDemand, notifyVotingClosing, openConsultation } from "../../app/services/demand.server";
import { postComment, reportCommentToModerators } from "../../app/services/discussion.server";
import { expandBatch, expandNotificationJob, notifyFollowers, savePreferences, sendDigests } from "../../app/services/notifications.server";
import { requestToJoin } from "../../app/services/organisation.server";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "../../app/routes/unsubscribe.$token";
import { action as notificationsAction, loader as notificationsLoader } from "../../app/routes/notifications";
import { action as signInAction } from "../../app/routes/sign-in";
import { call, cookieFrom, request } from "./http";

const DAY = 86_400_000;

const inbox = async (memberId: number) =>
  (await db.selectFrom("notification").select(["kind", "title", "digest"]).where("member_id", "=", memberId).orderBy("id").execute()).map((n) => ({ kind: n.kind, title: n.title, digest: n.digest }));
const kindsOf = async (memberId: number) => (await inbox(memberId)).map((n) => n.kind);
const mailTo = async (email: string, template = "Notification") =>
  db.selectFrom("email").select(["props", "headers", "idempotency_key"]).where("to_address", "=", email.toLowerCase()).where("template", "=", template).orderBy("id").execute();

async function signedIn(member: { email: string }) {
  const outcome = await call(signInAction, request("/sign-in", { form: { intent: "password", email: member.email, password: "correct horse battery" } }));
  return cookieFrom(outcome.setCookies);
}

describe("who is told what", () => {
  it("a demand's followers hear it open and go to a vote; a topic's followers hear of it once; nobody hears of their own action", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const follower = await createMember(db);
    const topicFan = await createMember(db);
    const stranger = await createMember(db);
    const id = await createDemand(db, { authorId: author.id, topics: ["housing"] });
    await follow(db, `demand:${id}`, follower.id);
    await follow(db, "topic:housing", topicFan.id);
    await follow(db, "topic:housing", author.id);
    await openConsultation(db, id, author.id, new Date(Date.now() + 7 * DAY));
    await runFanOuts(db);
    expect(await kindsOf(follower.id)).toEqual(["demand_stage"]);
    expect(await kindsOf(topicFan.id)).toEqual(["topic_new_demand"]);
    expect(await kindsOf(author.id)).toEqual([]);
    expect(await kindsOf(stranger.id)).toEqual([]);
    const { openVoting } = await import("../../app/services/demand.server");
    await db.updateTable("demand").set({ easy_read: "Easy words." }).where("id", "=", id).execute();
    await openVoting(db, id, admin.id, { endsAt: new Date(Date.now() + 3 * DAY), rule: "simple_majority", quorum: null, liveResults: false });
    await runFanOuts(db);
    expect(await kindsOf(follower.id)).toEqual(["demand_stage", "demand_stage"]);
    expect((await inbox(follower.id))[1]!.title).toMatch(/^Voting open/);
    // Demand stage changes are in the daily digest by default: no email straight away.
    expect(await mailTo(follower.email)).toEqual([]);
    expect((await inbox(follower.id))[1]!.digest).toBe("daily");
  });

  it("a day before the deadline, followers who have not voted are reminded; a moved deadline sends nothing", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const voter = await createMember(db);
    const waiting = await createMember(db);
    const id = await createDemand(db, { authorId: author.id });
    const endsAt = new Date(Date.now() + 3 * DAY);
    await openDemandForVoting(db, id, admin.id, { votingEndsAt: endsAt });
    await follow(db, `demand:${id}`, waiting.id);
    await castVote(db, id, voter.id, { choice: "support", reason: null, reasonPublic: false });
    const scheduled = await db.selectFrom("pgboss.job" as never).select(["data" as never, "start_after" as never]).where("name" as never, "=", "notification.voting-closing" as never).execute();
    const mine = (scheduled as Array<{ data: { demandId: number; votingEndsAt: string }; start_after: Date }>).find((j) => Number(j.data.demandId) === id)!;
    expect(Math.abs(new Date(mine.start_after).getTime() - (new Date(mine.data.votingEndsAt).getTime() - DAY))).toBeLessThan(2_000);
    expect(await notifyVotingClosing(db, id, new Date(endsAt.getTime() + 60_000).toISOString())).toBe(false);
    expect(await notifyVotingClosing(db, id, mine.data.votingEndsAt)).toBe(true);
    expect(await kindsOf(waiting.id)).toContain("voting_closing");
    expect(await kindsOf(author.id)).toContain("voting_closing");
    expect(await kindsOf(voter.id)).not.toContain("voting_closing");
    // Immediate by default: an email with a one-click unsubscribe.
    const [mail] = await mailTo(waiting.email);
    expect(mail!.headers).toMatchObject({ "List-Unsubscribe": expect.stringMatching(/^<http.*\/unsubscribe\/\d+-voting_closing\.[0-9a-f]{32}>$/), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("a reply tells the parent comment's author (not its words); reports tell moderators", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const moderator = await createMember(db, { roles: ["moderator"] });
    const first = await createMember(db);
    const replier = await createMember(db, { displayName: "Rowan" });
    const id = await createDemand(db, { authorId: author.id });
    await openConsultation(db, id, admin.id, new Date(Date.now() + 7 * DAY));
    await runFanOuts(db);
    const parent = (await insertComment(db, { demandId: id, amendmentId: null, parentId: null, authorId: first.id, body: "Housing matters.", contentNote: null }))!;
    await postComment(db, { id: replier.id, displayName: "Rowan" }, { demandId: id, amendmentId: null, parentId: parent, body: "A very private reply about my diagnosis.", contentNote: null, url: `/demands/${id}` });
    await postComment(db, { id: first.id, displayName: "First" }, { demandId: id, amendmentId: null, parentId: parent, body: "Replying to myself.", contentNote: null, url: `/demands/${id}` });
    await runFanOuts(db);
    const told = await inbox(first.id);
    // The parent's author hears of the reply as a reply, not again as a new comment.
    expect(told).toEqual([{ kind: "comment_reply", title: expect.stringMatching(/^Rowan replied to your comment/), digest: null }]);
    // The demand's followers (its author follows it) get both comments in their daily digest.
    expect((await inbox(author.id)).filter((n) => n.kind === "new_comment")).toEqual([
      { kind: "new_comment", title: expect.stringMatching(/^Rowan commented on/), digest: "daily" },
      { kind: "new_comment", title: expect.stringMatching(/^First commented on/), digest: "daily" },
    ]);
    const [mail] = await mailTo(first.email);
    expect(JSON.stringify(mail!.props)).not.toContain("diagnosis");
    await reportCommentToModerators(db, parent, replier.id, { category: "harassment", details: "Unkind" });
    expect(await kindsOf(moderator.id)).toEqual(["reports_waiting"]);
    expect(await kindsOf(admin.id)).toContain("reports_waiting");
    expect(await kindsOf(replier.id)).not.toContain("reports_waiting");
  });

  it("an endorsement tells followers of the demand and of the organisation, once; a join request tells the organisation's admins", async () => {
    const author = await createMember(db);
    const orgAdmin = await createMember(db);
    const orgFan = await createMember(db);
    const demandFan = await createMember(db);
    const asker = await createMember(db, { displayName: "Asha" });
    const organisationId = (await createOrganisation(db, { adminId: orgAdmin.id })).id;
    const id = await createDemand(db, { authorId: author.id });
    await follow(db, `demand:${id}`, demandFan.id);
    await follow(db, `organisation:${organisationId}`, orgFan.id);
    await follow(db, `organisation:${organisationId}`, demandFan.id);
    await endorseDemand(db, id, organisationId, "We back this.", orgAdmin.id);
    await endorseDemand(db, id, organisationId, "We back this, strongly.", orgAdmin.id);
    await runFanOuts(db);
    expect(await kindsOf(demandFan.id)).toEqual(["endorsement"]);
    expect(await kindsOf(orgFan.id)).toEqual(["endorsement"]);
    expect(await kindsOf(orgAdmin.id)).toEqual([]);
    await requestToJoin(db, asker.id, organisationId, "I volunteer with you.");
    expect(await inbox(orgAdmin.id)).toEqual([{ kind: "join_request", title: expect.stringMatching(/^Asha asked to join/), digest: null }]);
  });

  it("a campaign's followers (its organisers follow it) hear of updates and milestones", async () => {
    const lead = await createMember(db);
    const coLead = await createMember(db);
    const fan = await createMember(db);
    const started = { id: await createRunningCampaign(db, lead.id, "Homes first now") };
    const { addCoOrganiser } = await import("../../app/services/campaign.server");
    await addCoOrganiser(db, started.id, coLead.id, null);
    await follow(db, `campaign:${started.id}`, fan.id);
    await postCampaignEntry(db, started.id, lead.id, { kind: "meeting_held", title: "Met the council", body: "", link: null, happenedOn: "2026-11-20" });
    await runFanOuts(db);
    expect(await kindsOf(fan.id)).toEqual(["campaign_update"]);
    expect(await kindsOf(coLead.id)).toEqual(["campaign_update"]);
    expect(await kindsOf(lead.id)).not.toContain("campaign_update");
  });
});

describe("preferences, pause and digests", () => {
  it("sends straight away, in a digest grouped by demand, or not at all, as each member chose; a pause stops all email", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const [now, daily, weekly, off, paused] = await Promise.all(Array.from({ length: 5 }, () => createMember(db)));
    await savePreferences(db, now!.id, { demand_stage: "immediately" }, false);
    await savePreferences(db, weekly!.id, { demand_stage: "weekly" }, false);
    await savePreferences(db, off!.id, { demand_stage: "off" }, false);
    await savePreferences(db, paused!.id, { demand_stage: "immediately" }, true);
    const ids = [await createDemand(db, { authorId: author.id, title: `First demand ${Date.now()}` }), await createDemand(db, { authorId: author.id, title: `Second demand ${Date.now()}` })];
    for (const id of ids) for (const m of [now, daily, weekly, off, paused]) await follow(db, `demand:${id}`, m!.id);
    for (const id of ids) await openConsultation(db, id, admin.id, new Date(Date.now() + 7 * DAY));
    await runFanOuts(db);
    expect((await mailTo(now!.email)).length).toBe(2);
    expect(await mailTo(daily!.email)).toEqual([]);
    expect(await kindsOf(off!.id)).toEqual([]);
    expect(await kindsOf(paused!.id)).toEqual(["demand_stage", "demand_stage"]);
    expect(await mailTo(paused!.email)).toEqual([]);
    const at = new Date("2026-11-25T07:00:00Z");
    await sendDigests(db, "daily", at);
    await sendDigests(db, "daily", at);
    const digests = await mailTo(daily!.email, "NotificationDigest");
    expect(digests).toHaveLength(1);
    const props = digests[0]!.props as { groups: Array<{ title: string; items: unknown[] }> };
    expect(props.groups.map((g) => g.items.length)).toEqual([1, 1]);
    expect(props.groups[0]!.title).toMatch(/^First demand/);
    expect(digests[0]!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(await mailTo(weekly!.email, "NotificationDigest")).toEqual([]);
    await sendDigests(db, "weekly", at);
    expect(await mailTo(weekly!.email, "NotificationDigest")).toHaveLength(1);
    expect(await mailTo(paused!.email, "NotificationDigest")).toEqual([]);
  });

  it("unsubscribes by a POST without a cookie and never redirects; opening the link changes nothing", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const fan = await createMember(db);
    const id = await createDemand(db, { authorId: author.id });
    await follow(db, `demand:${id}`, fan.id);
    await openDemandForVoting(db, id, admin.id, { votingEndsAt: new Date(Date.now() + 3 * DAY) });
    await notifyVotingClosing(db, id, (await db.selectFrom("demand").select("voting_ends_at").where("id", "=", id).executeTakeFirstOrThrow()).voting_ends_at!.toISOString());
    const [mail] = await mailTo(fan.email);
    const link = (mail!.headers as Record<string, string>)["List-Unsubscribe"]!.slice(1, -1);
    const token = link.split("/").pop()!;
    const page = await call(unsubscribeLoader, request(`/unsubscribe/${token}`), { token });
    expect(page.data.what).toMatch(/voting closes/i);
    expect(await db.selectFrom("notification_preference").select("delivery").where("member_id", "=", fan.id).execute()).toEqual([]);
    const oneClick = await call(unsubscribeAction, request(`/unsubscribe/${token}`, { form: { "List-Unsubscribe": "One-Click" } }), { token });
    expect(oneClick.status).toBe(200);
    expect(oneClick.location).toBeNull();
    expect(await db.selectFrom("notification_preference").select(["kind", "delivery"]).where("member_id", "=", fan.id).execute()).toEqual([{ kind: "voting_closing", delivery: "off" }]);
    const forged = `${fan.id}-voting_closing.${"0".repeat(32)}`;
    expect((await call(unsubscribeAction, request(`/unsubscribe/${forged}`, { form: {} }), { token: forged })).status).toBe(404);
    const otherKind = token.replace("voting_closing", "comment_reply");
    expect((await call(unsubscribeLoader, request(`/unsubscribe/${otherKind}`), { token: otherKind })).status).toBe(404);
  });
});

describe("fan-out", () => {
  it("a fan-out killed half-way and resumed delivers each notification and email exactly once", async () => {
    const actor = await createMember(db);
    const followers = await Promise.all(Array.from({ length: 12 }, () => createMember(db)));
    for (const f of followers) await follow(db, "topic:employment", f.id);
    const eventId = await db.transaction().execute((trx) =>
      notifyFollowers(trx, ["topic:employment"], { kind: "demand_outcome", title: "An outcome", url: "/demands", group: { key: "x", title: "X" }, reason: "Because.", actorId: actor.id }),
    );
    expect(await expandNotificationJob(db, eventId, 5)).toEqual({ delivered: 5, done: false });
    // The worker dies in the middle of the second batch: everything it wrote rolls back.
    await expect(
      db.transaction().execute(async (trx) => {
        await expandBatch(trx, eventId, 5);
        throw new Error("worker killed");
      }),
    ).rejects.toThrow("worker killed");
    // The job is retried, and a duplicate of it runs too.
    for (let i = 0; i < 4; i++) await expandNotificationJob(db, eventId, 5);
    const notifications = await db.selectFrom("notification").select("member_id").where("event_id", "=", eventId).execute();
    expect(notifications).toHaveLength(12);
    const emails = await db.selectFrom("email").select("to_address").where("idempotency_key", "like", `notification:${eventId}:%`).execute();
    expect(emails).toHaveLength(12);
    expect(new Set(emails.map((e) => e.to_address)).size).toBe(12);
  });
});

describe("following starts when you follow", () => {
  it("an event from before someone followed does not reach them, even if its fan-out runs later", async () => {
    const early = await createMember(db);
    const late = await createMember(db);
    await follow(db, "topic:rights_law", early.id);
    const eventId = await db.transaction().execute((trx) => notifyFollowers(trx, ["topic:rights_law"], { kind: "topic_new_demand", title: "Old news", url: "/demands", group: { key: "n", title: "N" }, reason: "Because." }));
    await follow(db, "topic:rights_law", late.id);
    await expandNotificationJob(db, eventId);
    expect(await kindsOf(early.id)).toEqual(["topic_new_demand"]);
    expect(await kindsOf(late.id)).toEqual([]);
  });
});

describe("delivering a fan-out", () => {
  it("renders the message once per batch, and each recipient gets their own stop link", async () => {
    const followers = await Promise.all(Array.from({ length: 3 }, () => createMember(db)));
    for (const f of followers) await follow(db, "topic:other", f.id);
    const eventId = await db.transaction().execute((trx) => notifyFollowers(trx, ["topic:other"], { kind: "demand_outcome", title: "An outcome for everyone", url: "/demands", group: { key: "o", title: "O" }, reason: "Because." }));
    await expandNotificationJob(db, eventId);
    const emails = await db.selectFrom("email").select(["id", "to_address", "props"]).where("idempotency_key", "like", `notification:${eventId}:%`).orderBy("id").execute();
    const { deliverEmailBatch, outboxTransport } = await import("../../app/services/email.server");
    await deliverEmailBatch(db, emails.map((e) => e.id), { ...outboxTransport(db), name: "outbox" });
    const sent = await db.selectFrom("outbox_message").select(["email_id", "html", "text"]).where("email_id", "in", emails.map((e) => e.id)).orderBy("email_id").execute();
    expect(sent).toHaveLength(3);
    for (const [i, message] of sent.entries()) {
      const own = (emails[i]!.props as { stopUrl: string }).stopUrl;
      expect(message.html).toContain(own);
      expect(message.text).toContain(own);
      expect(message.html).not.toContain("stop-url-placeholder");
      for (const other of emails.filter((_, j) => j !== i)) expect(message.text).not.toContain((other.props as { stopUrl: string }).stopUrl);
    }
  });
});

describe("the notification centre", () => {
  it("lists a member's own notifications, opens one (marking it read), and marks all read", async () => {
    const me = await createMember(db);
    const other = await createMember(db);
    await follow(db, "topic:benefits", me.id);
    await follow(db, "topic:benefits", other.id);
    await db.transaction().execute((trx) => notifyFollowers(trx, ["topic:benefits"], { kind: "topic_new_demand", title: "New demand: fair assessments", url: "/demands", group: { key: "g", title: "New demands" }, reason: "Because." }));
    await db.transaction().execute((trx) => notifyFollowers(trx, ["topic:benefits"], { kind: "topic_new_demand", title: "New demand: sanctions", url: "/demands?topic=benefits", group: { key: "g", title: "New demands" }, reason: "Because." }));
    await runFanOuts(db);
    const cookie = await signedIn(me);
    const page = await call(notificationsLoader, request("/notifications", { cookie }));
    expect(page.data.notifications.map((n: { title: string; unread: boolean }) => [n.title, n.unread])).toEqual([
      ["New demand: sanctions", true],
      ["New demand: fair assessments", true],
    ]);
    const theirs = await db.selectFrom("notification").select("id").where("member_id", "=", other.id).executeTakeFirstOrThrow();
    expect((await call(notificationsAction, request("/notifications", { form: { intent: "open", id: String(theirs.id) }, cookie }))).status).toBe(404);
    const opened = await call(notificationsAction, request("/notifications", { form: { intent: "open", id: String(page.data.notifications[0].id) }, cookie }));
    expect(opened.location).toBe("/demands?topic=benefits");
    await call(notificationsAction, request("/notifications", { form: { intent: "read-all" }, cookie }));
    expect((await call(notificationsLoader, request("/notifications", { cookie }))).data.notifications.every((n: { unread: boolean }) => !n.unread)).toBe(true);
    expect((await call(notificationsLoader, request("/notifications"))).status).toBe(302);
  });
});
