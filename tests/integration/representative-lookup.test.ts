import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../db";
import { createMember, createOpenLetterCampaign, createTarget } from "../support/builders";
import { startParliamentStandIn, type StandInConstituency } from "../support/parliament-stand-in";
import { clearExpiredLookups, findRecipients, lookUpRepresentative, ukParliamentClients, type LookupSettings } from "../../app/services/representative-lookup.server";
import { confirmLetter, dispatchDueLetters, writeLetter } from "../../app/services/letter.server";
import { mergeRepresentative } from "../../app/letters/lookup/merge";
import { parseConstituencySearch, parseContactEmail, parsePostcodeAnswer } from "../../app/letters/lookup/uk-parliament";
import { fullPostcode } from "../../app/letters/rules";
import { reloadEnv } from "../../app/utils/env.server";
import { action as writeAction, loader as writeLoader } from "../../app/routes/letters.$slug";
import { call, latestEmail, request } from "./http";

const DAY = 86_400_000;
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
let nextCode = 1_000;
let standIn: Awaited<ReturnType<typeof startParliamentStandIn>>;
let settings: LookupSettings;

/** A constituency the stand-in knows, with its MP (unless `member: null`) and the postcodes in it. */
function constituency(spec: { name?: string; member?: StandInConstituency["member"] | undefined; email?: string | null } = {}, ...postcodes: string[]) {
  const code = `E1400${nextCode++}`;
  const name = spec.name ?? `Constituency ${unique()}`;
  const c: StandInConstituency = {
    code,
    name,
    id: nextCode,
    member: spec.member === undefined ? { id: 50_000 + nextCode, name: `Member ${unique()}`, party: "Labour", email: spec.email === undefined ? `mp-${unique()}@parliament.example` : spec.email } : spec.member,
  };
  standIn.add(c, ...postcodes);
  return c;
}

