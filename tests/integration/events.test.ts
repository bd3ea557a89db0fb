import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as eventAction, loader as eventLoader } from "../../app/routes/events.$id/route";
import { loader as listLoader } from "../../app/routes/events._index";
import { action as newAction, loader as newLoader } from "../../app/routes/events.new";
import { action as editAction } from "../../app/routes/events.$id_.edit";
import { action as registrationsAction, loader as registrationsLoader } from "../../app/routes/events.$id_.registrations";
import { loader as registrationsCsv } from "../../app/routes/events.$id_.registrations[.]csv";
import { loader as paymentsCsv } from "../../app/routes/events.$id_.payments[.]csv";
import { loader as icsLoader } from "../../app/routes/events.$id_.calendar[.]ics";
import { loader as feedLoader } from "../../app/routes/events.feed.$token";
import { action as confirmAction, loader as confirmLoader } from "../../app/routes/events.$id_.confirm.$token";
import { action as cancelLinkAction } from "../../app/routes/events.$id_.cancel.$token";
import { action as notesAction } from "../../app/routes/events.$id_.notes";
import { loader as downloadLoader } from "../../app/routes/settings_.data_.download";
import { cancelMemberRegistration, calendarFeedToken, deleteExpiredAccessNeeds, newCalendarFeedAddress, registerMember, sendEventReminders, updateEvent } from "../../app/services/event.server";
import { deleteAccount } from "../../app/services/account.server";
import { readFlash } from "../../app/utils/flash.server";
import { createDemand, createMember, createPublishedEvent, eventInput, runFanOuts, signedInMember, unique } from "../support/builders";
import { call, cookieFrom, request } from "./http";

const HOUR = 3_600_000;
const NO_NEEDS = { needs: [], dietary: null, otherNeeds: null, expert: false, travel: false };
const flashOf = async (outcome: { setCookies: string[] }) => (await readFlash(request("/", { cookie: cookieFrom(outcome.setCookies) }))).flash;
const registrationsOf = (eventId: number) => db.selectFrom("event_registration").selectAll().where("event_id", "=", eventId).orderBy("id").execute();
const eventRow = (eventId: number) => db.selectFrom("event").selectAll().where("id", "=", eventId).executeTakeFirstOrThrow();
const emailsTo = (address: string) => db.selectFrom("email").select(["template", "props", "to_address"]).where("to_address", "=", address.toLowerCase()).orderBy("id").execute();
const open = (eventId: number, cookie?: string) => call(eventLoader, request(`/events/${eventId}`, { cookie }), { id: String(eventId) });
const post = (eventId: number, form: Record<string, string | string[]>, cookie?: string, ip?: string) => call(eventAction, request(`/events/${eventId}`, { form, cookie }), { id: String(eventId) }, ip);

const GOOD_FORM = {
  host: "coalition",
  title: "Members' assembly",
  purpose: "To agree the coalition's priorities for next year.\n\nBring your ideas.",
  audience: "All members",
  kind: "assembly",
  format: "hybrid",
  address: "Friends Meeting House\n173 Euston Road\nLondon",
  accessNotes: "Step-free entrance on Euston Road.",
  joinUrl: "https://meet.example.org/assembly",
  region: "London",
  startDate: "6 3 2027",
  startTime: "10:30",
  endTime: "16:00",
  timeZone: "Europe/London",
  capacity: "40",
  visibility: "public",
  payment: "25",
  travelExpenses: "yes",
};

