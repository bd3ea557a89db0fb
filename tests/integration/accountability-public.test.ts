import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createMember, createOpenLetterCampaign, createRunningCampaign, createTarget, unique } from "../support/builders";
import { changeAskStatus, enterResponse, recordAsk } from "../../app/services/accountability.server";
import { loader as trackerLoader } from "../../app/routes/accountability";
import { loader as jsonLoader } from "../../app/routes/accountability[.]json";
import { loader as csvLoader } from "../../app/routes/accountability[.]csv";
import { loader as listLoader } from "../../app/routes/decision-makers._index";
import { loader as profileLoader } from "../../app/routes/decision-makers.$id";
import { loader as campaignLoader } from "../../app/routes/campaigns.$id";
import { loader as demandLoader } from "../../app/routes/demands.$id/route";
import { call, request } from "./http";

const demandOf = async (campaignId: number) => (await db.selectFrom("campaign").select("demand_id").where("id", "=", campaignId).executeTakeFirstOrThrow()).demand_id;

/** A running campaign, a minister in a body of its own, and three asks: one committed with a response, one waiting, one declined. */
async function scene() {
  const lead = await createMember(db);
  const campaignId = await createRunningCampaign(db, lead.id, `Crisis houses ${unique()}`);
  const body = `Department ${unique()}`;
  const email = `private-${unique()}@example.org`;
  const minister = await createTarget(db, lead.id, { name: `Minister ${unique()}`, role: "minister", areas: "everywhere", email });
  await db.updateTable("target").set({ body }).where("id", "=", minister.id).execute();
  const other = await createTarget(db, lead.id, { name: `Councillor ${unique()}`, role: "councillor", areas: "LS" });
  const ask = async (targetId: number, askedOn: string) => {
    const made = await recordAsk(db, lead.id, campaignId, { targetId, request: "Will you fund a crisis house in every region?", channel: "meeting", letterCampaignId: null, petitionId: null, link: null, askedOn, sendLink: false });
    if (!made.ok) throw new Error(made.reason);
    return made.id;
  };
  const committed = await ask(minister.id, "2026-10-01");
  const step = await enterResponse(db, lead.id, committed, {
    body: "We will fund **three** regions.\n\n<script>alert(1)</script>",
    responder: "The Minister's office",
    source: "Letter by post",
    receivedOn: "2026-10-20",
    status: "committed",
    summary: "The minister agreed to fund 3 of 9 regions; 2 have opened",
  });
  expect(step).toEqual({ ok: true });
  const waiting = await ask(other.id, "2026-11-01");
  const declined = await ask(other.id, "2026-09-01");
  expect(await changeAskStatus(db, lead.id, declined, { status: "declined", summary: "=HYPERLINK(\"http://evil.example\")", happenedOn: "2026-09-15" })).toEqual({ ok: true });
  return { lead, campaignId, demandId: await demandOf(campaignId), body, email, minister, other, committed, waiting, declined };
}

