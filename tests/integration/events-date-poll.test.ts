import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as pollAction, loader as pollLoader } from "../../app/routes/events.$id_.dates/route";
import { chooseDate } from "../../app/services/event-date-poll.server";
import { createEvent } from "../../app/services/event.server";
import { startSession } from "../../app/members/session.server";
import { createFollower, createMember, createPublishedEvent, createRunningCampaign, eventInput, signedInMember } from "../support/builders";
import { call, request } from "./http";
import { listMemberContributions } from "../../app/models/member-data.server";

/** Choosing a date (#23 item 6): who may answer, bad input, changing answers, the tally, picking once. */

const DAY = 86_400_000;
const open = (eventId: number, cookie?: string) => call(pollLoader, request(`/events/${eventId}/dates`, { cookie }), { id: String(eventId) });
const post = (eventId: number, form: Record<string, string | string[]>, cookie?: string) => call(pollAction, request(`/events/${eventId}/dates`, { form, cookie }), { id: String(eventId) });
const notificationsOf = (kind: string, url: string) => db.selectFrom("notification").select("member_id").where("kind", "=", kind).where("url", "like", `${url}%`).execute().then((rows) => rows.map((r) => Number(r.member_id)).sort((a, b) => a - b));
const optionsOf = (eventId: number) => db.selectFrom("event_date_option").selectAll().where("event_id", "=", eventId).orderBy("starts_at").execute();
const eventRow = (eventId: number) => db.selectFrom("event").selectAll().where("id", "=", eventId).executeTakeFirstOrThrow();

/** "D M YYYY" for a day this many days ahead (the form's own format). */
function dayAhead(days: number) {
  const d = new Date(Date.now() + days * DAY);
  return `${d.getUTCDate()} ${d.getUTCMonth() + 1} ${d.getUTCFullYear()}`;
}
const THREE_DATES = { intent: "offer", date1: dayAhead(30), start1: "10:00", end1: "12:00", date2: dayAhead(31), start2: "18:30", end2: "20:00", date3: dayAhead(32), start3: "14:00", end3: "16:00" };

/** A campaign's draft event with two followers, an outsider, and the campaign's lead as host. */
async function draftCampaignEvent() {
  const lead = await signedInMember(db);
  const campaignId = await createRunningCampaign(db, lead.id);
  const created = await createEvent(db, { id: lead.id, isAdmin: false, isModerator: false }, eventInput({ host: `campaign:${campaignId}` }));
  if (!created.ok) throw new Error(created.reason);
  const [first, second] = [await createFollower(db, `campaign:${campaignId}`), await createFollower(db, `campaign:${campaignId}`)];
  const { cookie: firstCookie } = await signIn(first.id);
  const { cookie: secondCookie } = await signIn(second.id);
  const outsider = await signedInMember(db);
  return { eventId: created.id, campaignId, host: lead, first: { ...first, displayName: await nameOf(first.id), cookie: firstCookie }, second: { ...second, displayName: await nameOf(second.id), cookie: secondCookie }, outsider };
}

const nameOf = async (id: number) => (await db.selectFrom("member").select("display_name").where("id", "=", id).executeTakeFirstOrThrow()).display_name;

async function signIn(memberId: number) {
  const setCookie = await startSession(db, memberId, new Request("http://localhost/"));
  return { cookie: setCookie.split(";")[0]! };
}

async function withPoll() {
  const people = await draftCampaignEvent();
  const offered = await post(people.eventId, THREE_DATES, people.host.cookie);
  expect(offered.status).toBe(302);
  const options = await optionsOf(people.eventId);
  return { ...people, options: options.map((o) => ({ ...o, id: Number(o.id) })) };
}

const answers = (options: Array<{ id: number }>, values: string[]) => ({ intent: "answer", ...Object.fromEntries(options.map((o, i) => [`answer-${o.id}`, values[i]!])) });