describe("creating an event", () => {
  it("sends visitors to sign in and refuses members who host nothing", async () => {
    const anonymous = await call(newLoader, request("/events/new"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/sign-in/);
    const member = await signedInMember(db);
    expect((await call(newLoader, request("/events/new", { cookie: member.cookie }))).status).toBe(403);
    expect((await call(newAction, request("/events/new", { form: GOOD_FORM, cookie: member.cookie }))).status).toBe(403);
  });

  it("explains every missing field by name and keeps what was typed", async () => {
    const admin = await signedInMember(db, { roles: ["admin"] });
    const refused = await call(newAction, request("/events/new", { form: { host: "coalition", title: "Kept title", format: "in_person" }, cookie: admin.cookie }));
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toMatchObject({ purpose: "Say what the event is for", audience: "Say who the event is for", kind: "Choose what kind of event it is", startDate: "Enter the date the event starts", startTime: "Enter the time the event starts", endTime: "Enter the time the event ends" });
    expect(refused.data.values.title).toBe("Kept title");
  });

  it("refuses an end before the start, an address missing for an in-person event, and a time the clocks skip", async () => {
    const admin = await signedInMember(db, { roles: ["admin"] });
    const backwards = await call(newAction, request("/events/new", { form: { ...GOOD_FORM, endTime: "09:00" }, cookie: admin.cookie }));
    expect(backwards.data.errors.endTime).toMatch(/must end after it starts/);
    const noAddress = await call(newAction, request("/events/new", { form: { ...GOOD_FORM, format: "in_person", address: "" }, cookie: admin.cookie }));
    expect(noAddress.data.errors.address).toBe("Enter the address where people meet");
    // 28 March 2027: UK clocks go from 01:00 straight to 02:00.
    const skipped = await call(newAction, request("/events/new", { form: { ...GOOD_FORM, startDate: "28 3 2027", startTime: "01:30", endTime: "03:00" }, cookie: admin.cookie }));
    expect(skipped.data.errors.startTime).toMatch(/does not exist/);
  });

  it("answers hostile input with field messages, never a 500", async () => {
    const admin = await signedInMember(db, { roles: ["admin"] });
    const hostile = await call(newAction, request("/events/new", { form: { ...GOOD_FORM, title: "x".repeat(100_000), purpose: "a\u0000b", capacity: "1e9", payment: "-5", host: "organisation:99999999999999999999", region: "Atlantis", joinUrl: "javascript:alert(1)" }, cookie: admin.cookie }));
    expect(hostile.status).toBe(400);
    expect(hostile.data.errors.title).toBe("Title must be 150 characters or fewer");
    expect(hostile.data.values.title).toHaveLength(150);
    expect(hostile.data.errors).toMatchObject({ capacity: expect.any(String), payment: expect.any(String), host: expect.any(String), region: expect.any(String), joinUrl: expect.any(String) });
    const multibyte = await call(newAction, request("/events/new", { form: { ...GOOD_FORM, title: "Café 🌈 assembly: ünïcödé" }, cookie: admin.cookie }));
    expect(multibyte.status).toBe(302);
  });

  it("saves a draft only its hosts can see, in the event's own time zone, until it is published", async () => {
    const admin = await signedInMember(db, { roles: ["admin"] });
    const made = await call(newAction, request("/events/new", { form: GOOD_FORM, cookie: admin.cookie }));
    expect(made.status).toBe(302);
    const eventId = Number(/\/events\/(\d+)$/.exec(made.location!)![1]);
    const row = await eventRow(eventId);
    expect(row.status).toBe("draft");
    // 6 March is GMT: 10:30 in London is 10:30Z.
    expect(new Date(row.starts_at).toISOString()).toBe("2027-03-06T10:30:00.000Z");
    expect(row.payment_pence).toBe(2500);
    const stranger = await signedInMember(db);
    expect((await open(eventId, stranger.cookie)).status).toBe(404);
    expect((await open(eventId)).status).toBe(404);
    expect((await post(eventId, { intent: "publish" }, stranger.cookie)).status).toBe(404);
    const published = await post(eventId, { intent: "publish" }, admin.cookie);
    expect(published.status).toBe(302);
    expect((await eventRow(eventId)).status).toBe("published");
    const page = await open(eventId);
    expect(page.status).toBe(200);
    expect(page.data.event.when).toBe("Saturday 6 March 2027 at 10:30 GMT to 16:00 GMT");
    const listed = await call(listLoader, request("/events?region=London&format=online"));
    expect(listed.data.events.map((e: { id: number }) => e.id)).toContain(eventId);
  });

  it("lets an organisation's admin host for it, and not for another organisation", async () => {
    const { createOrganisation } = await import("../support/builders");
    const orgAdmin = await signedInMember(db);
    const organisationId = await createOrganisation(db, { adminId: orgAdmin.id }).then((o) => (typeof o === "number" ? o : (o as { id: number }).id));
    const ok = await call(newAction, request("/events/new", { form: { ...GOOD_FORM, host: `organisation:${organisationId}` }, cookie: orgAdmin.cookie }));
    expect(ok.status).toBe(302);
    const other = await createOrganisation(db, { adminId: (await createMember(db)).id }).then((o) => (typeof o === "number" ? o : (o as { id: number }).id));
    const refused = await call(newAction, request("/events/new", { form: { ...GOOD_FORM, host: `organisation:${other}` }, cookie: orgAdmin.cookie }));
    expect(refused.status).toBe(400);
    expect(refused.data.errors.host).toMatch(/Choose who is hosting/);
  });
});

describe("places and the waiting list", () => {
  for (const capacity of [1, 2, 3]) {
    it(`never gives more than ${capacity} place(s) to registrations racing each other`, async () => {
      const { eventId } = await createPublishedEvent(db, { capacity });
      const members = await Promise.all(Array.from({ length: 8 }, () => createMember(db)));
      const results = await Promise.all(members.map((m) => registerMember(db, eventId, m, NO_NEEDS)));
      expect(results.filter((r) => r.ok && r.status === "registered")).toHaveLength(capacity);
      expect(results.filter((r) => r.ok && r.status === "waiting")).toHaveLength(8 - capacity);
      const rows = await registrationsOf(eventId);
      expect(rows.filter((r) => r.status === "registered")).toHaveLength(capacity);
      expect((await eventRow(eventId)).registered_count).toBe(capacity);
    });
  }

  it("moves the longest-waiting person up when someone cancels, in the same transaction, and emails them", async () => {
    const { eventId } = await createPublishedEvent(db, { capacity: 1 });
    const [first, second, third] = await Promise.all([createMember(db), createMember(db), createMember(db)]);
    expect(await registerMember(db, eventId, first, NO_NEEDS)).toEqual({ ok: true, status: "registered" });
    expect(await registerMember(db, eventId, second, NO_NEEDS)).toEqual({ ok: true, status: "waiting" });
    expect(await registerMember(db, eventId, third, NO_NEEDS)).toEqual({ ok: true, status: "waiting" });
    expect(await cancelMemberRegistration(db, eventId, first.id)).toEqual({ ok: true, movedUp: 1 });
    const rows = await registrationsOf(eventId);
    expect(rows.find((r) => r.member_id === second.id)!.status).toBe("registered");
    expect(rows.find((r) => r.member_id === third.id)!.status).toBe("waiting");
    expect((await eventRow(eventId)).registered_count).toBe(1);
    const mail = await emailsTo(second.email);
    expect(mail.map((m) => (m.props as { heading: string }).heading)).toContain("You have a place now");
  });

  it("a member cancels with one button on the page, and their place goes to the next person", async () => {
    const { eventId } = await createPublishedEvent(db, { capacity: 1 });
    const member = await signedInMember(db);
    const waiting = await createMember(db);
    const registered = await post(eventId, { intent: "register" }, member.cookie);
    expect((await flashOf(registered))?.message).toMatch(/You have a place/);
    await registerMember(db, eventId, waiting, NO_NEEDS);
    const cancelled = await post(eventId, { intent: "cancel" }, member.cookie);
    expect((await flashOf(cancelled))?.message).toMatch(/given up your place/);
    expect((await registrationsOf(eventId)).find((r) => r.member_id === waiting.id)!.status).toBe("registered");
  });

  it("closes registration at the deadline", async () => {
    const startsAt = new Date(Date.now() + 48 * HOUR);
    const { eventId } = await createPublishedEvent(db, { startsAt, closesAt: new Date(Date.now() + HOUR) });
    const member = await createMember(db);
    expect(await registerMember(db, eventId, member, NO_NEEDS, new Date(Date.now() + 2 * HOUR))).toEqual({ ok: false, reason: "closed" });
    const signedIn = await signedInMember(db);
    await db.updateTable("event").set({ registration_closes_at: new Date(Date.now() - 1000) }).where("id", "=", eventId).execute();
    const refused = await post(eventId, { intent: "register" }, signedIn.cookie);
    expect(refused.status).toBe(400);
    expect(refused.data.errors.form).toBe("Registration for this event has closed.");
  });

  it("refuses fewer places than are taken, and more places move people up", async () => {
    const { eventId, hostId } = await createPublishedEvent(db, { capacity: 1 });
    const [a, b] = await Promise.all([createMember(db), createMember(db)]);
    await registerMember(db, eventId, a, NO_NEEDS);
    await registerMember(db, eventId, b, NO_NEEDS);
    const row = await eventRow(eventId);
    const host = { id: hostId, isAdmin: true, isModerator: false };
    const input = eventInput({ title: row.title, startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at), capacity: 2 });
    expect(await updateEvent(db, host, eventId, input)).toEqual({ ok: true, changedTimeOrPlace: false });
    expect((await registrationsOf(eventId)).every((r) => r.status === "registered")).toBe(true);
    expect(await updateEvent(db, host, eventId, { ...input, capacity: 1 })).toEqual({ ok: false, reason: "capacity", registered: 2 });
  });
});

