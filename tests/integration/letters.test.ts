import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { LETTER_CAMPAIGN_FIELDS, createMember, createOpenLetterCampaign, createRunningCampaign, createTarget, signedInMember } from "../support/builders";
import { resolveTargets } from "../../app/models/target.server";
import {
  anonymiseLetterWriters,
  confirmLetter,
  createLetterCampaign,
  decideHeldMessage,
  deleteOldLetterWords,
  dispatchDueLetters,
  recordReply,
  recordUndeliverableLetters,
  sendDueFollowUps,
  setLetterCampaignStatus,
  writeLetter,
} from "../../app/services/letter.server";
import { importTargets, previewTargetImport } from "../../app/services/target-import.server";
import { handleMailEvent } from "../../app/services/mail-events.server";
import { deliverEmail, outboxTransport, PermanentEmailError, queueEmail, renderEmail, type EmailTransport } from "../../app/services/email.server";
import { fullPostcode, inSendingWindow, nextSendingStart, parseAreas, parseCsv } from "../../app/letters/rules";
import { assembleLetter } from "../../emails/letter-text";
import { readSignedLinkToken } from "../../app/utils/signed-links.server";
import { action as writeAction, loader as writeLoader } from "../../app/routes/letters.$slug";
import { action as confirmAction } from "../../app/routes/letters.$slug_.confirm.$token";
import { loader as thanksLoader } from "../../app/routes/letters.$slug_.thanks";
import { loader as manageLoader } from "../../app/routes/letters.$slug_.manage";
import { action as replyAction, loader as replyLoader } from "../../app/routes/letters.reply.$token";
import { loader as targetsLoader } from "../../app/routes/targets._index";
import { action as importAction } from "../../app/routes/targets.import";
import { loader as campaignLoader } from "../../app/routes/campaigns.$id";
import { call, latestEmail, request } from "./http";

const DAY = 86_400_000;
// November: London is on GMT, so these are UK times too.
const MONDAY_10 = new Date("2026-11-23T10:00:00Z");
const SATURDAY_10 = new Date("2026-11-28T10:00:00Z");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;



const personal = (seed: string) =>
  `${seed} I spent a long night in A&E waiting for a bed because there was nowhere calmer to go, and what I needed was a quiet room and someone to talk to. ${seed}`;
/** Words no other letter shares, so the near-duplicate check leaves them alone. */
const ownWords = () => Array.from({ length: 30 }, () => Math.random().toString(36).slice(2, 9)).join(" ");

/** A written and (unless told not to) confirmed letter; returns its confirmation token's result. */
async function letterFrom(lc: Awaited<ReturnType<typeof createOpenLetterCampaign>>["lc"], spec: { postcode?: string; personal?: string; email?: string; confirm?: boolean; now?: Date } = {}) {
  const pc = fullPostcode(spec.postcode ?? "LS6 1AN")!;
  const email = spec.email ?? `writer-${unique()}@example.org`;
  const written = await writeLetter(db, lc, { subject: "Crisis houses", opening: "I am writing as your constituent about crisis houses.", personal: spec.personal ?? ownWords(), name: "Sam Writer", postcode: pc.postcode, email, outward: pc.outward, area: pc.area });
  if (!written) return { written, email, confirmed: null };
  const mail = await latestEmail(db, email, "ConfirmLetter");
  const token = (mail!.props as { confirmUrl: string }).confirmUrl.split("/").pop()!;
  const confirmed = spec.confirm === false ? null : await confirmLetter(db, lc.id, token, spec.now ?? new Date());
  return { written, email, token, confirmed };
}

const messagesOf = (letterCampaignId: number) => db.selectFrom("letter_message").selectAll().where("letter_campaign_id", "=", letterCampaignId).orderBy("id").execute();

