import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { sql } from "kysely";
import { DEMO_CAMPAIGNS, DEMO_DEMANDS, DEMO_SOURCES, DEMO_STORIES } from "../../demo/demo-content";
import { listReadableStories } from "../../app/models/story.server";
import { tellerName } from "../../app/stories/consent";
import { seedDemoData } from "../../demo/demo-data";
import { listDemands } from "../../app/models/demand.server";

describe("the demo coalition", () => {
  it("gives every demand its own text, easy read included, so a search finds only what it should", async () => {
    await seedDemoData(db);
    const demands = await db.selectFrom("demand").select(["title", "body", "easy_read"]).where("title", "in", Object.values(DEMO_DEMANDS).map((d) => d.title)).execute();
    expect(demands).toHaveLength(Object.keys(DEMO_DEMANDS).length);
    expect(new Set(demands.map((d) => d.easy_read)).size).toBe(demands.length);
    expect(new Set(demands.map((d) => d.body)).size).toBe(demands.length);
    const sanctions = demands.find((d) => d.title === DEMO_DEMANDS.sanctions.title)!;
    expect(sanctions.easy_read).toMatch(/benefits/);
    expect(sanctions.easy_read).not.toMatch(/hospital/);

    const housing = await listDemands(db, { query: "housing", sort: "open_first", page: 1, viewerId: null });
    const found = housing.map((d) => d.title);
    expect(found).toContain(DEMO_DEMANDS.housingFirst.title);
    for (const other of [DEMO_DEMANDS.sanctions, DEMO_DEMANDS.tribunals, DEMO_DEMANDS.wellbeingApp]) expect(found).not.toContain(other.title);

    // The list's cards carry a decided demand's final totals, and none for an open one.
    const cards = await listDemands(db, { sort: "open_first", page: 1, viewerId: null });
    const crisis = cards.find((d) => d.title === DEMO_DEMANDS.crisisHouses.title)!;
    expect(crisis.final_totals!.support).toBeGreaterThan(crisis.final_totals!.oppose);
    expect(cards.find((d) => d.title === DEMO_DEMANDS.sanctions.title)!.final_totals).toBeNull();
    // Open demands come first.
    const open = cards.map((d) => d.stage === "consultation" || d.stage === "voting");
    expect(open.indexOf(false)).toBeGreaterThan(open.lastIndexOf(true));
  });
});

describe("the demo letters", () => {
  it("has fictional decision makers, letters sent, a reply to publish and a held near-copy", async () => {
    if (!(await db.selectFrom("target").select("id").where("email_normalised", "=", "minister.care@example.org").executeTakeFirst())) await seedDemoData(db);
    const targets = await db.selectFrom("target").select("email").execute();
    expect(targets.length).toBeGreaterThanOrEqual(5);
    expect(targets.every((t) => t.email.endsWith("@example.org"))).toBe(true);
    const states = await db.selectFrom("letter_message").select("status").execute();
    expect(states.filter((s) => s.status === "sent").length).toBeGreaterThanOrEqual(6);
    expect(states.filter((s) => s.status === "held").length).toBeGreaterThanOrEqual(1);
    const replies = await db.selectFrom("letter_message").select("reply_summary").where("summary_may_publish", "=", true).execute();
    expect(replies).toHaveLength(1);
  });
});

describe("the demo evidence", () => {
  it("has numbered sources on two demands, one cited in the text as [1], and a suggestion waiting for the authors", async () => {
    if (!(await db.selectFrom("demand_source").select("id").executeTakeFirst())) await seedDemoData(db);
    const housing = await db.selectFrom("demand").select(["id", "body"]).where("title", "=", DEMO_DEMANDS.housingFirst.title).executeTakeFirstOrThrow();
    const crisis = await db.selectFrom("demand").select("id").where("title", "=", DEMO_DEMANDS.crisisHouses.title).executeTakeFirstOrThrow();
    const sources = await db.selectFrom("demand_source").select(["demand_id", "title", "status", "number"]).orderBy("id").execute();
    const of = (demandId: number) => sources.filter((s) => s.demand_id === demandId);
    expect(of(housing.id).map((s) => [s.title, s.status, s.number])).toEqual([
      [DEMO_SOURCES.housingStudy.title, "accepted", 1],
      [DEMO_SOURCES.housingSurvey.title, "accepted", 2],
      [DEMO_SOURCES.housingStatistics.title, "suggested", null],
    ]);
    expect(of(crisis.id).map((s) => s.number)).toEqual([1, 2]);
    expect(new Set(sources.map((s) => s.demand_id))).toEqual(new Set([housing.id, crisis.id]));
    expect(housing.body).toContain("readmission [1].");
  });
});