describe("registering without an account", () => {
  it("holds no place until the email link's button is pressed, and answers the same for an address already registered", async () => {
    const { eventId } = await createPublishedEvent(db, { capacity: 1 });
    const email = `public-${unique()}@example.org`;
    const sent = await post(eventId, { intent: "register-public", name: "Sam", email }, undefined, `198.51.100.${Math.floor(Math.random() * 200)}`);
    expect(sent.status).toBe(302);
    const flash = (await flashOf(sent))?.message;
    expect(flash).toMatch(/Check your email/);
    expect((await eventRow(eventId)).registered_count).toBe(0);
    const confirmMail = (await emailsTo(email)).find((m) => m.template === "ConfirmEventRegistration")!;
    const token = /\/confirm\/([^/]+)$/.exec((confirmMail.props as { confirmUrl: string }).confirmUrl)![1]!;
    // Opening the link (a mail scanner) confirms nothing.
    const landing = await call(confirmLoader, request(`/events/${eventId}/confirm/${token}`), { id: String(eventId), token });
    expect(landing.data.valid).toBe(true);
    expect((await eventRow(eventId)).registered_count).toBe(0);
    const confirmed = await call(confirmAction, request(`/events/${eventId}/confirm/${token}`, { form: {} }), { id: String(eventId), token });
    expect((await flashOf(confirmed))?.message).toMatch(/Your place is confirmed/);
    expect((await eventRow(eventId)).registered_count).toBe(1);
    // Used once only.
    expect((await call(confirmLoader, request(`/events/${eventId}/confirm/${token}`), { id: String(eventId), token })).data.valid).toBe(false);
    // The same address again: the same answer on the page; the email says they already have a place.
    const again = await post(eventId, { intent: "register-public", name: "Sam", email }, undefined, "198.51.100.7");
    expect((await flashOf(again))?.message).toBe(flash);
    const last = (await emailsTo(email)).at(-1)!;
    expect((last.props as { heading: string }).heading).toBe("You already have a place");
    // The signed cancel link in their email gives the place up.
    const placeMail = (await emailsTo(email)).find((m) => (m.props as { heading?: string }).heading === "You have a place")!;
    const cancelToken = /\/cancel\/([^/]+)$/.exec((placeMail.props as { cancelUrl: string }).cancelUrl)![1]!;
    const forged = await call(cancelLinkAction, request(`/events/${eventId}/cancel/1.abc`, { form: {} }), { id: String(eventId), token: "1.abc" });
    expect((await flashOf(forged))?.kind).toBe("error");
    await call(cancelLinkAction, request(`/events/${eventId}/cancel/${cancelToken}`, { form: {} }), { id: String(eventId), token: cancelToken });
    expect((await eventRow(eventId)).registered_count).toBe(0);
  });

  it("is refused for members-only events and rate-limited per address", async () => {
    const { eventId: membersOnly } = await createPublishedEvent(db, { visibility: "members" });
    const anonymous = await open(membersOnly);
    expect(anonymous.status).toBe(302);
    const { eventId } = await createPublishedEvent(db);
    const email = `busy-${unique()}@example.org`;
    let last;
    for (let i = 0; i < 6; i++) last = await post(eventId, { intent: "register-public", name: "Busy", email }, undefined, `192.0.2.${i}`);
    expect(last!.status).toBe(429);
    expect(last!.data.errors.form).toMatch(/Too many attempts/);
    expect(last!.data.values.email).toBe(email);
  });
});

