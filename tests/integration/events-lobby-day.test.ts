import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as eventAction, loader as eventLoader } from "../../app/routes/events.$id/route";
import { loader as listLoader } from "../../app/routes/events._index";
import { action as newAction, loader as newLoader } from "../../app/routes/events.new";
import { loader as campaignLoader } from "../../app/routes/campaigns.$id";
import { loader as demandLoader } from "../../app/routes/demands.$id/route";
import { addEventMeeting, addOutcome, createEvent, publishEvent, registerMember } from "../../app/services/event.server";
import { createMember, createOrganisation, createRunningCampaign, createTarget, eventInput, signedInMember } from "../support/builders";
import { call, request } from "./http";

const HOUR = 3_600_000;
const NO_NEEDS = { needs: [], dietary: null, otherNeeds: null, expert: false, travel: false };
const open = (eventId: number, cookie?: string) => call(eventLoader, request(`/events/${eventId}`, { cookie }), { id: String(eventId) });
const post = (eventId: number, form: Record<string, string>, cookie?: string) => call(eventAction, request(`/events/${eventId}`, { form, cookie }), { id: String(eventId) });
const actor = (id: number) => ({ id, isAdmin: false, isModerator: false });

const LOCAL_FORM = {
  title: "Leeds: meet your MP",
  purpose: "We prepare together, then go to the surgery.",
  audience: "Anyone in Leeds",
  kind: "meeting",
  format: "in_person",
  address: "Leeds Civic Hall",
  region: "Yorkshire and the Humber",
  startDate: "6 3 2030",
  startTime: "10:30",
  endTime: "12:30",
  timeZone: "Europe/London",
  visibility: "public",
};

/** A running campaign with its organiser (signed in) and a published lobby day it hosts. */
async function lobbyDay() {
  const organiser = await signedInMember(db);
  const campaignId = await createRunningCampaign(db, organiser.id);
  const made = await createEvent(db, actor(organiser.id), eventInput({ host: `campaign:${campaignId}`, kind: "lobby_day", title: "Crisis houses lobby day", startsAt: new Date(Date.now() + 30 * 24 * HOUR) }));
  if (!made.ok) throw new Error(made.reason);
  await publishEvent(db, made.id);
  return { organiser, campaignId, lobbyDayId: made.id };
}

async function localEvent(hostId: number, host: string, lobbyDayId: number, region: string, capacity: number | null = null) {
  const made = await createEvent(db, actor(hostId), eventInput({ host, region, capacity, format: "in_person", address: "A hall", joinUrl: null, startsAt: new Date(Date.now() + 30 * 24 * HOUR) }), lobbyDayId);
  if (!made.ok) throw new Error(made.reason);
  await publishEvent(db, made.id);
  return made.id;
}