describe("decision makers for a postcode", () => {
  it("resolves chosen targets plus the supporter's own by district or area, skipping bounced addresses", async () => {
    const actor = await createMember(db);
    const byDistrict = await createTarget(db, actor.id, { name: "MP for LS6", areas: "LS6" });
    const byArea = await createTarget(db, actor.id, { name: "MP for all of LS", areas: "LS" });
    const elsewhere = await createTarget(db, actor.id, { name: "MP for Manchester", areas: "M" });
    const councillor = await createTarget(db, actor.id, { name: "Councillor for LS6", role: "councillor", areas: "LS6" });
    const minister = await createTarget(db, actor.id, { name: "Minister", role: "minister", areas: "everywhere" });
    const bounced = await createTarget(db, actor.id, { name: "Bounced MP", areas: "LS6" });
    await db.updateTable("target").set({ bounced_at: new Date() }).where("id", "=", bounced.id).execute();
    const { lc } = await createOpenLetterCampaign(db, { targetIds: [minister.id] });
    const ids = (await resolveTargets(db, lc, fullPostcode("ls6 1an")!)).map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining([byDistrict.id, byArea.id, minister.id]));
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(councillor.id);
    expect(ids).not.toContain(bounced.id);
    // LS1 is in area LS but not district LS6.
    const ls1 = (await resolveTargets(db, lc, fullPostcode("LS1 4AP")!)).map((t) => t.id);
    expect(ls1).toContain(byArea.id);
    expect(ls1).not.toContain(byDistrict.id);
    // Only chosen targets: no own roles.
    const { lc: chosenOnly } = await createOpenLetterCampaign(db, { targetIds: [minister.id], ownRoles: [] });
    expect((await resolveTargets(db, chosenOnly, fullPostcode("LS6 1AN")!)).map((t) => t.id)).toEqual([minister.id]);
  });

  it("reads areas and postcodes strictly", () => {
    expect(parseAreas("ls, LS6; m1")).toEqual({ ok: true, areas: ["LS", "LS6", "M1"], everywhere: false });
    expect(parseAreas("everywhere")).toEqual({ ok: true, areas: [], everywhere: true });
    expect(parseAreas("QQ9")).toMatchObject({ ok: false });
    expect(parseAreas("")).toMatchObject({ ok: false });
    expect(fullPostcode("sw1a1aa")).toEqual({ postcode: "SW1A 1AA", outward: "SW1A", area: "SW" });
    expect(fullPostcode("LS6")).toBeNull();
  });

  it("reads the sending window in UK time, summer time included", () => {
    const weekdays = { days: [1, 2, 3, 4, 5], start: 8, end: 18 };
    // Monday 6 July 2026 is in British Summer Time: 07:30 UTC is 08:30 in London.
    expect(inSendingWindow(new Date("2026-07-06T07:30:00Z"), weekdays)).toBe(true);
    expect(inSendingWindow(new Date("2026-07-06T17:30:00Z"), weekdays)).toBe(false);
    expect(inSendingWindow(new Date("2026-11-23T07:30:00Z"), weekdays)).toBe(false);
    expect(inSendingWindow(new Date("2026-11-23T17:59:00Z"), weekdays)).toBe(true);
    expect(inSendingWindow(new Date("2026-07-05T12:00:00Z"), weekdays)).toBe(false);
    expect(inSendingWindow(new Date("2026-07-05T23:30:00Z"), { days: [1], start: 0, end: 24 })).toBe(true);
  });

  it("says when a letter confirmed now starts going out", () => {
    const weekdays = { days: [1, 2, 3, 4, 5], start: 8, end: 18 };
    const inside = new Date("2026-11-23T10:15:00Z");
    expect(nextSendingStart(inside, weekdays)).toEqual(inside);
    // Friday 27 November 2026 at 19:40 (GMT): the next window opens Monday at 08:00.
    expect(nextSendingStart(new Date("2026-11-27T19:40:00Z"), weekdays)).toEqual(new Date("2026-11-30T08:00:00Z"));
    // In summer time, 08:00 in London is 07:00 UTC.
    expect(nextSendingStart(new Date("2026-07-06T05:10:00Z"), weekdays)).toEqual(new Date("2026-07-06T07:00:00Z"));
    expect(nextSendingStart(inside, { days: [], start: 8, end: 18 })).toBeNull();
  });
});