describe("access needs", () => {
  const SECRET = "I need a seat near the door because of panic attacks";

  it("are seen by hosts only: not in page data, other members' views, emails or notifications", async () => {
    const { eventId, hostId } = await createPublishedEvent(db, { capacity: 10 });
    const member = await signedInMember(db);
    const registered = await post(eventId, { intent: "register", needs: ["quiet_room", "bsl"], otherNeeds: SECRET, dietary: "Vegan" }, member.cookie);
    expect(registered.status).toBe(302);
    for (const viewer of [undefined, member.cookie, (await signedInMember(db)).cookie]) {
      const json = JSON.stringify((await open(eventId, viewer)).data);
      expect(json).not.toContain(SECRET);
      expect(json).not.toContain("quiet_room");
      expect(json).not.toContain("Vegan");
    }
    expect((await open(eventId, member.cookie)).data.registration.toldNeeds).toBe(true);
    const mail = JSON.stringify(await emailsTo(member.email));
    expect(mail).toContain("You told us about access needs");
    expect(mail).not.toContain(SECRET);
    expect(mail).not.toContain("quiet room");
    await runFanOuts(db);
    expect(JSON.stringify(await db.selectFrom("notification").selectAll().where("member_id", "=", member.id).execute())).not.toContain(SECRET);
    // Other members cannot open the hosts' page or export.
    const stranger = await signedInMember(db);
    expect((await call(registrationsLoader, request(`/events/${eventId}/registrations`, { cookie: stranger.cookie }), { id: String(eventId) })).status).toBe(403);
    expect((await call(registrationsCsv, request(`/events/${eventId}/registrations.csv`, { cookie: stranger.cookie }), { id: String(eventId) })).status).toBe(403);
    expect((await call(registrationsCsv, request(`/events/${eventId}/registrations.csv`), { id: String(eventId) })).status).toBe(302);
    // The host sees them.
    const host = await signedInHost(hostId);
    const page = await call(registrationsLoader, request(`/events/${eventId}/registrations`, { cookie: host }), { id: String(eventId) });
    expect(page.data.registrations[0].needs).toEqual(["A British Sign Language (BSL) interpreter", "A quiet room", "Dietary: Vegan", SECRET]);
    const csv = await call(registrationsCsv, request(`/events/${eventId}/registrations.csv`, { cookie: host }), { id: String(eventId) });
    expect(csv.data).toContain(SECRET);
    // The payments export carries none.
    const payments = await call(paymentsCsv, request(`/events/${eventId}/payments.csv`, { cookie: host }), { id: String(eventId) });
    expect(payments.data).not.toContain(SECRET);
    // The member's own data download has them.
    const download = await call(downloadLoader, request("/settings/data/download", { cookie: member.cookie }));
    expect(JSON.stringify(download.data)).toContain(SECRET);
  });

  it("are deleted 30 days after the event, and not before", async () => {
    const startsAt = new Date(Date.now() + HOUR);
    const { eventId } = await createPublishedEvent(db, { startsAt });
    const member = await createMember(db);
    await registerMember(db, eventId, member, { ...NO_NEEDS, needs: ["step_free"] });
    const endsAt = new Date((await eventRow(eventId)).ends_at);
    const needsLeft = () => db.selectFrom("event_access_need").innerJoin("event_registration", "event_registration.id", "event_access_need.registration_id").select("registration_id").where("event_id", "=", eventId).execute();
    await deleteExpiredAccessNeeds(db, new Date(endsAt.getTime() + 29 * 24 * HOUR));
    expect(await needsLeft()).toHaveLength(1);
    await deleteExpiredAccessNeeds(db, new Date(endsAt.getTime() + 30 * 24 * HOUR + 60_000));
    expect(await needsLeft()).toHaveLength(0);
    expect((await eventRow(eventId)).access_needs_deleted_at).not.toBeNull();
  });

  it("go when the member cancels or deletes their account, and the place is freed", async () => {
    const { eventId } = await createPublishedEvent(db, { capacity: 1 });
    const [leaving, waiting] = await Promise.all([createMember(db), createMember(db)]);
    await registerMember(db, eventId, leaving, { ...NO_NEEDS, needs: ["breaks"] });
    await registerMember(db, eventId, waiting, { ...NO_NEEDS, needs: ["captions"] });
    expect(await deleteAccount(db, leaving.id)).toEqual({ ok: true });
    const rows = await registrationsOf(eventId);
    expect(rows.find((r) => r.member_id === leaving.id)!.status).toBe("cancelled");
    expect(rows.find((r) => r.member_id === waiting.id)!.status).toBe("registered");
    const needs = await db.selectFrom("event_access_need").select("registration_id").where("registration_id", "in", rows.map((r) => r.id)).execute();
    expect(needs.map((n) => n.registration_id)).toEqual([rows.find((r) => r.member_id === waiting.id)!.id]);
  });
});

