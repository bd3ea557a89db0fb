import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createLetterCampaign } from "../../app/services/letter.server";
import { endCampaign } from "../../app/services/campaign.server";
import { signedExpiringToken } from "../../app/utils/signed-links.server";
import { todayInLondon } from "../../app/utils/london-time";
import { toUkDateInput } from "../../app/utils/uk-dates";
import { action as asksAction, loader as asksLoader } from "../../app/routes/campaigns.$id_.asks/route";
import { action as askAction, loader as askLoader } from "../../app/routes/campaigns.$id_.asks_.$askId/route";
import { action as respondAction, loader as respondLoader } from "../../app/routes/respond.$token";
import { loader as manageLoader } from "../../app/routes/campaigns.$id_.manage/route";
import { createPetitionFor, createRunningCampaign, createTarget, LETTER_CAMPAIGN_FIELDS, signedInMember } from "../support/builders";
import { call, countEmails, latestEmail, request } from "./http";

const history = (askId: number) => db.selectFrom("ask_status_change").select(["status", "summary", "happened_on", "source"]).where("ask_id", "=", askId).orderBy("id").execute();
const askRow = (askId: number) => db.selectFrom("ask").selectAll().where("id", "=", askId).executeTakeFirstOrThrow();
const responsesOf = (askId: number) => db.selectFrom("ask_response").selectAll().where("ask_id", "=", askId).orderBy("id").execute();

async function organisedCampaign() {
  const lead = await signedInMember(db, { displayName: "Lead Organiser" });
  const campaignId = await createRunningCampaign(db, lead.id);
  const target = await createTarget(db, lead.id, { name: `Minister ${Math.random().toString(36).slice(2, 7)}`, role: "minister", areas: "everywhere" });
  return { lead, campaignId, target, asks: `/campaigns/${campaignId}/asks`, p: { id: String(campaignId) } };
}

const askForm = (targetId: number, extra: Record<string, string> = {}) => ({
  targetId: String(targetId),
  request: "Will you fund a crisis house in every region?\n\nAnd meet people who use them?",
  channel: "meeting",
  link: "https://example.org/minutes",
  askedOn: toUkDateInput(todayInLondon()),
  sendLink: "yes",
  ...extra,
});

/** Records an ask through the page and returns its id and the response link's token. */
async function recordThroughPage(setup: Awaited<ReturnType<typeof organisedCampaign>>, extra: Record<string, string> = {}) {
  const made = await call(asksAction, request(setup.asks, { form: askForm(setup.target.id, extra), cookie: setup.lead.cookie }), setup.p);
  expect(made.status).toBe(302);
  const askId = Number(made.location!.split("/").pop());
  const mail = await latestEmail(db, setup.target.email, "AskForResponse");
  const token = mail ? String((mail.props as { respondUrl: string }).respondUrl).split("/respond/")[1]! : "";
  return { askId, token, location: made.location! };
}