describe("importing decision makers from CSV", () => {
  it("refuses a file it cannot read as a list, saying why, and saves nothing", async () => {
    expect(await previewTargetImport(db, "")).toEqual({ ok: false, reason: "empty" });
    expect(await previewTargetImport(db, "Name,Email\nSomeone,someone@example.org")).toEqual({ ok: false, reason: "missing-columns", missing: ["role", "body", "areas"] });
    const tooMany = ["name,role,body,email,areas", ...Array.from({ length: 2_001 }, (_, i) => `P${i},MP,House,p${i}@example.org,LS`)].join("\n");
    expect(await previewTargetImport(db, tooMany)).toEqual({ ok: false, reason: "too-many-rows" });
    const admin = await signedInMember(db, { roles: ["admin"] });
    const page = await call(importAction, request("/targets/import", { form: { intent: "import", csv: "Name,Email\nSomeone,someone@example.org" }, cookie: admin.cookie }));
    expect(page.status).toBe(400);
    expect(page.data.errors.file).toBe("The first row must name the columns: name, role, body, email, areas. Missing: role, body, areas");
    expect(await db.selectFrom("target").select("id").where("email", "=", "someone@example.org").execute()).toEqual([]);
  });

  it("previews each row's problems and saves only rows without any", async () => {
    const actor = await createMember(db);
    const existing = await createTarget(db, actor.id, { name: "Already listed", areas: "LS" });
    const fresh = `new-${unique()}@example.org`;
    const csv = [
      "Email,Name,Role,Body,Areas",
      `${fresh},"Rivers, Alex",MP,House of Commons,LS6 LS7`,
      `${existing.email},Already listed (renamed),mp,House of Commons,LS`,
      `bad-role-${unique()}@example.org,Someone,Mayor,Town hall,LS`,
      `not-an-email,Someone,MP,House of Commons,LS`,
      `area-${unique()}@example.org,Someone,MP,House of Commons,QQ9`,
      `${fresh},Duplicate row,MP,House of Commons,LS`,
    ].join("\r\n");
    const preview = await previewTargetImport(db, csv);
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.rows.map((r) => [r.line, r.outcome, r.problems.length > 0])).toEqual([
      [2, "add", false],
      [3, "update", false],
      [4, null, true],
      [5, null, true],
      [6, null, true],
      [7, null, true],
    ]);
    expect(preview.rows[2]!.problems[0]).toMatch(/Choose a role/);
    expect(preview.rows[3]!.problems[0]).toMatch(/correct format/);
    expect(preview.rows[4]!.problems[0]).toMatch(/QQ9/);
    expect(preview.rows[5]!.problems).toContain("This email address is on an earlier row too");
    // Nothing is saved by previewing.
    expect(await db.selectFrom("target").select("id").where("email_normalised", "=", fresh).executeTakeFirst()).toBeUndefined();
    const done = await importTargets(db, csv, actor.id);
    expect(done).toEqual({ ok: true, added: 1, updated: 1, skipped: 4 });
    const saved = await db.selectFrom("target").selectAll().where("email_normalised", "=", fresh).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ name: "Rivers, Alex", role: "mp", areas: ["LS6", "LS7"] });
    expect((await db.selectFrom("target").select("name").where("id", "=", existing.id).executeTakeFirstOrThrow()).name).toBe("Already listed (renamed)");
  });

  it("refuses a file without the columns, and reads quoted cells", async () => {
    expect(await previewTargetImport(db, "name,email\nA,a@example.org")).toEqual({ ok: false, reason: "missing-columns", missing: ["role", "body", "areas"] });
    expect(parseCsv('a,"b ""quoted"", with comma","line\nbreak"\r\n\r\nc,d,e')).toEqual([
      ["a", 'b "quoted", with comma', "line\nbreak"],
      ["c", "d", "e"],
    ]);
  });
});

describe("the letter as sent", () => {
  it("is assembled with salutation, the writer's words, name and postcode, identically in preview and email", async () => {
    const parts = { subject: "Crisis houses", opening: "I am your constituent.", personal: "First paragraph.\n\nSecond paragraph.", name: "Sam Writer", postcode: "LS6 1AN" };
    const letter = assembleLetter("Alex Rivers MP", parts);
    expect(letter.paragraphs).toEqual(["Dear Alex Rivers MP,", "I am your constituent.", "First paragraph.", "Second paragraph.", "Yours sincerely,\nSam Writer\nLS6 1AN"]);
    const email = await renderEmail("Letter", { recipientName: "Alex Rivers MP", parts, replyTo: "sam@example.org" });
    expect(email.subject).toBe("Crisis houses");
    expect(email.replyTo).toBe("sam@example.org");
    for (const p of letter.paragraphs.slice(0, 4)) expect(email.text).toContain(p);
    expect(email.text).not.toMatch(/Samaritans/);
  });
});