/** A session for an existing member (the builders' host). */
async function signedInHost(memberId: number) {
  const { startSession } = await import("../../app/members/session.server");
  return (await startSession(db, memberId, new Request("http://localhost/"))).split(";")[0]!;
}

describe("the joining link", () => {
  it("is hidden from the page data and the public .ics until the member has a place", async () => {
    const { eventId } = await createPublishedEvent(db, { capacity: 1 });
    const member = await signedInMember(db);
    const secret = "https://meet.example.org/room-secret-123";
    expect(JSON.stringify((await open(eventId, member.cookie)).data)).not.toContain(secret);
    expect(JSON.stringify((await open(eventId)).data)).not.toContain(secret);
    const ics = await call(icsLoader, request(`/events/${eventId}/calendar.ics`), { id: String(eventId) });
    expect(ics.data).not.toContain("room-secret");
    // Someone on the waiting list does not get it either.
    const other = await signedInMember(db);
    await registerMember(db, eventId, await createMember(db), NO_NEEDS);
    await post(eventId, { intent: "register" }, other.cookie);
    expect((await open(eventId, other.cookie)).data.registration.status).toBe("waiting");
    expect(JSON.stringify((await open(eventId, other.cookie)).data)).not.toContain(secret);
    // A member with a place sees it, and their private feed carries it.
    const third = await createPublishedEvent(db);
    await post(third.eventId, { intent: "register" }, member.cookie);
    expect((await open(third.eventId, member.cookie)).data.event.joinUrl).toBe(secret);
    const token = await calendarFeedToken(db, member.id);
    const feed = await call(feedLoader, request(`/events/feed/${token}.ics`), { token: `${token}.ics` });
    expect(feed.status).toBe(200);
    expect(unfold(feed.data)).toContain(secret);
  });
});

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("the calendar file", () => {
  it("parses with ical.js and keeps the right instants across the change from BST to GMT", async () => {
    // 31 October 2027: UK clocks go back at 02:00 BST. 22:00 on the 30th is BST (21:00Z); 10:00 on the 31st is GMT.
    const admin = await signedInMember(db, { roles: ["admin"] });
    const title = `Überlegung: café ☕ night-time crisis support, “what 300 people told us”; a long title to fold ${"é".repeat(30)}`;
    const made = await call(newAction, request("/events/new", { form: { ...GOOD_FORM, title, format: "in_person", address: "1 High Street, Leeds; side door", startDate: "30 10 2027", startTime: "22:00", endDate: "31 10 2027", endTime: "10:00", capacity: "", payment: "", travelExpenses: "" }, cookie: admin.cookie }));
    expect(made.status).toBe(302);
    const eventId = Number(/\/events\/(\d+)$/.exec(made.location!)![1]);
    await post(eventId, { intent: "publish" }, admin.cookie);
    const first = await call(icsLoader, request(`/events/${eventId}/calendar.ics`), { id: String(eventId) });
    const text: string = first.data;
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(text.endsWith("\r\n")).toBe(true);
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
    const parsed = new ICAL.Event(vevent);
    expect(parsed.startDate.toJSDate().toISOString()).toBe("2027-10-30T21:00:00.000Z");
    expect(parsed.endDate.toJSDate().toISOString()).toBe("2027-10-31T10:00:00.000Z");
    expect(parsed.summary).toBe(title);
    expect(parsed.location).toBe("1 High Street, Leeds; side door");
    expect(parsed.uid).toBe(`event-${eventId}@localhost`);
    expect(vevent.getFirstPropertyValue("dtstamp")).toBeTruthy();
    const sequence = Number(vevent.getFirstPropertyValue("sequence"));
    // A new title keeps the sequence; a new time bumps it.
    const edit = (form: Record<string, string>) => call(editAction, request(`/events/${eventId}/edit`, { form: { ...GOOD_FORM, title, format: "in_person", address: "1 High Street, Leeds; side door", startDate: "30 10 2027", startTime: "22:00", endDate: "31 10 2027", endTime: "10:00", capacity: "", payment: "", travelExpenses: "", ...form }, cookie: admin.cookie }), { id: String(eventId) });
    expect((await edit({ purpose: "A new purpose." })).status).toBe(302);
    expect((await eventRow(eventId)).sequence).toBe(sequence);
    expect((await edit({ startTime: "23:00" })).status).toBe(302);
    const after = new ICAL.Event(new ICAL.Component(ICAL.parse((await call(icsLoader, request(`/events/${eventId}/calendar.ics`), { id: String(eventId) })).data)).getFirstSubcomponent("vevent")!);
    expect(after.sequence).toBe(sequence + 1);
    expect(after.startDate.toJSDate().toISOString()).toBe("2027-10-30T22:00:00.000Z");
  });

  it("gives each member a private feed address that a new one revokes", async () => {
    const member = await createMember(db);
    const old = await calendarFeedToken(db, member.id);
    expect((await call(feedLoader, request(`/events/feed/${old}.ics`), { token: `${old}.ics` })).status).toBe(200);
    const fresh = await newCalendarFeedAddress(db, member.id);
    expect(fresh).not.toBe(old);
    expect((await call(feedLoader, request(`/events/feed/${old}.ics`), { token: `${old}.ics` })).status).toBe(404);
    expect((await call(feedLoader, request(`/events/feed/${fresh}.ics`), { token: `${fresh}.ics` })).status).toBe(200);
    const forged = fresh.replace(/^\d+/, String(member.id + 1));
    expect((await call(feedLoader, request(`/events/feed/${forged}.ics`), { token: forged })).status).toBe(404);
  });
});