describe("who may use the organisers' ask pages", () => {
  it("lets organisers and coalition admins in, sends signed-out visitors to sign in, refuses strangers, and hides another campaign's ask", async () => {
    const setup = await organisedCampaign();
    const { askId } = await recordThroughPage(setup, { sendLink: "" });
    const stranger = await signedInMember(db);
    const admin = await signedInMember(db, { roles: ["admin"] });
    const askPath = `${setup.asks}/${askId}`;
    const askParams = { ...setup.p, askId: String(askId) };

    const signedOut = await call(asksLoader, request(setup.asks), setup.p);
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toBe(`/sign-in?redirectTo=${encodeURIComponent(setup.asks)}`);
    expect((await call(askLoader, request(askPath), askParams)).status).toBe(302);

    expect((await call(asksLoader, request(setup.asks, { cookie: stranger.cookie }), setup.p)).status).toBe(403);
    expect((await call(asksAction, request(setup.asks, { form: askForm(setup.target.id), cookie: stranger.cookie }), setup.p)).status).toBe(403);
    expect((await call(askLoader, request(askPath, { cookie: stranger.cookie }), askParams)).status).toBe(403);
    expect((await call(askAction, request(askPath, { form: { intent: "step", status: "declined", summary: "Sneaky", happenedOn: "1 11 2026" }, cookie: stranger.cookie }), askParams)).status).toBe(403);
    expect((await history(askId)).length).toBe(1);

    expect((await call(asksLoader, request(setup.asks, { cookie: admin.cookie }), setup.p)).status).toBe(200);
    const page = await call(askLoader, request(askPath, { cookie: setup.lead.cookie }), askParams);
    expect(page.status).toBe(200);
    expect(page.data.ask).toMatchObject({ id: askId, status: "asked", link: "https://example.org/minutes" });
    expect(JSON.stringify(page.data)).not.toContain(setup.target.email);

    // The same ask reached through another campaign's address is not there; nor is a made-up one.
    const other = await organisedCampaign();
    const elsewhere = { id: String(other.campaignId), askId: String(askId) };
    expect((await call(askLoader, request(`${other.asks}/${askId}`, { cookie: other.lead.cookie }), elsewhere)).status).toBe(404);
    expect((await call(askAction, request(`${other.asks}/${askId}`, { form: { intent: "resend" }, cookie: other.lead.cookie }), elsewhere)).status).toBe(404);
    expect((await call(askLoader, request(`${setup.asks}/99999999`, { cookie: setup.lead.cookie }), { ...setup.p, askId: "99999999" })).status).toBe(404);
    expect((await call(askLoader, request(`${setup.asks}/1e3`, { cookie: setup.lead.cookie }), { ...setup.p, askId: "1e3" })).status).toBe(404);
  });

  it("stays open to organisers after the campaign is won: a promise can still be kept or broken", async () => {
    const setup = await organisedCampaign();
    const { askId } = await recordThroughPage(setup, { sendLink: "" });
    await endCampaign(db, setup.campaignId, setup.lead.id, "won", { title: "Won", body: "", link: null });
    // The manage page closes with the campaign; the asks do not.
    expect((await call(manageLoader, request(`/campaigns/${setup.campaignId}/manage`, { cookie: setup.lead.cookie }), setup.p)).status).toBe(403);
    expect((await call(asksLoader, request(setup.asks, { cookie: setup.lead.cookie }), setup.p)).status).toBe(200);
    const askParams = { ...setup.p, askId: String(askId) };
    const step = await call(askAction, request(`${setup.asks}/${askId}`, { form: { intent: "step", status: "committed", summary: "Agreed to fund 3 of 9 regions.", happenedOn: toUkDateInput(todayInLondon()) }, cookie: setup.lead.cookie }), askParams);
    expect(step.status).toBe(302);
    expect(await askRow(askId)).toMatchObject({ status: "committed", summary: "Agreed to fund 3 of 9 regions." });
  });
});