describe("confirming, holding and pacing", () => {
  it("holds a near-duplicate for an organiser, never dropping it, and tells the writer if rejected", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "BD" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id] });
    const text = personal("My brother waited three days for a bed.");
    const first = await letterFrom(lc, { postcode: "BD1 1AA", personal: text });
    expect(first.confirmed).toMatchObject({ ok: true, queued: 1, held: 0 });
    const copy = await letterFrom(lc, { postcode: "BD1 1AA", personal: text.replace("brother", "sister") });
    expect(copy.confirmed).toMatchObject({ ok: true, queued: 0, held: 1 });
    const own = await letterFrom(lc, { postcode: "BD1 1AA", personal: "Entirely different words: my GP could not refer me anywhere in the evening, so the police took me to a cell, which nobody should ever go through when unwell." });
    expect(own.confirmed).toMatchObject({ ok: true, queued: 1, held: 0 });
    // Confirming twice changes nothing.
    expect(await confirmLetter(db, lc.id, copy.token!)).toMatchObject({ ok: true, alreadyConfirmed: true });
    const held = (await messagesOf(lc.id)).filter((m) => m.status === "held");
    expect(held).toHaveLength(1);
    expect(held[0]!.similarity).toBeGreaterThan(0.6);
    const third = await letterFrom(lc, { postcode: "BD1 1AA", personal: text });
    const heldNow = (await messagesOf(lc.id)).filter((m) => m.status === "held");
    expect(third.confirmed).toMatchObject({ held: 1 });
    expect(await decideHeldMessage(db, lc.id, heldNow[0]!.id, "release")).toBe(true);
    expect(await decideHeldMessage(db, lc.id, heldNow[0]!.id, "release")).toBe(false);
    expect(await decideHeldMessage(db, lc.id, heldNow[1]!.id, "reject")).toBe(true);
    expect((await latestEmail(db, third.email, "LetterNotSent"))?.props).toMatchObject({ reason: "rejected" });
    expect((await messagesOf(lc.id)).map((m) => m.status).sort()).toEqual(["queued", "queued", "queued", "rejected"]);
  });

  it("holds copies disguised with invisible or look-alike characters", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "KW" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id] });
    const text = personal("My mother was sent two hundred miles from home for a bed.");
    expect((await letterFrom(lc, { postcode: "KW1 4AA", personal: text })).confirmed).toMatchObject({ queued: 1, held: 0 });
    const zeroWidth = [...text].join("\u200B");
    const cyrillic = text.replace(/a/g, "а").replace(/e/g, "е").replace(/o/g, "о");
    const restyled = text.toUpperCase().replace(/[.,]/g, " !! ").replace(/ /g, "   ");
    for (const copy of [zeroWidth, cyrillic, restyled]) {
      expect((await letterFrom(lc, { postcode: "KW1 4AA", personal: copy })).confirmed).toMatchObject({ queued: 0, held: 1 });
    }
    const held = (await messagesOf(lc.id)).filter((m) => m.status === "held");
    expect(held.every((m) => m.similarity! > 0.9)).toBe(true);
  });

  it("refuses an expired link and sends nothing", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "HX" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id] });
    const pending = await letterFrom(lc, { postcode: "HX1 1AA", confirm: false });
    expect(await confirmLetter(db, lc.id, pending.token!, new Date(Date.now() + 15 * DAY))).toEqual({ ok: false });
    expect(await confirmLetter(db, lc.id, "not-a-token")).toEqual({ ok: false });
    expect((await messagesOf(lc.id)).map((m) => m.status)).toEqual(["unconfirmed"]);
  });

  it("sends within the window, at most the hourly cap per decision maker, each message once", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "YO" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id], hourlyCap: 2 });
    for (let i = 0; i < 5; i++) await letterFrom(lc, { postcode: "YO1 7HH" });
    const sentCount = async () => (await messagesOf(lc.id)).filter((m) => m.status === "sent").length;
    await dispatchDueLetters(db, SATURDAY_10);
    expect(await sentCount()).toBe(0);
    await dispatchDueLetters(db, new Date("2026-11-23T07:59:00Z"));
    expect(await sentCount()).toBe(0);
    // Two dispatchers at once still spend the hour's allowance once.
    await Promise.all([dispatchDueLetters(db, MONDAY_10), dispatchDueLetters(db, MONDAY_10)]);
    expect(await sentCount()).toBe(2);
    await dispatchDueLetters(db, new Date(MONDAY_10.getTime() + 30 * 60_000));
    expect(await sentCount()).toBe(2);
    await dispatchDueLetters(db, new Date(MONDAY_10.getTime() + 61 * 60_000));
    expect(await sentCount()).toBe(4);
    await dispatchDueLetters(db, new Date("2026-11-23T18:30:00Z"));
    expect(await sentCount()).toBe(4);
    await dispatchDueLetters(db, new Date("2026-11-24T08:00:00Z"));
    expect(await sentCount()).toBe(5);
    const messages = await messagesOf(lc.id);
    const emails = await db.selectFrom("email").select(["id", "to_address", "idempotency_key", "template"]).where("id", "in", messages.map((m) => m.email_id!)).execute();
    expect(emails).toHaveLength(5);
    expect(emails.every((e) => e.to_address === mp.email && e.template === "Letter")).toBe(true);
    expect(new Set(emails.map((e) => e.idempotency_key))).toEqual(new Set(messages.map((m) => `letter-message:${m.id}`)));
  });

  it("never sends twice when the worker crashes between sending and recording", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "HU" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id] });
    const { email: writer } = await letterFrom(lc, { postcode: "HU1 1AA" });
    await dispatchDueLetters(db, MONDAY_10);
    const [message] = await messagesOf(lc.id);
    const keys: string[] = [];
    // The provider accepts the message, then the process dies before recording it.
    const crashing: EmailTransport = {
      name: "crashing",
      async deliver(msg, key, emailId) {
        keys.push(key);
        await outboxTransport(db).deliver(msg, key, emailId);
        throw new Error("worker killed");
      },
    };
    await expect(deliverEmail(db, message!.email_id!, crashing)).rejects.toThrow("worker killed");
    // The retried job sends again with the same key; the provider (here the outbox) keeps one.
    const retry: EmailTransport = { name: "retry", deliver: (msg, key, emailId) => (keys.push(key), outboxTransport(db).deliver(msg, key, emailId)) };
    await deliverEmail(db, message!.email_id!, retry);
    await deliverEmail(db, message!.email_id!, retry);
    expect(keys).toEqual([`letter-message:${message!.id}`, `letter-message:${message!.id}`]);
    const outbox = await db.selectFrom("outbox_message").selectAll().where("email_id", "=", message!.email_id!).execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to_address: mp.email, reply_to: writer });
  });

  it("sends test-mode letters to the organiser, marked as a test", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "DN" });
    const { lc, lead } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id], testMode: true });
    await letterFrom(lc, { postcode: "DN1 1AA" });
    await dispatchDueLetters(db, MONDAY_10);
    const [message] = await messagesOf(lc.id);
    expect(message).toMatchObject({ status: "sent", test: true });
    const email = await db.selectFrom("email").selectAll().where("id", "=", message!.email_id!).executeTakeFirstOrThrow();
    expect(email.to_address).toBe(lead.email.toLowerCase());
    const rendered = await renderEmail("Letter", email.props as never);
    expect(rendered.subject).toMatch(/^\[Test\]/);
    expect(rendered.text).toContain(mp.email);
  });
});