describe("reminders", () => {
  it("go about 24 hours before, once, to members by their preferences and to the public by email", async () => {
    const startsAt = new Date(Date.now() + 3 * 24 * HOUR);
    const { eventId } = await createPublishedEvent(db, { startsAt, capacity: 5 });
    const member = await createMember(db);
    await registerMember(db, eventId, member, { ...NO_NEEDS, needs: ["bsl"] });
    const reminders = () => db.selectFrom("notification").select(["title", "kind"]).where("member_id", "=", member.id).where("kind", "=", "event_reminder").execute();
    await sendEventReminders(db, new Date(startsAt.getTime() - 25 * HOUR));
    await runFanOuts(db);
    expect(await reminders()).toHaveLength(0);
    await sendEventReminders(db, new Date(startsAt.getTime() - 23 * HOUR));
    await runFanOuts(db);
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.title).toMatch(/^Tomorrow: /);
    const mail = (await emailsTo(member.email)).filter((m) => m.template === "Notification");
    expect(mail).toHaveLength(1);
    expect(JSON.stringify(mail)).not.toContain("British Sign Language");
    await sendEventReminders(db, new Date(startsAt.getTime() - 22 * HOUR));
    await runFanOuts(db);
    expect(await reminders()).toHaveLength(1);
  });
});