describe("creating a lobby day and its local events", () => {
  it("lets a campaign's organisers create a lobby day hosted by the campaign, and nobody else", async () => {
    const { organiser, campaignId } = await lobbyDay();
    const form = { ...LOCAL_FORM, kind: "lobby_day", host: `campaign:${campaignId}`, title: "Our lobby day" };
    const created = await call(newAction, request("/events/new", { form, cookie: organiser.cookie }));
    expect(created.status).toBe(302);
    const outsider = await signedInMember(db);
    const orgId = (await createOrganisation(db, { adminId: outsider.id })).id;
    expect((await call(newAction, request("/events/new", { form, cookie: outsider.cookie }))).data.errors.host).toBe("Choose who is hosting the event from the list");
    // A lobby day is the campaign's: an organisation cannot host one.
    const asOrg = await call(newAction, request("/events/new", { form: { ...form, host: `organisation:${orgId}` }, cookie: outsider.cookie }));
    expect(asOrg.status).toBe(400);
    expect(asOrg.data.errors.host).toMatch(/hosted by its campaign/);
    expect(asOrg.data.values.title).toBe("Our lobby day");
  });

  it("lets anyone who may host add a local event with their own host, prefilling the lobby day", async () => {
    const { lobbyDayId } = await lobbyDay();
    const orgAdmin = await signedInMember(db);
    const orgId = (await createOrganisation(db, { adminId: orgAdmin.id })).id;
    const page = await open(lobbyDayId, orgAdmin.cookie);
    expect(page.data.lobby.kind).toBe("lobby-day");
    expect(page.data.lobby.mayAdd).toBe(true);
    const form = await call(newLoader, request(`/events/new?parent=${lobbyDayId}`, { cookie: orgAdmin.cookie }));
    expect(form.data.parent).toMatchObject({ id: lobbyDayId, title: "Crisis houses lobby day" });
    const saved = await call(newAction, request("/events/new", { form: { ...LOCAL_FORM, host: `organisation:${orgId}`, parent: String(lobbyDayId) }, cookie: orgAdmin.cookie }));
    expect(saved.status).toBe(302);
    const id = Number(saved.location!.split("/").pop());
    const row = await db.selectFrom("event").select(["parent_id", "host_kind", "organisation_id", "region"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ parent_id: lobbyDayId, host_kind: "organisation", organisation_id: orgId, region: "Yorkshire and the Humber" });
    // A member who hosts nothing sees no link and cannot add one.
    const member = await signedInMember(db);
    expect((await open(lobbyDayId, member.cookie)).data.lobby.mayAdd).toBe(false);
    expect((await call(newLoader, request(`/events/new?parent=${lobbyDayId}`, { cookie: member.cookie }))).status).toBe(403);
  });

  it("refuses a local event under anything but a published lobby day, a lobby day as a local event, and one without a region", async () => {
    const { organiser, campaignId, lobbyDayId } = await lobbyDay();
    const host = `campaign:${campaignId}`;
    const meeting = await createEvent(db, actor(organiser.id), eventInput({ host }));
    if (!meeting.ok) throw new Error(meeting.reason);
    // Not a lobby day, or a local event itself (one level only), or not there at all: 404.
    const local = await localEvent(organiser.id, host, lobbyDayId, "London");
    for (const parent of [String(meeting.id), String(local), "999999999", "abc", "1;drop table event"]) {
      expect((await call(newLoader, request(`/events/new?parent=${encodeURIComponent(parent)}`, { cookie: organiser.cookie }))).status).toBe(404);
      expect((await call(newAction, request("/events/new", { form: { ...LOCAL_FORM, host, parent }, cookie: organiser.cookie }))).status).toBe(404);
    }
    expect(await createEvent(db, actor(organiser.id), eventInput({ host, region: "London" }), local)).toEqual({ ok: false, reason: "parent" });
    const nested = await call(newAction, request("/events/new", { form: { ...LOCAL_FORM, host, kind: "lobby_day", parent: String(lobbyDayId) }, cookie: organiser.cookie }));
    expect(nested.data.errors.kind).toMatch(/cannot be a lobby day itself/);
    const noRegion = await call(newAction, request("/events/new", { form: { ...LOCAL_FORM, host, region: "", parent: String(lobbyDayId) }, cookie: organiser.cookie }));
    expect(noRegion.data.errors.region).toMatch(/Choose the region/);
    // Hostile text stays text and is refused by the field.
    const hostile = await call(newAction, request("/events/new", { form: { ...LOCAL_FORM, host, region: "<script>alert(1)</script>", title: "x".repeat(151), parent: String(lobbyDayId) }, cookie: organiser.cookie }));
    expect(hostile.status).toBe(400);
    expect(Object.keys(hostile.data.errors).sort()).toEqual(["region", "title"]);
  });

  it("never lets an event be its own parent or nest deeper than one level, even past the service", async () => {
    const { organiser, campaignId, lobbyDayId } = await lobbyDay();
    const local = await localEvent(organiser.id, `campaign:${campaignId}`, lobbyDayId, "London");
    await expect(db.updateTable("event").set({ parent_id: lobbyDayId }).where("id", "=", lobbyDayId).execute()).rejects.toThrow();
    const other = await createEvent(db, actor(organiser.id), eventInput({ host: `campaign:${campaignId}` }));
    if (!other.ok) throw new Error(other.reason);
    await expect(db.updateTable("event").set({ parent_id: local }).where("id", "=", other.id).execute()).rejects.toThrow(/one level deep/);
    await expect(db.updateTable("event").set({ parent_id: other.id }).where("id", "=", lobbyDayId).execute()).rejects.toThrow(/one level deep/);
  });
});