describe("bounces", () => {
  it("flags the decision maker, fails the message, tells the writer, and skips them from then on", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "WF" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: ["mp"] });
    const first = await letterFrom(lc, { postcode: "WF1 1AA" });
    await letterFrom(lc, { postcode: "WF1 1AA" });
    await db.updateTable("letter_campaign").set({ hourly_cap: 1 }).where("id", "=", lc.id).execute();
    await dispatchDueLetters(db, MONDAY_10);
    const [sent] = (await messagesOf(lc.id)).filter((m) => m.status === "sent");
    const refusing: EmailTransport = {
      name: "refusing",
      deliver: async () => {
        throw new PermanentEmailError("Resend 422: invalid recipient");
      },
    };
    const result = await deliverEmail(db, sent!.email_id!, refusing);
    expect(result).toEqual({ refused: "Resend 422: invalid recipient" });
    expect(await recordUndeliverableLetters(db, [sent!.email_id!], result!.refused)).toBe(1);
    expect((await db.selectFrom("target").select("bounced_at").where("id", "=", mp.id).executeTakeFirstOrThrow()).bounced_at).not.toBeNull();
    expect((await latestEmail(db, first.email, "LetterNotSent"))?.props).toMatchObject({ reason: "bounced" });
    // The second letter, still queued, fails at dispatch instead of going to a dead address.
    await dispatchDueLetters(db, new Date(MONDAY_10.getTime() + 2 * 3_600_000));
    expect((await messagesOf(lc.id)).map((m) => m.status)).toEqual(["failed", "failed"]);
    // New writers in WF are not offered the bounced address.
    expect(await resolveTargets(db, lc, fullPostcode("WF1 1AA")!)).toEqual([]);
  });
});

describe("bounces reported later by the provider's webhook", () => {
  it("flag the decision maker and tell the writer, once", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "HD" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id] });
    const { email: writer } = await letterFrom(lc, { postcode: "HD1 1AA" });
    await dispatchDueLetters(db, MONDAY_10);
    const [message] = await messagesOf(lc.id);
    await deliverEmail(db, message!.email_id!, outboxTransport(db));
    const providerId = (await db.selectFrom("email").select("provider_message_id").where("id", "=", message!.email_id!).executeTakeFirstOrThrow()).provider_message_id!;
    const event = { type: "email.bounced", data: { email_id: providerId, to: [mp.email], bounce: { type: "Permanent", message: "Mailbox does not exist" } } };
    expect(await handleMailEvent(db, `msg_${unique()}`, event)).toEqual({ acted: true });
    expect((await messagesOf(lc.id))[0]).toMatchObject({ status: "failed", failure: "Bounced: Mailbox does not exist" });
    expect((await db.selectFrom("target").select("bounce_reason").where("id", "=", mp.id).executeTakeFirstOrThrow()).bounce_reason).toMatch(/Mailbox does not exist/);
    const told = await db.selectFrom("email").select("props").where("to_address", "=", writer).where("template", "=", "LetterNotSent").execute();
    expect(told).toHaveLength(1);
  });
});