describe("the demo stories", () => {
  it("has published stories at each consent level, one waiting for review and one withdrawn, told and reviewed through the services", async () => {
    if (!(await db.selectFrom("story").select("id").executeTakeFirst())) await seedDemoData(db);
    const stories = await db.selectFrom("story").select(["id", "title", "status", "audience", "name_choice", "may_quote", "easy_read", "content_notes"]).execute();
    const byTitle = (story: { title: string }) => stories.find((s) => s.title === story.title)!;
    expect(stories).toHaveLength(Object.keys(DEMO_STORIES).length);
    expect(byTitle(DEMO_STORIES.waiting).status).toBe("waiting");
    expect(byTitle(DEMO_STORIES.withdrawn).status).toBe("withdrawn");
    expect(byTitle(DEMO_STORIES.membersOnly)).toMatchObject({ status: "published", audience: "members" });
    expect(byTitle(DEMO_STORIES.contentNote)).toMatchObject({ status: "published", content_notes: ["restraint"] });
    expect(byTitle(DEMO_STORIES.easyRead).easy_read).toMatch(/own flat/);
    // Every published story went through a moderator's review, recorded.
    const reviews = await db.selectFrom("story_review").select(["story_id", "decision"]).execute();
    expect(new Set(reviews.filter((r) => r.decision === "published").map((r) => r.story_id))).toEqual(new Set(stories.filter((s) => s.status !== "waiting").map((s) => s.id)));

    const signedOut = (await listReadableStories(db, { memberId: null, organiserOf: [] }, { page: 1 })).stories;
    const names = Object.fromEntries(signedOut.map((s) => [s.title, tellerName(s)]));
    expect(names[DEMO_STORIES.leeds.title]).toBe("Someone in Leeds");
    expect(names[DEMO_STORIES.organisation.title]).toBe("A member of Voices Together");
    expect(names[DEMO_STORIES.contentNote.title]).toBe("Jamal");
    expect(Object.keys(names)).not.toContain(DEMO_STORIES.membersOnly.title);
    expect(Object.keys(names)).toHaveLength(Object.keys(DEMO_STORIES).length - 3);

    // The running campaign's demand has a quotable story.
    const crisis = await db.selectFrom("demand").select("id").where("title", "=", DEMO_DEMANDS.crisisHouses.title).executeTakeFirstOrThrow();
    const onCrisis = (await listReadableStories(db, { memberId: null, organiserOf: [] }, { page: 1, demandId: crisis.id })).stories;
    expect(onCrisis.map((s) => s.title)).toEqual([DEMO_STORIES.crisisHouse.title]);
    expect(byTitle(DEMO_STORIES.crisisHouse).may_quote).toBe(true);
  });
});

describe("the demo accountability record", () => {
  const seeded = async () => {
    if (!(await db.selectFrom("target").select("id").where("email_normalised", "=", "minister.care@example.org").executeTakeFirst())) await seedDemoData(db);
  };
  const asksOf = (campaignTitle: string) =>
    db
      .selectFrom("ask")
      .innerJoin("campaign", "campaign.id", "ask.campaign_id")
      .innerJoin("target", "target.id", "ask.target_id")
      .select(["ask.id", "ask.status", "ask.summary", "ask.asked_on", "ask.threshold", "ask.petition_id", "target.name"])
      .where("campaign.title", "=", campaignTitle)
      .orderBy("ask.id")
      .execute();
  const historyOf = (askId: number) => db.selectFrom("ask_status_change").select(["status", "happened_on", "source"]).where("ask_id", "=", askId).orderBy("id").execute();
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  it("the won campaign shows a commitment delivered, each step dated, with the minister's response", async () => {
    await seeded();
    const [ask] = await asksOf(DEMO_CAMPAIGNS.advocacy.title);
    expect(ask).toMatchObject({ status: "delivered", name: "Minister for Care" });
    expect((await historyOf(ask!.id)).map((h) => h.status)).toEqual(["asked", "committed", "delivered"]);
    const history = await historyOf(ask!.id);
    expect(new Set(history.map((h) => h.happened_on)).size).toBe(3);
    const responses = await db.selectFrom("ask_response").select(["body", "via", "source"]).where("ask_id", "=", ask!.id).execute();
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ via: "organiser", source: "letter to the campaign" });
    expect((await db.selectFrom("campaign").select("status").where("title", "=", DEMO_CAMPAIGNS.advocacy.title).executeTakeFirstOrThrow()).status).toBe("won");
  });

  it("the running campaign shows a partial commitment in the minister's own words, an unanswered ask and a petition past its threshold", async () => {
    await seeded();
    const asks = await asksOf(DEMO_CAMPAIGNS.crisisHouses.title);
    const byLink = asks.find((a) => a.name === "Minister for Care" && a.threshold === null)!;
    expect(byLink.status).toBe("committed");
    expect(byLink.summary).toBe("The minister agreed to fund 3 of 9 regions; 2 have opened.");
    const words = await db.selectFrom("ask_response").select(["via", "body"]).where("ask_id", "=", byLink.id).execute();
    expect(words).toEqual([expect.objectContaining({ via: "link" })]);
    expect(words[0]!.body).toMatch(/three of the nine regions/);

    const silent = asks.find((a) => a.name === "NHS West Yorkshire Integrated Care Board")!;
    expect(silent).toMatchObject({ status: "no_response", asked_on: daysAgo(40) });
    expect((await historyOf(silent.id)).at(-1)).toMatchObject({ status: "no_response", source: "automatic" });

    // The fold asked the petition's addressed decision maker once, and they have not answered yet.
    const threshold = asks.filter((a) => a.threshold !== null);
    expect(threshold).toEqual([expect.objectContaining({ threshold: "response", status: "asked", name: "Minister for Care" })]);
    const petition = await db.selectFrom("petition").select(["signature_count", "response_threshold", "response_asked_at", "meeting_asked_at"]).where("id", "=", threshold[0]!.petition_id!).executeTakeFirstOrThrow();
    expect(petition.signature_count).toBeGreaterThanOrEqual(petition.response_threshold!);
    expect(petition.response_asked_at).not.toBeNull();
    expect(petition.meeting_asked_at).toBeNull();
    // The minister was emailed a response link with the petition and its count.
    const mail = await db.selectFrom("email").select("props").where("template", "=", "AskForResponse").where("idempotency_key", "like", `ask:${threshold[0]!.id}:link:%`).execute();
    expect(mail).toHaveLength(1);

    // Writers who asked for campaign news are told of the minister's response, through a job.
    const news = (await sql<{ subject: string }>`select data->>'subject' as subject from pgboss.job where name = 'letter.news'`.execute(db)).rows;
    expect(news.map((n) => n.subject)).toContain("Minister for Care has responded to the campaign");
  });
});