describe("after the event", () => {
  it("hosts mark who came and see who is owed what, as a list and a CSV with formula cells neutralised", async () => {
    const { eventId, hostId } = await createPublishedEvent(db, { capacity: 10, payment: 2500, travelExpenses: true });
    const [expert, plain, absent] = await Promise.all([createMember(db, { displayName: "=HYPERLINK(\"x\")" }), createMember(db), createMember(db)]);
    await registerMember(db, eventId, expert, { ...NO_NEEDS, expert: true, travel: true });
    await registerMember(db, eventId, plain, NO_NEEDS);
    await registerMember(db, eventId, absent, { ...NO_NEEDS, expert: true });
    const host = await signedInHost(hostId);
    const rows = await registrationsOf(eventId);
    const idOf = (memberId: number) => String(rows.find((r) => r.member_id === memberId)!.id);
    const shown = rows.map((r) => String(r.id));
    const early = await call(registrationsAction, request(`/events/${eventId}/registrations`, { form: { shown, attended: [idOf(expert.id)] }, cookie: host }), { id: String(eventId) });
    expect((await flashOf(early))?.kind).toBe("error");
    await db.updateTable("event").set({ starts_at: new Date(Date.now() - 2 * HOUR), ends_at: new Date(Date.now() - HOUR), registration_closes_at: new Date(Date.now() - 2 * HOUR) }).where("id", "=", eventId).execute();
    await call(registrationsAction, request(`/events/${eventId}/registrations`, { form: { shown, attended: [idOf(expert.id), idOf(plain.id)] }, cookie: host }), { id: String(eventId) });
    const page = await call(registrationsLoader, request(`/events/${eventId}/registrations`, { cookie: host }), { id: String(eventId) });
    expect(page.data.payments).toEqual([{ id: Number(idOf(expert.id)), name: "=HYPERLINK(\"x\")", address: expert.email, amount: "£25", travel: true }]);
    const csv = await call(paymentsCsv, request(`/events/${eventId}/payments.csv`, { cookie: host }), { id: String(eventId) });
    const lines = String(csv.data).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('"25.00","Yes"');
    const stranger = await signedInMember(db);
    expect((await call(paymentsCsv, request(`/events/${eventId}/payments.csv`, { cookie: stranger.cookie }), { id: String(eventId) })).status).toBe(403);
  });

  it("shows the notes, the number who came (never names) and the demands that came out of it", async () => {
    const { eventId, hostId } = await createPublishedEvent(db);
    const host = await signedInHost(hostId);
    const author = await createMember(db);
    const demandId = await createDemand(db, { authorId: author.id });
    const { openConsultation } = await import("../../app/services/demand.server");
    await openConsultation(db, demandId, author.id, new Date(Date.now() + 7 * 24 * HOUR));
    const notes = (form: Record<string, string>) => call(notesAction, request(`/events/${eventId}/notes`, { form, cookie: host }), { id: String(eventId) });
    expect((await notes({ intent: "notes", minutes: "## Decisions\n\n- Propose the housing demand", attendedCount: "24" })).status).toBe(302);
    const refused = await notes({ intent: "outcome", link: "/demands/999999999", note: "" });
    expect(refused.data.errors.link).toMatch(/no published demand/);
    expect(refused.data.values.link).toBe("/demands/999999999");
    expect((await notes({ intent: "outcome", link: `http://localhost:3000/demands/${demandId}`, note: "Proposed at the March assembly" })).status).toBe(302);
    expect((await notes({ intent: "notes", attendedCount: "lots" })).data.errors.attendedCount).toMatch(/whole number/);
    await db.updateTable("event").set({ starts_at: new Date(Date.now() - 2 * HOUR), ends_at: new Date(Date.now() - HOUR), registration_closes_at: new Date(Date.now() - 2 * HOUR) }).where("id", "=", eventId).execute();
    const page = await open(eventId);
    expect(page.data.minutesHtml).toContain("<h3");
    expect(page.data.event.attendedCount).toBe(24);
    expect(page.data.outcomes.map((o: { demand_id: number }) => o.demand_id)).toEqual([demandId]);
    const stranger = await signedInMember(db);
    expect((await call(notesAction, request(`/events/${eventId}/notes`, { form: { intent: "notes", minutes: "x" }, cookie: stranger.cookie }), { id: String(eventId) })).status).toBe(403);
  });
});

describe("addresses that do not exist", () => {
  it("are 404s, not 500s", async () => {
    for (const id of ["0", "abc", "99999999999", "1.5", "１"]) {
      expect((await call(eventLoader, request(`/events/${id}`), { id })).status).toBe(404);
      expect((await call(icsLoader, request(`/events/${id}/calendar.ics`), { id })).status).toBe(404);
    }
    expect((await call(feedLoader, request("/events/feed/nonsense.ics"), { token: "nonsense.ics" })).status).toBe(404);
    const { eventId } = await createPublishedEvent(db);
    expect((await post(eventId, { intent: "nonsense" })).status).toBe(400);
  });
});