describe("the lobby day's page", () => {
  it("lists local events by region with totals of people registered and meetings booked that match a recount", async () => {
    const { organiser, campaignId, lobbyDayId } = await lobbyDay();
    const host = `campaign:${campaignId}`;
    const [leeds, sheffield, bristol] = [await localEvent(organiser.id, host, lobbyDayId, "Yorkshire and the Humber", 2), await localEvent(organiser.id, host, lobbyDayId, "Yorkshire and the Humber"), await localEvent(organiser.id, host, lobbyDayId, "South West")];
    // A draft local event is not counted.
    await createEvent(db, actor(organiser.id), eventInput({ host, region: "South West" }), lobbyDayId);
    for (const [eventId, people] of [[leeds, 3], [sheffield, 2], [bristol, 1]] as const) {
      for (let i = 0; i < people; i++) await registerMember(db, eventId!, { id: (await createMember(db)).id }, NO_NEEDS);
    }
    const [mp, councillor] = [await createTarget(db, organiser.id, { areas: "LS" }), await createTarget(db, organiser.id, { areas: "S" })];
    await addEventMeeting(db, actor(organiser.id), { id: leeds!, parent_id: lobbyDayId }, mp.id);
    await addEventMeeting(db, actor(organiser.id), { id: sheffield!, parent_id: lobbyDayId }, councillor.id);
    await addEventMeeting(db, actor(organiser.id), { id: bristol!, parent_id: lobbyDayId }, mp.id);
    const page = await open(lobbyDayId);
    const recount = await db
      .selectFrom("event as e")
      .select("e.region")
      .select((eb) => [
        eb.selectFrom("event_registration as r").innerJoin("event as x", "x.id", "r.event_id").select((s) => s.fn.countAll<number>().as("n")).whereRef("x.region", "=", "e.region").where("x.parent_id", "=", lobbyDayId).where("x.status", "=", "published").where("r.status", "=", "registered").as("registered"),
        eb.selectFrom("event_meeting as m").innerJoin("event as x", "x.id", "m.event_id").select((s) => s.fn.countAll<number>().as("n")).whereRef("x.region", "=", "e.region").where("x.parent_id", "=", lobbyDayId).where("x.status", "=", "published").as("meetings"),
      ])
      .where("e.parent_id", "=", lobbyDayId)
      .where("e.status", "=", "published")
      .groupBy("e.region")
      .orderBy("e.region")
      .execute();
    expect(page.data.lobby.totals.map((t: { region: string; registered: number; meetings: number }) => ({ region: t.region, registered: t.registered, meetings: t.meetings }))).toEqual(recount.map((r) => ({ region: r.region, registered: Number(r.registered), meetings: Number(r.meetings) })));
    expect(page.data.lobby.totals).toEqual([
      { region: "South West", events: 1, registered: 1, meetings: 1 },
      { region: "Yorkshire and the Humber", events: 2, registered: 4, meetings: 2 },
    ]);
    expect(page.data.lobby.localEvents.map((e: { id: number }) => e.id)).toEqual([bristol, leeds, sheffield]);
    // The local event names its lobby day, and /events lists it with the lobby day named.
    expect((await open(leeds!)).data.lobby.parent).toEqual({ id: lobbyDayId, title: "Crisis houses lobby day" });
    const list = await call(listLoader, request("/events?region=South%20West"));
    expect(list.data.events.find((e: { id: number }) => e.id === bristol)).toMatchObject({ parent_id: lobbyDayId, lobby_day_title: "Crisis houses lobby day" });
    // The campaign page links its lobby day.
    const campaign = await call(campaignLoader, request(`/campaigns/${campaignId}`), { id: String(campaignId) });
    expect(campaign.data.lobbyDays.map((l: { id: number }) => l.id)).toEqual([lobbyDayId]);
  });

  it("lets only a local event's hosts record meetings with decision makers, and refuses bad choices", async () => {
    const { organiser, campaignId, lobbyDayId } = await lobbyDay();
    const local = await localEvent(organiser.id, `campaign:${campaignId}`, lobbyDayId, "London");
    const target = await createTarget(db, organiser.id, { areas: "E" });
    const hostPage = await open(local, organiser.cookie);
    expect(hostPage.data.lobby.choices.some((c: { value: string }) => c.value === String(target.id))).toBe(true);
    const visitor = await open(local);
    expect(visitor.data.lobby.choices).toBeNull();
    const member = await signedInMember(db);
    expect((await post(local, { intent: "add-meeting", target: String(target.id) }, member.cookie)).status).toBe(403);
    for (const bad of ["", "abc", "999999999", "<b>1</b>"]) {
      const refused = await post(local, { intent: "add-meeting", target: bad }, organiser.cookie);
      expect(refused.status).toBe(400);
      expect(refused.data.errors.target).toMatch(/Choose the decision maker/);
    }
    expect((await post(local, { intent: "add-meeting", target: String(target.id) }, organiser.cookie)).status).toBe(302);
    expect((await open(local)).data.lobby.meetings.map((m: { id: number }) => m.id)).toEqual([target.id]);
    // Only local events record meetings.
    expect(await addEventMeeting(db, actor(organiser.id), { id: lobbyDayId, parent_id: null }, target.id)).toEqual({ ok: false, reason: "not-local" });
    expect((await post(local, { intent: "remove-meeting", target: String(target.id) }, organiser.cookie)).status).toBe(302);
    expect((await open(local)).data.lobby.meetings).toEqual([]);
  });
});