beforeAll(async () => {
  standIn = await startParliamentStandIn();
  settings = { provider: "uk-parliament", postcodesUrl: standIn.url, membersUrl: standIn.url, timeoutMs: 2_000 };
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

describe("reading UK Parliament's answers", () => {
  it("takes the constituency's name and ONS code from a postcodes.io answer, and nothing from another shape", () => {
    expect(parsePostcodeAnswer({ status: 200, result: { parliamentary_constituency: "Leeds Central and Headingley", codes: { parliamentary_constituency: "E14001322" } } })).toEqual({ code: "E14001322", name: "Leeds Central and Headingley" });
    expect(parsePostcodeAnswer({ status: 200, result: { parliamentary_constituency: null, codes: {} } })).toBeNull();
    expect(parsePostcodeAnswer("<html>")).toBeNull();
  });

  it("picks the current constituency with exactly the name asked for, not a longer name or an abolished one", () => {
    const member = (id: number, name: string) => ({ member: { value: { id, nameDisplayAs: name, latestParty: { name: "Labour" } } } });
    const answer = {
      items: [
        { value: { id: 1, name: "Leeds Central and Headingley", endDate: null, currentRepresentation: member(11, "Wrong Longer") } },
        { value: { id: 2, name: "Leeds Central", endDate: "2024-05-30T00:00:00", currentRepresentation: null } },
        { value: { id: 3, name: "leeds  central", endDate: null, currentRepresentation: member(33, "Right Member") } },
      ],
    };
    expect(parseConstituencySearch(answer, "Leeds Central")).toEqual({ ok: true, representative: { memberId: 33, name: "Right Member", party: "Labour" } });
    expect(parseConstituencySearch({ items: [] }, "Leeds Central")).toEqual({ ok: true, representative: null });
    expect(parseConstituencySearch({ items: "nope" }, "Leeds Central")).toEqual({ ok: false });
  });

  it("prefers the preferred contact's email, then the Parliamentary office's, and never a web address", () => {
    const contact = (rows: object[]) => ({ value: rows });
    expect(parseContactEmail(contact([{ type: "Constituency office", email: "local@example.org" }, { type: "Parliamentary office", email: "mp@parliament.example" }]))).toEqual({ ok: true, email: "mp@parliament.example" });
    expect(parseContactEmail(contact([{ type: "Constituency office", email: "local@example.org", isPreferred: true }, { type: "Parliamentary office", email: "mp@parliament.example" }]))).toEqual({ ok: true, email: "local@example.org" });
    expect(parseContactEmail(contact([{ type: "Constituency office", email: "local@example.org" }]))).toEqual({ ok: true, email: "local@example.org" });
    expect(parseContactEmail(contact([{ type: "Website", isWebAddress: true, email: "x@example.org" }, { type: "Parliamentary office", email: "" }]))).toEqual({ ok: true, email: null });
    expect(parseContactEmail({ value: null })).toEqual({ ok: false });
  });
});

describe("the clients against the stand-in", () => {
  const clients = (timeoutMs = 2_000) => ukParliamentClients({ postcodesUrl: standIn.url, membersUrl: standIn.url, timeoutMs });

  it("finds a postcode's constituency, then its MP and their email", async () => {
    const c = constituency({}, "LS6 1AN");
    expect(await clients().constituencyFor("LS6 1AN")).toEqual({ ok: true, constituency: { code: c.code, name: c.name } });
    expect(await clients().representativeFor({ code: c.code, name: c.name })).toEqual({ ok: true, representative: { memberId: c.member!.id, name: c.member!.name, party: "Labour", email: c.member!.email } });
    expect(standIn.calls).toEqual(["/postcodes/LS6%201AN", `/api/Location/Constituency/Search?searchText=${encodeURIComponent(c.name)}&skip=0&take=20`, `/api/Members/${c.member!.id}/Contact`]);
  });

  it("says not-found for a postcode the register does not know (404)", async () => {
    expect(await clients().constituencyFor("ZZ9 9ZZ")).toEqual({ ok: false, failure: "not-found", status: 404 });
  });

  it("gives up after its timeout when the API never answers", async () => {
    standIn.misbehave("postcodes", "hang");
    expect(await clients(150).constituencyFor("LS6 1AN")).toEqual({ ok: false, failure: "timeout" });
  });

  it("says bad-status for a server error and malformed for JSON that does not parse", async () => {
    const c = constituency({}, "LS6 2AA");
    standIn.misbehave("postcodes", 500);
    expect(await clients().constituencyFor("LS6 2AA")).toEqual({ ok: false, failure: "bad-status", status: 500 });
    standIn.misbehave("postcodes", "malformed");
    expect(await clients().constituencyFor("LS6 2AA")).toEqual({ ok: false, failure: "malformed" });
    standIn.misbehave("postcodes", null);
    standIn.misbehave("contact", 503);
    expect(await clients().representativeFor(c)).toEqual({ ok: false, failure: "bad-status", status: 503 });
    standIn.misbehave("contact", null);
    standIn.misbehave("search", "malformed");
    expect(await clients().representativeFor(c)).toEqual({ ok: false, failure: "malformed" });
  });

  it("reports a network error when nothing listens", async () => {
    const nowhere = ukParliamentClients({ postcodesUrl: "http://127.0.0.1:9", membersUrl: "http://127.0.0.1:9", timeoutMs: 2_000 });
    expect(await nowhere.constituencyFor("LS6 1AN")).toEqual({ ok: false, failure: "network" });
  });

  it("finds no member for a vacant seat, and no email when Parliament lists none", async () => {
    const vacant = constituency({ member: null });
    expect(await clients().representativeFor(vacant)).toEqual({ ok: true, representative: null });
    const noEmail = constituency({ email: null });
    expect(await clients().representativeFor(noEmail)).toMatchObject({ ok: true, representative: { memberId: noEmail.member!.id, email: null } });
  });
});

describe("the lookup's cache and target row", () => {
  it("records the MP as a target row from the lookup, and answers a second time without calling the APIs", async () => {
    const c = constituency({}, "HX1 1AA", "HX1 1AB");
    const first = await lookUpRepresentative(db, "HX1 1AA", settings);
    expect(first).toMatchObject({ status: "found", constituency: c.name, target: { name: c.member!.name, role: "mp", body: c.name, email: c.member!.email } });
    expect(standIn.calls).toHaveLength(3);
    const row = await db.selectFrom("target").select(["source", "external_id", "areas"]).where("id", "=", first.status === "found" ? first.target.id : 0).executeTakeFirstOrThrow();
    expect(row).toEqual({ source: "uk-parliament", external_id: String(c.member!.id), areas: [] });

    standIn.reset();
    expect(await lookUpRepresentative(db, "HX1 1AA", settings)).toEqual(first);
    expect(standIn.calls).toEqual([]);
    // Another postcode in the same constituency asks only for the postcode.
    expect(await lookUpRepresentative(db, "HX1 1AB", settings)).toEqual(first);
    expect(standIn.calls).toEqual(["/postcodes/HX1%201AB"]);
  });

  it("asks again once an entry expires: the MP after a day, the postcode after 30 days, updating the same target row", async () => {
    const c = constituency({}, "HX2 1AA");
    const first = await lookUpRepresentative(db, "HX2 1AA", settings);
    if (first.status !== "found") throw new Error(first.status);
    // A new address at Parliament: after a day the row follows it.
    c.member!.email = `new-${unique()}@parliament.example`;
    standIn.reset();
    const later = await lookUpRepresentative(db, "HX2 1AA", settings, new Date(Date.now() + 2 * DAY));
    expect(standIn.calls.map((p) => p.split("?")[0])).toEqual(["/api/Location/Constituency/Search", `/api/Members/${c.member!.id}/Contact`]);
    expect(later).toMatchObject({ status: "found", target: { id: first.target.id, email: c.member!.email } });
    expect(await db.selectFrom("target").select("id").where("external_id", "=", String(c.member!.id)).execute()).toHaveLength(1);

    standIn.reset();
    await lookUpRepresentative(db, "HX2 1AA", settings, new Date(Date.now() + 31 * DAY));
    expect(standIn.calls.map((p) => p.split("?")[0])).toEqual(["/postcodes/HX2%201AA", "/api/Location/Constituency/Search", `/api/Members/${c.member!.id}/Contact`]);

    // The nightly sweep clears what has expired (a year on, everything).
    expect(await clearExpiredLookups(db, new Date(Date.now() + 365 * DAY))).toBeGreaterThanOrEqual(2);
    expect(await db.selectFrom("postcode_constituency").select("postcode").where("postcode", "=", "HX2 1AA").execute()).toEqual([]);
  });

  it("uses the directory's row when the directory already lists the MP's address", async () => {
    const actor = await createMember(db);
    const email = `listed-mp-${unique()}@parliament.example`;
    const listed = await createTarget(db, actor.id, { name: "Listed MP", areas: "HX3", email });
    constituency({ email }, "HX3 1AA");
    expect(await lookUpRepresentative(db, "HX3 1AA", settings)).toMatchObject({ status: "found", target: { id: listed.id } });
  });

  it("says what went wrong without caching it: unknown postcode, unavailable, no representative", async () => {
    expect(await lookUpRepresentative(db, "ZZ1 1ZZ", settings)).toEqual({ status: "unknown-postcode" });
    const c = constituency({}, "HX4 1AA");
    standIn.misbehave("search", 500);
    expect(await lookUpRepresentative(db, "HX4 1AA", settings)).toEqual({ status: "unavailable" });
    standIn.misbehave("search", null);
    expect(await lookUpRepresentative(db, "HX4 1AA", settings)).toMatchObject({ status: "found", constituency: c.name });
    const vacant = constituency({ member: null }, "HX5 1AA");
    expect(await lookUpRepresentative(db, "HX5 1AA", settings)).toEqual({ status: "no-representative", constituency: vacant.name });
    constituency({ email: null }, "HX6 1AA");
    expect(await lookUpRepresentative(db, "HX6 1AA", settings)).toMatchObject({ status: "no-representative" });
  });

  it("keeps to one time budget for the whole lookup", async () => {
    constituency({}, "HX7 1AA");
    standIn.misbehave("contact", "hang");
    expect(await lookUpRepresentative(db, "HX7 1AA", { ...settings, timeoutMs: 200 })).toEqual({ status: "unavailable" });
  });
});

describe("merging with the directory", () => {
  it("replaces the directory's MPs matched by area with the looked-up MP; other roles and chosen targets stay", async () => {
    const actor = await createMember(db);
    const areaMp = await createTarget(db, actor.id, { name: "Area MP", areas: "YO1" });
    const councillor = await createTarget(db, actor.id, { name: "A Councillor", role: "councillor", areas: "YO1" });
    const chosenMp = await createTarget(db, actor.id, { name: "Chosen MP", areas: "SR" });
    const minister = await createTarget(db, actor.id, { name: "B Minister", role: "minister", areas: "everywhere" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: ["mp", "councillor"], targetIds: [minister.id, chosenMp.id] });
    const c = constituency({}, "YO1 7HH");
    const on = await findRecipients(db, lc, fullPostcode("YO1 7HH")!, settings);
    expect(on.recipients.map((r) => r.name)).toEqual(["A Councillor", "B Minister", "Chosen MP", c.member!.name]);
    expect(on.lookup).toMatchObject({ status: "found", constituency: c.name, representativeId: expect.any(Number) });

    const off = await findRecipients(db, lc, fullPostcode("YO1 7HH")!, null);
    expect(off.recipients.map((r) => r.id)).toEqual([councillor.id, areaMp.id, minister.id, chosenMp.id]);
    expect(off.lookup).toBeNull();

    standIn.misbehave("postcodes", 500);
    const down = await findRecipients(db, lc, fullPostcode("YO1 7HJ")!, settings);
    expect(down.recipients.map((r) => r.id)).toEqual(off.recipients.map((r) => r.id));
    expect(down.lookup).toEqual({ status: "unavailable", constituency: null, representativeId: null });
  });

  it("makes no lookup for a campaign that does not write to writers' own MPs", async () => {
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: ["councillor"] });
    constituency({}, "YO2 1AA");
    expect((await findRecipients(db, lc, fullPostcode("YO2 1AA")!, settings)).lookup).toBeNull();
    expect(standIn.calls).toEqual([]);
  });

  it("merges by the rule alone: one MP for the area, kept ordering by name", () => {
    const t = (id: number, name: string, role: "mp" | "council", chosen = false) => ({ id, name, role, chosen });
    expect(mergeRepresentative([t(1, "Zed MP", "mp"), t(2, "Council", "council")], t(3, "Amy MP", "mp")).map((r) => r.id)).toEqual([3, 2]);
    expect(mergeRepresentative([t(3, "Amy MP", "mp", true)], t(3, "Amy MP", "mp")).map((r) => r.id)).toEqual([3]);
    expect(mergeRepresentative([t(1, "Zed MP", "mp")], null).map((r) => r.id)).toEqual([1]);
  });
});