describe("offering dates", () => {
  it("lets only hosts offer, refuses bad rows with the typed values kept, and tells everyone invited", async () => {
    const { eventId, host, first, second, outsider, campaignId } = await draftCampaignEvent();
    expect((await open(eventId, outsider.cookie)).status).toBe(404);
    expect((await post(eventId, THREE_DATES, outsider.cookie)).status).toBe(404);
    expect((await open(eventId)).status).toBe(302);

    const one = await post(eventId, { intent: "offer", date1: dayAhead(30), start1: "10:00", end1: "12:00" }, host.cookie);
    expect(one.status).toBe(400);
    expect(one.data.errors.date2).toBe("Offer at least two dates and times");
    expect(one.data.values.date1).toBe(dayAhead(30));

    const bad = await post(eventId, { intent: "offer", date1: "31 2 2027", start1: "25:00", end1: "10:00", date2: dayAhead(31), start2: "12:00", end2: "11:00" }, host.cookie);
    expect(bad.status).toBe(400);
    expect(bad.data.errors.date1).toMatch(/real date/);
    expect(bad.data.errors.start1).toMatch(/24-hour clock/);
    expect(bad.data.errors.end2).toMatch(/after the start/);
    expect(bad.data.values.start2).toBe("12:00");

    const huge = await post(eventId, { ...THREE_DATES, date3: "x".repeat(100_000) }, host.cookie);
    expect(huge.status).toBe(400);
    expect(huge.data.errors.date3).toBeTruthy();
    expect(String(huge.data.values.date3).length).toBeLessThanOrEqual(40);

    const past = await post(eventId, { intent: "offer", date1: dayAhead(-3), start1: "10:00", end1: "12:00", date2: dayAhead(31), start2: "10:00", end2: "12:00", date4: dayAhead(31), start4: "10:00", end4: "12:00" }, host.cookie);
    expect(past.data.errors.date1).toMatch(/future/);
    expect(past.data.errors.date4).toMatch(/already/);
    expect(await optionsOf(eventId)).toHaveLength(0);

    const offered = await post(eventId, THREE_DATES, host.cookie);
    expect(offered.status).toBe(302);
    expect(await optionsOf(eventId)).toHaveLength(3);
    const told = await notificationsOf("event_date_poll", `/events/${eventId}/dates`);
    expect(told).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(told).not.toContain(outsider.id);
    expect(told).not.toContain(host.id);
    const invitees = await db.selectFrom("event_date_invitee").select("member_id").where("event_id", "=", eventId).execute();
    const followers = await db.selectFrom("follow").select("member_id").where("subject", "=", `campaign:${campaignId}`).execute();
    expect(invitees.map((r) => Number(r.member_id)).sort()).toEqual([...new Set([...followers.map((r) => Number(r.member_id)), host.id])].sort());

    // One poll per event.
    expect((await post(eventId, THREE_DATES, host.cookie)).status).toBe(409);
  });

  it("refuses a poll for a published event", async () => {
    const admin = await signedInMember(db, { roles: ["admin"] });
    const { eventId } = await createPublishedEvent(db, {}, admin.id);
    const refused = await post(eventId, THREE_DATES, admin.cookie);
    expect(refused.status).toBe(409);
    expect(refused.data.errors.form).toMatch(/Only a draft/);
  });
});

describe("answering", () => {
  it("lets invitees answer and change their answers; outsiders get 404; names reach hosts only", async () => {
    const { eventId, host, first, second, outsider, options } = await withPoll();
    expect((await open(eventId, outsider.cookie)).status).toBe(404);
    expect((await post(eventId, answers(options, ["yes", "yes", "yes"]), outsider.cookie)).status).toBe(404);
    // A host of this campaign who is not invited... is invited (they opened it), so an admin from elsewhere:
    const admin = await signedInMember(db, { roles: ["admin"] });
    expect((await post(eventId, answers(options, ["yes", "yes", "yes"]), admin.cookie)).status).toBe(400);

    expect((await post(eventId, answers(options, ["yes", "if_need_be", "no"]), first.cookie)).status).toBe(302);
    expect((await post(eventId, answers(options, ["no", "yes", "no"]), second.cookie)).status).toBe(302);
    expect((await post(eventId, answers(options, ["yes", "no", "if_need_be"]), first.cookie)).status).toBe(302);
    const rows = await db.selectFrom("event_date_answer").selectAll().where("member_id", "=", first.id).orderBy("option_id").execute();
    expect(rows.map((r) => r.answer)).toEqual(["yes", "no", "if_need_be"]);

    const seenByInvitee = await open(eventId, first.cookie);
    expect(seenByInvitee.status).toBe(200);
    expect(seenByInvitee.data.people).toBeNull();
    expect(JSON.stringify(seenByInvitee.data)).not.toContain(second.displayName);
    expect(seenByInvitee.data.mine[options[0]!.id]).toBe("yes");
    expect(seenByInvitee.data.poll.options.map((o: { tally: unknown }) => o.tally)).toEqual([
      { yes: 1, ifNeedBe: 0, no: 1 },
      { yes: 1, ifNeedBe: 0, no: 1 },
      { yes: 0, ifNeedBe: 1, no: 1 },
    ]);
    const seenByHost = await open(eventId, host.cookie);
    expect(seenByHost.data.people.map((p: { name: string }) => p.name).sort()).toEqual([first.displayName, second.displayName].sort());
    // Their answers are theirs: in their data download, and nobody else's.
    expect((await listMemberContributions(db, first.id)).eventDateAnswers.map((a) => a.answer)).toEqual(["yes", "no", "if_need_be"]);
    expect((await listMemberContributions(db, outsider.id)).eventDateAnswers).toEqual([]);
  });

  it("refuses unknown options, forged values, missing and huge answers", async () => {
    const { eventId, first, options } = await withPoll();
    const other = await withPoll();
    // An option of another poll, or one that does not exist: a tampered form.
    expect((await post(eventId, { ...answers(options, ["yes", "yes", "yes"]), [`answer-${other.options[0]!.id}`]: "yes" }, first.cookie)).status).toBe(400);
    expect((await post(eventId, { ...answers(options, ["yes", "yes", "yes"]), "answer-99999999": "yes" }, first.cookie)).status).toBe(400);

    const forged = await post(eventId, answers(options, ["maybe", "yes", "x".repeat(100_000)]), first.cookie);
    expect(forged.status).toBe(400);
    expect(forged.data.errors[`answer-${options[0]!.id}`]).toMatch(/Choose yes, if need be or no/);
    expect(forged.data.errors[`answer-${options[2]!.id}`]).toMatch(/Choose yes, if need be or no/);
    expect(forged.data.values[`answer-${options[1]!.id}`]).toBe("yes");
    expect(JSON.stringify(forged.data).length).toBeLessThan(5_000);

    const missing = await post(eventId, { intent: "answer", [`answer-${options[0]!.id}`]: "yes" }, first.cookie);
    expect(missing.status).toBe(400);
    expect(missing.data.errors[`answer-${options[1]!.id}`]).toBeTruthy();
    expect(await db.selectFrom("event_date_answer").selectAll().where("member_id", "=", first.id).execute()).toHaveLength(0);
  });
});