describe("proposed at", () => {
  it("shows the events whose notes link a demand, its amendments or a campaign, on their pages, published events only", async () => {
    const { organiser, campaignId } = await lobbyDay();
    const { demand_id: demandId } = await db.selectFrom("campaign").select("demand_id").where("id", "=", campaignId).executeTakeFirstOrThrow();
    const admin = { ...(await createMember(db, { roles: ["admin"] })), isAdmin: true, isModerator: false };
    const march = await createEvent(db, admin, eventInput({ title: "The March assembly", startsAt: new Date(Date.UTC(2026, 2, 14, 10)) }));
    const draft = await createEvent(db, admin, eventInput({ title: "A draft meeting" }));
    if (!march.ok || !draft.ok) throw new Error("events");
    await publishEvent(db, march.id);
    await addOutcome(db, march.id, { kind: "demand", id: demandId }, "Drafted in the afternoon session");
    await addOutcome(db, march.id, { kind: "campaign", id: campaignId }, null);
    await addOutcome(db, draft.id, { kind: "demand", id: demandId }, null);
    const demand = await call(demandLoader, request(`/demands/${demandId}`), { id: String(demandId) });
    expect(demand.data.proposedAt).toEqual([{ id: expect.any(Number), eventId: march.id, eventTitle: "The March assembly", date: "Saturday 14 March 2026", note: "Drafted in the afternoon session", amendment: false }]);
    const campaign = await call(campaignLoader, request(`/campaigns/${campaignId}`, { cookie: organiser.cookie }), { id: String(campaignId) });
    expect(campaign.data.proposedAt).toEqual([{ id: expect.any(Number), eventId: march.id, eventTitle: "The March assembly", date: "Saturday 14 March 2026", note: null, amendment: false }]);
  });
});