describe("follow-up and privacy", () => {
  it("asks fourteen days after sending, reminds once a week later unless answered, and never twice", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "HG" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id] });
    const quiet = await letterFrom(lc, { postcode: "HG1 1AA" });
    const answered = await letterFrom(lc, { postcode: "HG1 1AA" });
    const sentAt = new Date(Date.now() - 100 * DAY);
    // Sent long ago (in this test's clock), so other tests' fresh letters are never due.
    await dispatchDueLetters(db, MONDAY_10);
    await db.updateTable("letter_message").set({ sent_at: sentAt }).where("letter_campaign_id", "=", lc.id).execute();
    const [m1, m2] = await messagesOf(lc.id);
    const followUps = async (to: string) => (await db.selectFrom("email").select("props").where("to_address", "=", to).where("template", "=", "LetterFollowUp").execute()).map((e) => (e.props as { reminder: boolean }).reminder);
    await sendDueFollowUps(db, new Date(sentAt.getTime() + 13 * DAY));
    expect(await followUps(quiet.email)).toEqual([]);
    await sendDueFollowUps(db, new Date(sentAt.getTime() + 14 * DAY));
    await sendDueFollowUps(db, new Date(sentAt.getTime() + 14 * DAY + 60_000));
    expect(await followUps(quiet.email)).toEqual([false]);
    expect(await followUps(answered.email)).toEqual([false]);
    await recordReply(db, m2!.id, { outcome: "yes", summary: "They will raise it with the minister.", mayPublish: true });
    await sendDueFollowUps(db, new Date(sentAt.getTime() + 21 * DAY));
    await sendDueFollowUps(db, new Date(sentAt.getTime() + 40 * DAY));
    expect(await followUps(quiet.email)).toEqual([false, true]);
    expect(await followUps(answered.email)).toEqual([false]);
    // The link in the email opens the reply page for that message, and only that one.
    const url = ((await latestEmail(db, quiet.email, "LetterFollowUp"))!.props as { replyUrl: string }).replyUrl;
    const token = url.split("/").pop()!;
    expect(readSignedLinkToken("letter-reply", token)).toBe(m1!.id);
    expect(readSignedLinkToken("petition-news-off", token)).toBeNull();
  });

  it("deletes a letter's words 28 days after sending, keeping counts, and drops unconfirmed letters after expiry", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "DL" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id] });
    await letterFrom(lc, { postcode: "DL1 1AA" });
    const unconfirmed = await letterFrom(lc, { postcode: "DL1 1AA", confirm: false });
    await dispatchDueLetters(db, MONDAY_10);
    const sentAt = (await messagesOf(lc.id)).find((m) => m.status === "sent")!.sent_at!;
    await deleteOldLetterWords(db, new Date(sentAt.getTime() + 27 * DAY));
    const words = () => db.selectFrom("letter").select(["subject", "personal", "status", "outward_code"]).where("letter_campaign_id", "=", lc.id).orderBy("id").execute();
    expect((await words())[0]!.personal).not.toBeNull();
    await deleteOldLetterWords(db, new Date(sentAt.getTime() + 29 * DAY));
    const after = await words();
    expect(after).toEqual([{ subject: null, personal: null, status: "confirmed", outward_code: "DL1" }]);
    expect(unconfirmed.confirmed).toBeNull();
    expect((await messagesOf(lc.id)).map((m) => m.status)).toEqual(["sent"]);
  });

  it("anonymises writers on the retention schedule after the letter campaign closes", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "TS" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id] });
    await letterFrom(lc, { postcode: "TS1 1AA" });
    await setLetterCampaignStatus(db, lc.id, "closed");
    await anonymiseLetterWriters(db, 183, new Date(Date.now() + 100 * DAY));
    const row = () => db.selectFrom("letter").select(["name", "email", "postcode", "outward_code"]).where("letter_campaign_id", "=", lc.id).executeTakeFirstOrThrow();
    expect((await row()).email).not.toBeNull();
    await anonymiseLetterWriters(db, 183, new Date(Date.now() + 184 * DAY));
    expect(await row()).toEqual({ name: null, email: null, postcode: null, outward_code: "TS1" });
  });
});