describe("picking the date", () => {
  it("sets the event's times, bumps SEQUENCE, tells everyone who answered and nobody else, and closes the poll", async () => {
    const { eventId, host, first, second, outsider, options } = await withPoll();
    const silent = (await db.selectFrom("event_date_invitee").select("member_id").where("event_id", "=", eventId).execute()).map((r) => Number(r.member_id)).filter((id) => ![first.id, second.id, host.id].includes(id));
    await post(eventId, answers(options, ["yes", "no", "no"]), first.cookie);
    await post(eventId, answers(options, ["if_need_be", "yes", "no"]), second.cookie);
    const before = await eventRow(eventId);

    expect((await post(eventId, { intent: "pick", option: "abc" }, host.cookie)).status).toBe(400);
    expect((await post(eventId, { intent: "pick", option: "99999999" }, host.cookie)).data.errors.option).toMatch(/Choose one of the dates/);
    expect((await post(eventId, { intent: "pick", option: String(options[0]!.id) }, first.cookie)).status).toBe(400);

    const picked = await post(eventId, { intent: "pick", option: String(options[0]!.id) }, host.cookie);
    expect(picked.status).toBe(302);
    expect(picked.location).toBe(`/events/${eventId}`);
    const after = await eventRow(eventId);
    expect(new Date(after.starts_at).getTime()).toBe(new Date(options[0]!.starts_at).getTime());
    expect(new Date(after.ends_at).getTime()).toBe(new Date(options[0]!.ends_at).getTime());
    expect(new Date(after.registration_closes_at).getTime()).toBe(new Date(options[0]!.starts_at).getTime());
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.status).toBe("draft");

    const told = await notificationsOf("event_date_chosen", `/events/${eventId}/dates`);
    expect(told).toEqual([first.id, second.id].sort((a, b) => a - b));
    for (const id of [...silent, outsider.id, host.id]) expect(told).not.toContain(id);
    const mail = await db.selectFrom("email").select(["props"]).where("to_address", "=", first.email!.toLowerCase()).where("template", "=", "Notification").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(JSON.stringify(mail.props)).toContain(`/events/${eventId}/dates`);

    // Closed: answers and second picks are refused.
    const late = await post(eventId, answers(options, ["no", "no", "no"]), first.cookie);
    expect(late.status).toBe(409);
    expect(late.data.errors.form).toMatch(/already chosen/);
    expect((await post(eventId, { intent: "pick", option: String(options[1]!.id) }, host.cookie)).status).toBe(409);
    expect((await open(eventId, first.cookie)).data.poll.chosen).toMatch(/10:00/);
  });

  it("publishes in the same step when asked, and the link then opens the event", async () => {
    const { eventId, host, first, options } = await withPoll();
    await post(eventId, answers(options, ["yes", "yes", "yes"]), first.cookie);
    const picked = await post(eventId, { intent: "pick", option: String(options[1]!.id), publishNow: "yes" }, host.cookie);
    expect(picked.status).toBe(302);
    expect((await eventRow(eventId)).status).toBe("published");
    expect(await notificationsOf("event_date_chosen", `/events/${eventId}`)).toEqual([first.id]);
  });

  it("chooses once when two hosts pick at the same moment", async () => {
    const { eventId, host, first, options } = await withPoll();
    await post(eventId, answers(options, ["yes", "yes", "yes"]), first.cookie);
    const admin = await createMember(db, { roles: ["admin"] });
    const before = await eventRow(eventId);
    const results = await Promise.all([
      chooseDate(db, { id: host.id, isAdmin: false, isModerator: false }, eventId, options[0]!.id, false),
      chooseDate(db, { id: admin.id, isAdmin: true, isModerator: false }, eventId, options[2]!.id, false),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "closed" }]);
    const poll = await db.selectFrom("event_date_poll").selectAll().where("event_id", "=", eventId).executeTakeFirstOrThrow();
    const winner = options.find((o) => o.id === Number(poll.chosen_option_id))!;
    const after = await eventRow(eventId);
    expect(new Date(after.starts_at).getTime()).toBe(new Date(winner.starts_at).getTime());
    expect(after.sequence).toBe(before.sequence + 1);
    expect(await notificationsOf("event_date_chosen", `/events/${eventId}/dates`)).toEqual([first.id]);
  });
});
