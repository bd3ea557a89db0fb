import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { DEMO_DEMANDS, DEMO_SOURCES } from "../../demo/demo-content";
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