describe("recording an ask", () => {
  it("records it and queues the AskForResponse email with a /respond/ link; the page lists it newest first with a link to its own page", async () => {
    const setup = await organisedCampaign();
    const { askId, token, location } = await recordThroughPage(setup);
    expect(location).toBe(`${setup.asks}/${askId}`);
    expect(token).toMatch(/^\d+\.\d+\.\d+\.[0-9a-f]{32}$/);
    const mail = await latestEmail(db, setup.target.email, "AskForResponse");
    expect((mail!.props as { respondUrl: string; request: string }).request).toContain("crisis house");
    expect(await askRow(askId)).toMatchObject({ channel: "meeting", link: "https://example.org/minutes", asked_on: todayInLondon(), request: "Will you fund a crisis house in every region?\n\nAnd meet people who use them?" });

    const second = await recordThroughPage(setup, { sendLink: "", request: "A second, later ask to the minister." });
    const page = await call(asksLoader, request(setup.asks, { cookie: setup.lead.cookie }), setup.p);
    expect(page.data.asks.map((a: { id: number }) => a.id)).toEqual([second.askId, askId]);
    expect(page.data.hasMore).toBe(false);
    expect(page.data.targets.flatMap((g: { targets: Array<{ id: number }> }) => g.targets.map((t) => t.id))).toContain(setup.target.id);
    // The second was recorded without a link: still only one email to the decision maker.
    expect(await countEmails(db, setup.target.email)).toBe(1);
  });

  it("says what is wrong by each field, keeps what was typed, and records nothing", async () => {
    const setup = await organisedCampaign();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    const bad = await call(
      asksAction,
      request(setup.asks, { form: { targetId: "", request: "Short", channel: "carrier pigeon", link: "javascript:alert(1)", askedOn: toUkDateInput(todayInLondon(tomorrow)), sendLink: "yes" }, cookie: setup.lead.cookie }),
      setup.p,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({
      targetId: "Choose who was asked",
      request: "What was asked must be 10 characters or more",
      channel: "Choose how they were asked",
      link: "Enter a full web address starting with https://",
      askedOn: "The date cannot be in the future",
    });
    expect(bad.data.values).toMatchObject({ request: "Short", link: "javascript:alert(1)", sendLink: "yes" });

    // A petition delivery needs its petition, and it must be this campaign's; a letter campaign likewise.
    const missing = await call(asksAction, request(setup.asks, { form: askForm(setup.target.id, { channel: "petition" }), cookie: setup.lead.cookie }), setup.p);
    expect(missing.data.errors).toEqual({ petitionId: "Choose which petition was delivered" });
    const foreign = await createPetitionFor(db, { leadId: setup.lead.id });
    const notOurs = await call(asksAction, request(setup.asks, { form: askForm(setup.target.id, { channel: "petition", petitionId: String(foreign.petition.id) }), cookie: setup.lead.cookie }), setup.p);
    expect(notOurs.status).toBe(400);
    expect(notOurs.data.errors).toEqual({ petitionId: "Choose one of this campaign's petitions" });
    expect(notOurs.data.values).toMatchObject({ channel: "petition", petitionId: String(foreign.petition.id) });
    const otherLetters = await createLetterCampaign(db, foreign.campaignId, setup.lead.id, LETTER_CAMPAIGN_FIELDS);
    const notOurLetters = await call(asksAction, request(setup.asks, { form: askForm(setup.target.id, { channel: "letter_campaign", letterCampaignId: String(otherLetters.id) }), cookie: setup.lead.cookie }), setup.p);
    expect(notOurLetters.data.errors).toEqual({ letterCampaignId: "Choose one of this campaign's letter campaigns" });
    const unknown = await call(asksAction, request(setup.asks, { form: askForm(99_999_999), cookie: setup.lead.cookie }), setup.p);
    expect(unknown.data.errors).toEqual({ targetId: "Choose a decision maker from the list" });

    // No working address: the box must be unticked (or the address fixed); the form is kept.
    await db.updateTable("target").set({ bounced_at: new Date() }).where("id", "=", setup.target.id).execute();
    const bounced = await call(asksAction, request(setup.asks, { form: askForm(setup.target.id), cookie: setup.lead.cookie }), setup.p);
    expect(bounced.status).toBe(400);
    expect(bounced.data.errors.sendLink).toMatch(/no working email address/);
    expect(bounced.data.values).toMatchObject({ request: askForm(0).request, sendLink: "yes" });
    expect(await db.selectFrom("ask").select("id").where("campaign_id", "=", setup.campaignId).execute()).toEqual([]);
    const unticked = await call(asksAction, request(setup.asks, { form: askForm(setup.target.id, { sendLink: "" }), cookie: setup.lead.cookie }), setup.p);
    expect(unticked.status).toBe(302);
  });

  it("bounds huge values: the refusal carries each field at most its limit, never a 500", async () => {
    const setup = await organisedCampaign();
    const huge = "x".repeat(200_000);
    const bad = await call(asksAction, request(setup.asks, { form: askForm(setup.target.id, { request: huge, link: huge, askedOn: huge, targetId: huge }), cookie: setup.lead.cookie }), setup.p);
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({ request: "What was asked must be 5,000 characters or fewer", askedOn: "Enter a real date, for example 27 3 2027" });
    expect(String(bad.data.values.request).length).toBe(5_000);
    expect(String(bad.data.values.askedOn).length).toBe(40);
    expect(String(bad.data.values.targetId).length).toBeLessThanOrEqual(20);
  });
});

describe("an ask's own page", () => {
  it("adds dated steps the rules allow, refuses the others by the field with the form kept, and never rewrites history", async () => {
    const setup = await organisedCampaign();
    const { askId } = await recordThroughPage(setup, { sendLink: "" });
    const path = `${setup.asks}/${askId}`;
    const params = { ...setup.p, askId: String(askId) };
    const post = (form: Record<string, string>) => call(askAction, request(path, { form, cookie: setup.lead.cookie }), params);

    const page = await call(askLoader, request(path, { cookie: setup.lead.cookie }), params);
    expect(page.data.next).toEqual(["asked", "responded", "committed", "declined", "no_response"]);
    expect(page.data.link).toBeNull();

    const empty = await post({ intent: "step", status: "", summary: "", happenedOn: "31 2 2026" });
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toEqual({ status: "Choose where the ask stands now", summary: "Say in plain words where things stand", happenedOn: "Enter a real date, for example 27 3 2027" });
    expect(empty.data.values).toMatchObject({ intent: "step", happenedOn: "31 2 2026" });

    expect((await post({ intent: "step", status: "committed", summary: "The minister agreed to fund 3 of 9 regions", happenedOn: "2 11 2026" })).status).toBe(302);
    // committed cannot go to "declined" or back to "asked": refused by the status field, typed words kept.
    const refused = await post({ intent: "step", status: "asked", summary: "Oops, wrong ask", happenedOn: "3 11 2026" });
    expect(refused.status).toBe(400);
    expect(refused.data.errors.status).toMatch(/cannot move to that status/);
    expect(refused.data.values).toMatchObject({ summary: "Oops, wrong ask", happenedOn: "3 11 2026" });
    expect((await post({ intent: "step", status: "committed", summary: "2 have opened", happenedOn: "4 11 2026" })).status).toBe(302);
    expect((await history(askId)).map((h) => [h.status, h.summary, h.happened_on])).toEqual([
      ["asked", "", todayInLondon()],
      ["committed", "The minister agreed to fund 3 of 9 regions", "2026-11-02"],
      ["committed", "2 have opened", "2026-11-04"],
    ]);
    // An unknown intent is not a form of ours.
    expect((await post({ intent: "rewrite" })).status).toBe(400);
  });

  it("publishes a response received elsewhere with its source and date, and refuses bad input by the field", async () => {
    const setup = await organisedCampaign();
    const { askId } = await recordThroughPage(setup, { sendLink: "" });
    const path = `${setup.asks}/${askId}`;
    const params = { ...setup.p, askId: String(askId) };
    const post = (form: Record<string, string>) => call(askAction, request(path, { form: { intent: "response", ...form }, cookie: setup.lead.cookie }), params);

    const bad = await post({ body: "", responder: "", source: "", receivedOn: "", meaning: "won", responseSummary: "" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.errors).sort()).toEqual(["body", "meaning", "receivedOn", "responder", "responseSummary", "source"]);
    const notAllowed = await post({ body: "We delivered.", responder: "The Minister", source: "Letter by post", receivedOn: "1 11 2026", meaning: "delivered", responseSummary: "Says delivered" });
    expect(notAllowed.data.errors).toEqual({ meaning: expect.stringMatching(/cannot move/) });
    expect(notAllowed.data.values).toMatchObject({ body: "We delivered.", source: "Letter by post" });
    expect(await responsesOf(askId)).toEqual([]);

    const ok = await post({ body: "We will **fund** three regions.\n\nMore next year.", responder: "The Minister", source: "Letter by post", receivedOn: "1 11 2026", meaning: "keep", responseSummary: "Will fund three regions next year" });
    expect(ok.status).toBe(302);
    expect(await responsesOf(askId)).toMatchObject([{ via: "organiser", responder: "The Minister", source: "Letter by post", received_on: "2026-11-01", body: "We will **fund** three regions.\n\nMore next year." }]);
    // "Keep" on an ask still waiting records it as answered.
    expect(await askRow(askId)).toMatchObject({ status: "responded", summary: "Will fund three regions next year" });
    const page = await call(askLoader, request(path, { cookie: setup.lead.cookie }), params);
    expect(page.data.ask.responses[0].html).toContain("<strong>fund</strong>");
  });

  it("sends a new link: the old one stops working, and the page says when the last was sent", async () => {
    const setup = await organisedCampaign();
    const { askId, token } = await recordThroughPage(setup);
    const path = `${setup.asks}/${askId}`;
    const params = { ...setup.p, askId: String(askId) };
    const before = await call(askLoader, request(path, { cookie: setup.lead.cookie }), params);
    expect(before.data.link).toMatchObject({ expired: false });
    expect(before.data.link.expiresOn).toBeTruthy();
    expect((await call(askAction, request(path, { form: { intent: "resend" }, cookie: setup.lead.cookie }), params)).status).toBe(302);
    expect(await countEmails(db, setup.target.email)).toBe(2);
    expect((await call(respondLoader, request(`/respond/${token}`), { token })).status).toBe(410);

    await db.updateTable("target").set({ bounced_at: new Date() }).where("id", "=", setup.target.id).execute();
    const refused = await call(askAction, request(path, { form: { intent: "resend" }, cookie: setup.lead.cookie }), params);
    expect(refused.status).toBe(400);
    expect(refused.data.errors.resend).toMatch(/no working email address/);
  });
});

describe("the decision maker's response page", () => {
  it("opens without changing anything, publishes on the button, and a second press changes nothing", async () => {
    const setup = await organisedCampaign();
    const { askId, token } = await recordThroughPage(setup);
    const path = `/respond/${token}`;
    const opened = await call(respondLoader, request(path), { token });
    expect(opened.status).toBe(200);
    expect(opened.data).toMatchObject({ state: "open", targetName: expect.stringMatching(/^Minister/), campaign: { id: setup.campaignId }, answered: null });
    expect(JSON.stringify(opened.data)).not.toContain(setup.target.email);
    await call(respondLoader, request(path), { token });
    expect(await responsesOf(askId)).toEqual([]);
    expect((await history(askId)).length).toBe(1);

    const bad = await call(respondAction, request(path, { form: { response: "", position: "maybe" } }), { token });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ response: "Enter your response", position: "Choose your position on what was asked" });
    const huge = await call(respondAction, request(path, { form: { response: "y".repeat(100_000), position: "commit" } }), { token });
    expect(huge.data.errors).toEqual({ response: "Your response must be 20,000 characters or fewer" });
    expect(String(huge.data.values.response).length).toBe(20_000);
    expect(await responsesOf(askId)).toEqual([]);

    const published = await call(respondAction, request(path, { form: { response: "We commit to **three** regions.", position: "commit" } }), { token });
    expect(published.status).toBe(302);
    expect(published.location).toBe(path);
    expect(await responsesOf(askId)).toMatchObject([{ via: "link", body: "We commit to **three** regions.", received_on: todayInLondon() }]);
    expect(await askRow(askId)).toMatchObject({ status: "committed" });

    const again = await call(respondAction, request(path, { form: { response: "Actually, no.", position: "decline" } }), { token });
    expect(again.status).toBe(302);
    expect((await responsesOf(askId)).length).toBe(1);
    expect(await askRow(askId)).toMatchObject({ status: "committed" });
    const thanked = await call(respondLoader, request(path), { token });
    expect(thanked.data.answered.html).toContain("<strong>three</strong>");

    // It shows on the organisers' page of the ask, in their words.
    const page = await call(askLoader, request(`${setup.asks}/${askId}`, { cookie: setup.lead.cookie }), { ...setup.p, askId: String(askId) });
    expect(page.data.ask.responses).toMatchObject([{ via: "link", html: expect.stringContaining("<strong>three</strong>") }]);
  });

  it("refuses tampered, unknown and expired links with calm 4xx pages, never a 500", async () => {
    const setup = await organisedCampaign();
    const { askId, token } = await recordThroughPage(setup);
    const tampered = token.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    for (const bad of [tampered, "not-a-token", "9999999.1.1.00000000000000000000000000000000", ""]) {
      const page = await call(respondLoader, request(`/respond/${bad}`), { token: bad });
      expect(page.status).toBe(404);
      expect(page.data).toEqual({ state: "refused", reason: "invalid" });
      const post = await call(respondAction, request(`/respond/${bad}`, { form: { response: "Hello", position: "commit" } }), { token: bad });
      expect(post.status).toBe(404);
    }
    const { response_link_version } = await askRow(askId);
    const expired = signedExpiringToken("ask-response", askId, response_link_version, new Date(Date.now() - 60_000));
    const page = await call(respondLoader, request(`/respond/${expired}`), { token: expired });
    expect(page.status).toBe(410);
    expect(page.data).toEqual({ state: "refused", reason: "expired" });
    const post = await call(respondAction, request(`/respond/${expired}`, { form: { response: "Too late?", position: "commit" } }), { token: expired });
    expect(post.status).toBe(410);
    expect(post.data).toEqual({ state: "refused", reason: "expired" });
    expect(await responsesOf(askId)).toEqual([]);
  });
});