describe("the tracker", () => {
  it("lists each adopted demand with its asks, a plain-language line and totals, and never an email address", async () => {
    const s = await scene();
    const page = await call(trackerLoader, request(`/accountability?demand=${s.demandId}`));
    expect(page.status).toBe(200);
    expect(page.data.demands).toHaveLength(1);
    const [entry] = page.data.demands;
    expect(entry.campaign.id).toBe(s.campaignId);
    expect(entry.asks.map((a: { id: number }) => a.id)).toEqual([s.waiting, s.committed, s.declined]);
    expect(entry.line).toBe("The minister agreed to fund 3 of 9 regions; 2 have opened. 3 asks: 1 committed, 1 waiting, 1 declined.");
    expect(entry.counts).toEqual({ committed: 1, asked: 1, declined: 1 });
    // The response is sanitised HTML: the Markdown kept, the script gone.
    const response = entry.asks[1].responses[0];
    expect(response.html).toContain("<strong>three</strong>");
    expect(response.html).not.toContain("<script");
    expect(page.data.totals).toEqual({ committed: 1, asked: 1, declined: 1 });
    expect(JSON.stringify(page.data)).not.toContain(s.email);
  });

  it("filters by status, decision maker, topic and body, keeps the choices, and ignores junk without an error", async () => {
    const s = await scene();
    const ids = async (query: string) => ((await call(trackerLoader, request(`/accountability${query}`))).data.demands as Array<{ campaign: { id: number } }>).map((d) => d.campaign.id);
    const byBody = await call(trackerLoader, request(`/accountability?body=${encodeURIComponent(s.body)}`));
    expect(byBody.data.demands.map((d: { campaign: { id: number } }) => d.campaign.id)).toEqual([s.campaignId]);
    expect(byBody.data.demands[0].asks.map((a: { id: number }) => a.id)).toEqual([s.committed]);
    expect(byBody.data.filters.body).toBe(s.body);
    expect(byBody.data.totals).toEqual({ committed: 1 });

    const byTarget = await call(trackerLoader, request(`/accountability?decision-maker=${s.other.id}&status=declined`));
    expect(byTarget.data.demands[0].asks.map((a: { id: number }) => a.id)).toEqual([s.declined]);
    expect(byTarget.data.filters).toMatchObject({ targetId: s.other.id, status: "declined" });

    expect(await ids(`?topic=housing&decision-maker=${s.minister.id}`)).toEqual([s.campaignId]);
    await db.updateTable("demand").set({ topics: ["work"] }).where("id", "=", s.demandId).execute();
    expect(await ids(`?topic=housing&decision-maker=${s.minister.id}`)).toEqual([]);
    expect(await ids(`?topic=work&decision-maker=${s.minister.id}`)).toEqual([s.campaignId]);

    // Junk is ignored: unknown status and topic, a non-numeric decision maker, a page of "1e9", an overlong body.
    const junk = await call(trackerLoader, request(`/accountability?status=won%27--&topic=%00&decision-maker=1.5&page=1e9&body=${"x".repeat(500)}&demand=-3`));
    expect(junk.status).toBe(200);
    expect(junk.data.filters).toEqual({ status: null, targetId: null, topic: null, body: null, demandId: null });
    expect(junk.data.page).toBe(1);
    const late = await call(trackerLoader, request("/accountability?page=999999"));
    expect(late.status).toBe(200);
    expect(late.data.demands).toEqual([]);
  });

  it("pages by demand, 20 at a time, newest campaign first", async () => {
    const lead = await createMember(db);
    const target = await createTarget(db, lead.id, { name: `Paged ${unique()}`, role: "mp", areas: "everywhere" });
    const campaigns: number[] = [];
    for (let i = 0; i < 21; i++) {
      const campaignId = await createRunningCampaign(db, lead.id);
      const made = await recordAsk(db, lead.id, campaignId, { targetId: target.id, request: "Please act.", channel: "other", letterCampaignId: null, petitionId: null, link: null, askedOn: "2026-11-01", sendLink: false });
      if (!made.ok) throw new Error(made.reason);
      campaigns.push(campaignId);
    }
    const first = await call(trackerLoader, request(`/accountability?decision-maker=${target.id}`));
    expect(first.data.demands.map((d: { campaign: { id: number } }) => d.campaign.id)).toEqual(campaigns.slice(1).reverse());
    expect(first.data.hasMore).toBe(true);
    const second = await call(trackerLoader, request(`/accountability?decision-maker=${target.id}&page=2`));
    expect(second.data.demands.map((d: { campaign: { id: number } }) => d.campaign.id)).toEqual([campaigns[0]]);
    expect(second.data.hasMore).toBe(false);
    // The tallies agree with the asks: 21 waiting.
    expect(first.data.totals).toEqual({ asked: 21 });
    const json = await call(jsonLoader, request(`/accountability.json?decision-maker=${target.id}`));
    expect(json.data.next).toMatch(/\/accountability\.json\?decision-maker=\d+&page=2$/);
  });
});