describe("the letter page", () => {
  const env = { ...process.env };
  const lookupOn = (extra: Record<string, string> = {}) => {
    Object.assign(process.env, { REPRESENTATIVE_LOOKUP: "uk-parliament", POSTCODES_API_URL: standIn.url, MEMBERS_API_URL: standIn.url, ...extra });
    reloadEnv();
  };
  afterEach(() => {
    for (const key of ["REPRESENTATIVE_LOOKUP", "POSTCODES_API_URL", "MEMBERS_API_URL", "REPRESENTATIVE_LOOKUP_TIMEOUT_MS"]) {
      if (env[key] === undefined) delete process.env[key];
      else process.env[key] = env[key];
    }
    reloadEnv();
  });
  const letterForm = (email: string) => ({
    postcode: "WF1 2AB",
    subject: "Crisis houses",
    opening: "I am writing as your constituent.",
    personal: `A long night in A&E taught me what a calm room and someone to talk to would have meant. ${unique()} ${"Crisis houses help people recover closer to home. ".repeat(3)}`,
    name: "Lee Writer",
    email,
  });

  it("with the lookup on, shows the writer's MP and sends the letter to their row", async () => {
    const actor = await createMember(db);
    const areaMp = await createTarget(db, actor.id, { name: "Directory MP for WF", areas: "WF" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: ["mp"], windowDays: [1, 2, 3, 4, 5, 6, 7], windowStart: 0, windowEnd: 24 });
    const c = constituency({}, "WF1 2AB");
    lookupOn();
    const slug = lc.slug;
    const page = await call(writeLoader, request(`/letters/${slug}?postcode=wf1%202ab`), { slug });
    expect(page.status).toBe(200);
    expect(page.data.postcode).toMatchObject({ value: "WF1 2AB", error: null, lookup: { status: "found", constituency: c.name }, recipients: [{ name: c.member!.name, details: `MP, ${c.name}`, email: c.member!.email }] });

    const email = `lookup-writer-${unique()}@example.org`;
    const preview = await call(writeAction, request(`/letters/${slug}`, { form: { ...letterForm(email), intent: "preview" } }), { slug }, "198.51.100.40");
    expect(preview.data).toMatchObject({ step: "preview", lookup: { status: "found" } });
    expect(preview.data.letters.map((l: { to: string }) => l.to)).toEqual([c.member!.name]);
    const sent = await call(writeAction, request(`/letters/${slug}`, { form: { ...letterForm(email), intent: "send" } }), { slug }, "198.51.100.40");
    expect(sent.location).toBe("/check-email?for=letter");
    const mail = await latestEmail(db, email, "ConfirmLetter");
    expect(mail?.props).toMatchObject({ recipients: [c.member!.name] });

    // The ordinary pipeline from here: confirmed, paced, sent to the MP's address, never to the directory's MP.
    const token = (mail!.props as { confirmUrl: string }).confirmUrl.split("/").pop()!;
    expect(await confirmLetter(db, lc.id, token)).toMatchObject({ ok: true, queued: 1, held: 0 });
    const messages = await db.selectFrom("letter_message").innerJoin("target", "target.id", "letter_message.target_id").select(["target.source", "target.email", "letter_message.status"]).where("letter_message.letter_campaign_id", "=", lc.id).execute();
    expect(messages).toEqual([{ source: "uk-parliament", email: c.member!.email, status: "queued" }]);
    await dispatchDueLetters(db);
    expect(await latestEmail(db, c.member!.email!)).toBeDefined();
    expect(await latestEmail(db, areaMp.email)).toBeUndefined();
  });

  it("with the lookup on but failing, answers with the directory and says why, never an error page", async () => {
    const actor = await createMember(db);
    const areaMp = await createTarget(db, actor.id, { name: "Directory MP for DN", areas: "DN" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: ["mp"] });
    const slug = lc.slug;
    constituency({}, "DN1 1AA", "DN1 1AB");

    lookupOn();
    standIn.misbehave("postcodes", 500);
    const down = await call(writeLoader, request(`/letters/${slug}?postcode=DN1%201AA`), { slug });
    expect(down.status).toBe(200);
    expect(down.data.postcode).toMatchObject({ lookup: { status: "unavailable" }, recipients: [{ id: areaMp.id }] });

    standIn.misbehave("postcodes", "hang");
    lookupOn({ REPRESENTATIVE_LOOKUP_TIMEOUT_MS: "200" });
    const slow = await call(writeLoader, request(`/letters/${slug}?postcode=DN1%201AB`), { slug });
    expect(slow.status).toBe(200);
    expect(slow.data.postcode).toMatchObject({ lookup: { status: "unavailable" }, recipients: [{ id: areaMp.id }] });

    standIn.misbehave("postcodes", null);
    const unknown = await call(writeLoader, request(`/letters/${slug}?postcode=DN9%209ZZ`), { slug });
    expect(unknown.data.postcode).toMatchObject({ lookup: { status: "unknown-postcode" }, recipients: [{ id: areaMp.id }] });

    // The letter itself goes to the directory's MP, as the page said.
    standIn.misbehave("postcodes", "malformed");
    const email = `fallback-writer-${unique()}@example.org`;
    const form = { ...letterForm(email), postcode: "DN1 1AA" };
    const preview = await call(writeAction, request(`/letters/${slug}`, { form: { ...form, intent: "preview" } }), { slug }, "198.51.100.41");
    expect(preview.data).toMatchObject({ step: "preview", lookup: { status: "unavailable" }, recipients: [{ id: areaMp.id }] });
    const sent = await call(writeAction, request(`/letters/${slug}`, { form: { ...form, intent: "send" } }), { slug }, "198.51.100.41");
    expect(sent.location).toBe("/check-email?for=letter");
    expect((await latestEmail(db, email, "ConfirmLetter"))?.props).toMatchObject({ recipients: ["Directory MP for DN"] });
  });

  it("with the lookup off, works from the directory as before and calls nothing", async () => {
    const actor = await createMember(db);
    const areaMp = await createTarget(db, actor.id, { name: "Directory MP for TS", areas: "TS" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: ["mp"] });
    constituency({}, "TS1 1AA");
    const slug = lc.slug;
    const page = await call(writeLoader, request(`/letters/${slug}?postcode=TS1%201AA`), { slug });
    expect(page.data.postcode).toMatchObject({ lookup: null, recipients: [{ id: areaMp.id }] });
    expect(standIn.calls).toEqual([]);
  });

  it("writeLetter ignores a looked-up MP whose address bounced", async () => {
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: ["mp"] });
    const c = constituency({}, "NE1 1AA");
    const found = await lookUpRepresentative(db, "NE1 1AA", settings);
    if (found.status !== "found") throw new Error(found.status);
    await db.updateTable("target").set({ bounced_at: new Date() }).where("id", "=", found.target.id).execute();
    const pc = fullPostcode("NE1 1AA")!;
    const written = await writeLetter(db, lc, { subject: "s", opening: "o", personal: "p", name: "n", email: `b-${unique()}@example.org`, postcode: pc.postcode, outward: pc.outward, area: pc.area, representativeId: found.target.id });
    expect(written).toBeNull();
    expect(await lookUpRepresentative(db, "NE1 1AA", settings)).toEqual({ status: "no-representative", constituency: c.name });
  });
});