describe("the pages", () => {
  it("walks a writer through postcode, preview and send, keeping what was typed, and confirms by POST only", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { name: "Page MP", areas: "SR" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: ["mp"] });
    const slug = lc.slug;
    const found = await call(writeLoader, request(`/letters/${slug}?postcode=sr1%201aa`), { slug });
    expect(found.data.postcode).toMatchObject({ value: "SR1 1AA", error: null, recipients: [expect.objectContaining({ id: mp.id, name: "Page MP" })] });
    const badPostcode = await call(writeLoader, request(`/letters/${slug}?postcode=nowhere`), { slug });
    expect(badPostcode.data.postcode.error).toMatch(/full postcode/);
    const email = `page-writer-${unique()}@example.org`;
    const form = { postcode: "SR1 1AA", subject: "Crisis houses", opening: "I am writing as your constituent.", personal: "Too short.", name: "Pat Writer", email, intent: "preview" };
    const short = await call(writeAction, request(`/letters/${slug}`, { form }), { slug });
    expect(short.status).toBe(400);
    expect(short.data.errors.personal).toMatch(/150 characters/);
    expect(short.data.values.name).toBe("Pat Writer");
    const preview = await call(writeAction, request(`/letters/${slug}`, { form: { ...form, personal: personal("Page test.") } }), { slug });
    expect(preview.data.step).toBe("preview");
    expect(preview.data.letters[0].paragraphs[0]).toBe("Dear Page MP,");
    expect(preview.data.letters[0].mailto).toContain(encodeURIComponent(mp.email));
    const edit = await call(writeAction, request(`/letters/${slug}`, { form: { ...form, personal: personal("Page test."), intent: "edit" } }), { slug });
    expect(edit.data).toMatchObject({ step: "write", values: { personal: personal("Page test."), name: "Pat Writer" } });
    // Nothing is recorded until "send".
    expect(await latestEmail(db, email, "ConfirmLetter")).toBeUndefined();
    const sent = await call(writeAction, request(`/letters/${slug}`, { form: { ...form, personal: personal("Page test."), intent: "send" } }), { slug });
    expect(sent.location).toBe("/check-email?for=letter");
    const mail = await latestEmail(db, email, "ConfirmLetter");
    expect(mail?.props).toMatchObject({ recipients: ["Page MP"] });
    const token = (mail!.props as { confirmUrl: string }).confirmUrl.split("/").pop()!;
    const confirmed = await call(confirmAction, request(`/letters/${slug}/confirm/${token}`, { method: "POST" }), { slug, token });
    expect(confirmed.location).toBe(`/letters/${slug}/thanks`);
    expect((await messagesOf(lc.id)).map((m) => m.status)).toEqual(["queued"]);
    const thanks = await call(thanksLoader, request(`/letters/${slug}/thanks`), { slug });
    expect(thanks.data).toMatchObject({ already: false, held: 0, shareUrl: expect.stringContaining(`/letters/${slug}`) });
    // Pressing the button again (a second tab, a scanner's replay) changes nothing and says so.
    const again = await call(confirmAction, request(`/letters/${slug}/confirm/${token}`, { method: "POST" }), { slug, token });
    expect(again.location).toBe(`/letters/${slug}/thanks?already=1`);
    expect((await messagesOf(lc.id)).map((m) => m.status)).toEqual(["queued"]);
    // The query picks wording only, within bounds; nonsense reads as nothing held.
    expect((await call(thanksLoader, request(`/letters/${slug}/thanks?held=99999`), { slug })).data).toMatchObject({ held: 50 });
    expect((await call(thanksLoader, request(`/letters/${slug}/thanks?held=%00x`), { slug })).data).toMatchObject({ held: 0 });
    expect((await call(thanksLoader, request(`/letters/no-such-letter/thanks`), { slug: "no-such-letter" })).status).toBe(404);
  });

  it("keeps a header's line breaks out of mail: one-line fields are cleaned, and the mail layer refuses what gets past", async () => {
    const actor = await createMember(db);
    await createTarget(db, actor.id, { name: "Header MP", areas: "TR" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: ["mp"] });
    const slug = lc.slug;
    const email = `header-${unique()}@example.org`;
    const form = {
      postcode: "TR1 1AA",
      subject: "Hello\r\nBcc: victim@example.org",
      opening: "I am writing as your constituent.\r\n\r\nAbout crisis houses.",
      personal: personal("Line\r\nbreaks stay here."),
      name: "Pat\u200B Writer\n",
      email,
      intent: "send",
    };
    expect((await call(writeAction, request(`/letters/${slug}`, { form }), { slug })).location).toBe("/check-email?for=letter");
    const stored = await db.selectFrom("letter").select(["subject", "opening", "personal", "name"]).where("email", "=", email).executeTakeFirstOrThrow();
    expect(stored.subject).toBe("Hello Bcc: victim@example.org");
    expect(stored.name).toBe("Pat Writer");
    // Several-line fields keep their paragraphs, with one kind of line ending.
    expect(stored.opening).toBe("I am writing as your constituent.\n\nAbout crisis houses.");
    expect(stored.personal).toContain("Line\nbreaks stay here.");

    // A subject with a line break that reached the queue some other way is refused, not sent.
    const queued = await db.transaction().execute((trx) =>
      queueEmail(trx, { template: "TestEmail", to: "header-test@example.org", props: { recipientName: "Pat", message: "m" }, headers: { "X-Note": "ok\r\nBcc: victim@example.org" } }),
    );
    expect(await deliverEmail(db, queued!, outboxTransport(db))).toBeNull();
    const row = await db.selectFrom("email").select(["status", "last_error"]).where("id", "=", queued!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", last_error: "The X-Note header held a line break" });
    expect(await db.selectFrom("outbox_message").select("id").where("email_id", "=", queued!).execute()).toEqual([]);
  });

  it("takes nothing from a honeypot, rate-limits per address, and refuses a closed campaign", async () => {
    const actor = await createMember(db);
    await createTarget(db, actor.id, { areas: "NE" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: ["mp"] });
    const slug = lc.slug;
    const email = `limited-${unique()}@example.org`;
    const form = { postcode: "NE1 1AA", subject: "Crisis houses", opening: "I am writing as your constituent.", personal: personal("Limit."), name: "Lee", email, intent: "send" };
    const bot = await call(writeAction, request(`/letters/${slug}`, { form: { ...form, website: "http://spam.example" } }), { slug });
    expect(bot.location).toBe("/check-email?for=letter");
    expect(await latestEmail(db, email, "ConfirmLetter")).toBeUndefined();
    for (let i = 0; i < 5; i++) expect((await call(writeAction, request(`/letters/${slug}`, { form }), { slug }, `198.51.100.${i}`)).location).toBe("/check-email?for=letter");
    const sixth = await call(writeAction, request(`/letters/${slug}`, { form }), { slug }, "198.51.100.99");
    expect(sixth.status).toBe(429);
    expect(sixth.data.errors.form).toMatch(/try again/i);
    // Per network: 30 letters an hour from one address, whatever the emails.
    const network = "203.0.113.77";
    for (let i = 0; i < 30; i++) expect((await call(writeAction, request(`/letters/${slug}`, { form: { ...form, email: `net${i}-${unique()}@example.org` } }), { slug }, network)).location).toBe("/check-email?for=letter");
    const overNetwork = await call(writeAction, request(`/letters/${slug}`, { form: { ...form, email: `net-over-${unique()}@example.org` } }), { slug }, network);
    expect(overNetwork.status).toBe(429);
    expect(overNetwork.data.values.personal).toBe(form.personal);
    await setLetterCampaignStatus(db, lc.id, "closed");
    const closed = await call(writeAction, request(`/letters/${slug}`, { form: { ...form, email: `other-${unique()}@example.org` } }), { slug });
    expect(closed.status).toBe(400);
  });

  it("keeps drafts, the directory and the organiser view to organisers", async () => {
    const lead = await signedInMember(db);
    const stranger = await signedInMember(db);
    const campaignId = await createRunningCampaign(db, lead.id);
    const lc = await createLetterCampaign(db, campaignId, lead.id, LETTER_CAMPAIGN_FIELDS);
    const slug = lc.slug;
    expect((await call(writeLoader, request(`/letters/${slug}`), { slug })).status).toBe(404);
    expect((await call(writeLoader, request(`/letters/${slug}`, { cookie: stranger.cookie }), { slug })).status).toBe(404);
    expect((await call(writeLoader, request(`/letters/${slug}`, { cookie: lead.cookie }), { slug })).data.manage).toBe(true);
    expect((await call(manageLoader, request(`/letters/${slug}/manage`, { cookie: stranger.cookie }), { slug })).status).toBe(404);
    await setLetterCampaignStatus(db, lc.id, "open");
    expect((await call(manageLoader, request(`/letters/${slug}/manage`, { cookie: stranger.cookie }), { slug })).status).toBe(403);
    expect((await call(manageLoader, request(`/letters/${slug}/manage`), { slug })).status).toBe(302);
    expect((await call(manageLoader, request(`/letters/${slug}/manage`, { cookie: lead.cookie }), { slug })).status).toBe(200);
    expect((await call(targetsLoader, request("/targets", { cookie: stranger.cookie }))).status).toBe(403);
    expect((await call(targetsLoader, request("/targets", { cookie: lead.cookie }))).status).toBe(200);
  });

  it("feeds the campaign page: letters sent, replies received, who letters go to, and a call to write", async () => {
    const actor = await createMember(db);
    const minister = await createTarget(db, actor.id, { name: "Campaign Page Minister", role: "minister", areas: "everywhere" });
    const { lc, campaignId } = await createOpenLetterCampaign(db, { ownRoles: ["mp"], targetIds: [minister.id] });
    await letterFrom(lc, { postcode: "CA1 1AA" });
    await dispatchDueLetters(db, MONDAY_10);
    const [m] = await messagesOf(lc.id);
    await recordReply(db, m!.id, { outcome: "yes", summary: null, mayPublish: false });
    const page = await call(campaignLoader, request(`/campaigns/${campaignId}`), { id: String(campaignId) });
    expect(page.data.letters).toEqual({ sent: 1, replies: 1 });
    expect(page.data.letterCampaigns).toEqual([{ slug: lc.slug, title: lc.title, status: "open", sent: 1 }]);
    expect(page.data.decisionMakers).toEqual({ chosen: ["Campaign Page Minister (House of Commons)"], own: ["MPs"] });
  });

  it("records a reply from the follow-up link by POST only, and refuses a forged link", async () => {
    const actor = await createMember(db);
    const mp = await createTarget(db, actor.id, { areas: "LN" });
    const { lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id] });
    await letterFrom(lc, { postcode: "LN1 1AA" });
    await dispatchDueLetters(db, MONDAY_10);
    const [m] = await messagesOf(lc.id);
    const { signedLinkToken } = await import("../../app/utils/signed-links.server");
    const token = signedLinkToken("letter-reply", m!.id);
    const page = await call(replyLoader, request(`/letters/reply/${token}`), { token });
    expect(page.data).toMatchObject({ outcome: null });
    expect((await messagesOf(lc.id))[0]!.reply_outcome).toBeNull();
    const bad = await call(replyAction, request(`/letters/reply/${token}`, { form: { outcome: "maybe" } }), { token });
    expect(bad.status).toBe(400);
    await call(replyAction, request(`/letters/reply/${token}`, { form: { outcome: "unsatisfactory", summary: "A form letter back.", mayPublish: "yes" } }), { token });
    expect((await messagesOf(lc.id))[0]).toMatchObject({ reply_outcome: "unsatisfactory", reply_summary: "A form letter back.", summary_may_publish: true });
    const forged = `${m!.id}.${"0".repeat(32)}`;
    expect((await call(replyLoader, request(`/letters/reply/${forged}`), { token: forged })).status).toBe(404);
  });
});