describe("the tracker as JSON and CSV", () => {
  it("JSON gives the page with history, Markdown responses and decision makers, public cache headers, and no email", async () => {
    const s = await scene();
    const raw = await jsonLoader({ request: request(`/accountability.json?demand=${s.demandId}`), params: {}, context: {} } as never);
    expect(raw.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(raw.headers.get("Cache-Control")).toMatch(/public/);
    const text = await raw.text();
    expect(text).not.toContain(s.email);
    const data = JSON.parse(text);
    expect(data.next).toBeNull();
    const [demand] = data.demands;
    expect(demand.demand.id).toBe(s.demandId);
    const committed = demand.asks.find((a: { id: number }) => a.id === s.committed);
    expect(committed).toMatchObject({
      status: "committed",
      statusLabel: "Committed",
      askedOn: "2026-10-01",
      statusOn: "2026-10-20",
      summary: "The minister agreed to fund 3 of 9 regions; 2 have opened",
      decisionMaker: { id: s.minister.id, role: "minister", body: s.body },
    });
    expect(committed.decisionMaker).not.toHaveProperty("email");
    expect(committed.history.map((h: { status: string }) => h.status)).toEqual(["asked", "committed"]);
    expect(committed.responses[0]).toMatchObject({ markdown: expect.stringContaining("We will fund **three** regions."), responder: "The Minister's office", receivedOn: "2026-10-20" });
  });

  it("CSV has one row per ask with a header, neutralises formulas, escapes quotes, and never carries an email", async () => {
    const s = await scene();
    const raw = await csvLoader({ request: request(`/accountability.csv?demand=${s.demandId}`), params: {}, context: {} } as never);
    expect(raw.headers.get("Content-Type")).toMatch(/text\/csv/);
    expect(raw.headers.get("Content-Disposition")).toMatch(/attachment; filename="chorus-accountability\.csv"/);
    expect(raw.headers.get("Cache-Control")).toMatch(/public/);
    const text = await raw.text();
    expect(text).not.toContain(s.email);
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe('"Demand","Campaign","Campaign status","Decision maker","Role","Body","Asked on","Channel","Status","Status date","Summary","Latest response"');
    expect(lines).toHaveLength(4);
    const declined = lines.find((l) => l.includes('"Declined"'))!;
    // A summary starting with "=" is text, not a formula; its quotes are doubled.
    expect(declined).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const committed = lines.find((l) => l.includes('"Committed"'))!;
    expect(committed).toContain('"2026-10-01","Meeting","Committed","2026-10-20"');
    expect(committed.endsWith('"2026-10-20"')).toBe(true);
    // Filters apply to the CSV too.
    const filtered = await (await csvLoader({ request: request(`/accountability.csv?demand=${s.demandId}&status=asked`), params: {}, context: {} } as never)).text();
    expect(filtered.trimEnd().split("\r\n")).toHaveLength(2);
  });
});

describe("decision makers", () => {
  it("lists them with counts, searchable by name and filterable by role", async () => {
    const s = await scene();
    const byName = await call(listLoader, request(`/decision-makers?q=${encodeURIComponent(s.minister.id ? (await db.selectFrom("target").select("name").where("id", "=", s.minister.id).executeTakeFirstOrThrow()).name : "")}`));
    expect(byName.data.decisionMakers).toEqual([expect.objectContaining({ id: s.minister.id, role: "minister", asks: 1, responses: 1 })]);
    expect(JSON.stringify(byName.data)).not.toContain(s.email);
    const councillors = await call(listLoader, request("/decision-makers?role=councillor&q=Councillor"));
    expect(councillors.data.decisionMakers.every((t: { role: string }) => t.role === "councillor")).toBe(true);
    expect(councillors.data.decisionMakers.find((t: { id: number }) => t.id === s.other.id)).toMatchObject({ asks: 2, responses: 0 });
    const junk = await call(listLoader, request("/decision-makers?role=king&page=abc&q=%25_"));
    expect(junk.status).toBe(200);
    expect(junk.data.role).toBeNull();
  });

  it("a decision maker's page: who, areas, asks by status, letters and replies as counts, and never their address", async () => {
    const s = await scene();
    // Letters to the minister: two sent (one of them a test, not counted), one held, and replies reported.
    const { lc } = await createOpenLetterCampaign(db);
    const letterIds = await db
      .insertInto("letter")
      .values([1, 2, 3].map((i) => ({ letter_campaign_id: lc.id, name: `Writer ${i}`, token_expires_at: new Date() })))
      .returning("id")
      .execute();
    await db
      .insertInto("letter_message")
      .values([
        { letter_id: letterIds[0]!.id, letter_campaign_id: lc.id, target_id: s.minister.id, status: "sent" },
        { letter_id: letterIds[1]!.id, letter_campaign_id: lc.id, target_id: s.minister.id, status: "sent", test: true },
        { letter_id: letterIds[2]!.id, letter_campaign_id: lc.id, target_id: s.minister.id, status: "held" },
      ])
      .execute();
    await db.updateTable("letter_message").set({ reply_outcome: "unsatisfactory", replied_at: new Date() }).where("letter_id", "=", letterIds[0]!.id).execute();
    await db.updateTable("letter_message").set({ status: "sent" }).where("letter_id", "=", letterIds[2]!.id).execute();
    await db.updateTable("letter_message").set({ reply_outcome: "yes" }).where("letter_id", "=", letterIds[2]!.id).execute();
    await db.updateTable("letter_message").set({ reply_outcome: "no" }).where("letter_id", "=", letterIds[2]!.id).execute();

    const page = await call(profileLoader, request(`/decision-makers/${s.minister.id}`), { id: String(s.minister.id) });
    expect(page.status).toBe(200);
    expect(page.data.decisionMaker).toMatchObject({ role: "Minister", body: s.body, areas: "everywhere" });
    expect(page.data.summary).toBe("Asked once: 1 committed");
    expect(page.data.responses).toBe(1);
    expect(page.data.letters).toBe(2);
    expect(Object.fromEntries(page.data.replies.map((r: { outcome: string; count: number }) => [r.outcome, r.count]))).toEqual({ yes: 0, not_yet: 0, no: 1, unsatisfactory: 1 });
    expect(page.data.replies[0].label).toBe("Yes, I got a reply");
    expect(page.data.asks.map((a: { id: number }) => a.id)).toEqual([s.committed]);
    expect(JSON.stringify(page.data)).not.toContain(s.email);
    // The tallies match a recount.
    const recount = await sql<{ n: number }>`select count(*)::int as n from letter_message where target_id = ${s.minister.id} and status = 'sent' and not test`.execute(db);
    expect(page.data.letters).toBe(recount.rows[0]!.n);

    const other = await call(profileLoader, request(`/decision-makers/${s.other.id}`), { id: String(s.other.id) });
    expect(other.data.summary).toBe("Asked 2 times: 1 waiting, 1 declined");
    expect(other.data.decisionMaker.areas).toBe("LS");

    for (const id of ["99999999", "abc", "1.5", "-1"]) expect((await call(profileLoader, request(`/decision-makers/${id}`), { id })).status).toBe(404);
  });
});

describe("the campaign and demand pages", () => {
  it("show what decision makers were asked, newest news first, with anchors for each ask and no email", async () => {
    const s = await scene();
    const campaign = await call(campaignLoader, request(`/campaigns/${s.campaignId}`), { id: String(s.campaignId) });
    expect(campaign.data.asks.map((a: { id: number }) => a.id)).toEqual([s.waiting, s.committed, s.declined]);
    expect(campaign.data.moreAsks).toBe(false);
    expect(JSON.stringify(campaign.data)).not.toContain(s.email);
    const demand = await call(demandLoader, request(`/demands/${s.demandId}`), { id: String(s.demandId) });
    expect(demand.data.asks.map((a: { id: number }) => a.id)).toEqual([s.waiting, s.committed, s.declined]);
    // Compact: no history on the demand page (the campaign page and the tracker carry it).
    expect(demand.data.asks[1].history).toEqual([]);
    expect(demand.data.asks[1].responses).toHaveLength(1);
    expect(JSON.stringify(demand.data)).not.toContain(s.email);
  });
});
