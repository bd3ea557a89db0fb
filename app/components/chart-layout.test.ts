import { describe, expect, it } from "vitest";
import { barLayout, CHART_HEIGHT, chartWidthEm, dateLabels, dateTicks, fillSeries, formatDateRange, gutterEm, labelPlacement, MAX_POINTS, planChart, valueTicks, type Point } from "./chart-layout";

/** `count` consecutive days (or Mondays, for weeks) from `first`, each with `count(i)`. */
function run(first: string, length: number, period: "day" | "week" = "day", count: (i: number) => number = () => 1): Point[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  const step = (period === "week" ? 7 : 1) * 86_400_000;
  return Array.from({ length }, (_, i) => ({ date: new Date(start + i * step).toISOString().slice(0, 10), count: count(i) }));
}
const dates = (points: Point[]) => points.map((p) => p.date);
const signatures = { one: "confirmed signature", other: "confirmed signatures" };

describe("the value scale", () => {
  it("runs from 0 past the largest count in round steps, at most five of them", () => {
    expect(valueTicks(1)).toEqual([0, 1]);
    expect(valueTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(valueTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(valueTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(valueTicks(402)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(valueTicks(12_345)).toEqual([0, 5_000, 10_000, 15_000]);
    for (const max of [1, 3, 9, 11, 99, 101, 999, 1_001, 54_321]) {
      const ticks = valueTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.length - 1).toBeLessThanOrEqual(5);
    }
  });

  it("leaves room on the left for its longest label", () => {
    expect(gutterEm(valueTicks(402))).toBe(3);
    expect(gutterEm(valueTicks(4_020))).toBe(4);
    expect(gutterEm(valueTicks(40_200))).toBe(5);
  });
});

describe("the bars", () => {
  it("have a gap between them for 1, 7, 30 and 365 points, a larger share of the slot when there are few", () => {
    const widths = [1, 7, 30, 365].map((n) => barLayout(n));
    for (const bar of widths) {
      expect(bar.width).toBeGreaterThan(0.5);
      expect(bar.width).toBeLessThan(1);
      // Centred in the slot: the same gap either side.
      expect(bar.offset * 2 + bar.width).toBeCloseTo(1);
    }
    expect(widths[0]!.width).toBeLessThanOrEqual(widths[2]!.width);
    expect(widths[2]!.width).toBeLessThanOrEqual(widths[3]!.width);
  });

  it("ask for a modest width when there are few and share the page's width when there are many", () => {
    const em = 14;
    // A week of days: a chart well under a desktop column, not seven slabs across it.
    expect(chartWidthEm(7, 3) * em).toBeLessThan(600);
    expect(chartWidthEm(2, 3) * em).toBeLessThan(chartWidthEm(7, 3) * em);
    // A year of days asks for more than any screen; the stylesheet caps it at the column's width.
    expect(chartWidthEm(365, 3) * em).toBeGreaterThan(2_000);
  });

  it("are drawn at a fixed height, well under 400 pixels, whatever the number of points", () => {
    expect(CHART_HEIGHT).toBeGreaterThan(120);
    expect(CHART_HEIGHT).toBeLessThan(400);
  });
});

describe("the series", () => {
  it("fills the days nothing happened with 0, so the bars keep to the calendar", () => {
    expect(fillSeries([{ date: "2026-03-02", count: 2 }, { date: "2026-03-05", count: 1 }], "day")).toEqual([
      { date: "2026-03-02", count: 2 },
      { date: "2026-03-03", count: 0 },
      { date: "2026-03-04", count: 0 },
      { date: "2026-03-05", count: 1 },
    ]);
    expect(dates(fillSeries([{ date: "2026-03-02", count: 2 }, { date: "2026-03-23", count: 1 }], "week"))).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
  });

  it("keeps the latest year when there is more, across the change of the clocks", () => {
    const series = fillSeries(run("2025-01-01", 500), "day");
    expect(series).toHaveLength(MAX_POINTS);
    expect(series.at(-1)!.date).toBe(run("2025-01-01", 500).at(-1)!.date);
    expect(new Set(dates(series)).size).toBe(MAX_POINTS);
  });
});

describe("the date labels", () => {
  it("label every day of a short run", () => {
    expect(dateTicks(dates(run("2026-03-02", 2)), "day")).toEqual([0, 1]);
    expect(dateTicks(dates(run("2026-03-02", 5)), "day")).toEqual([0, 1, 2, 3, 4]);
  });

  it("thin out to at most five on calendar steps: every other day for a week, Mondays for a month, quarters for a year", () => {
    expect(dateTicks(dates(run("2026-03-02", 7)), "day")).toEqual([0, 2, 4, 6]);
    // 30 days from Monday 2 March: the five Mondays.
    const month = dates(run("2026-03-02", 30));
    expect(dateTicks(month, "day").map((i) => month[i])).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"]);
    const year = dates(run("2026-01-01", 365));
    expect(dateTicks(year, "day").map((i) => year[i])).toEqual(["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"]);
    for (const n of [1, 7, 8, 9, 13, 30, 31, 45, 60, 90, 180, 365]) {
      const ticks = dateTicks(dates(run("2026-02-17", n)), "day");
      expect(ticks.length, `${n} days`).toBeGreaterThan(0);
      expect(ticks.length, `${n} days`).toBeLessThanOrEqual(5);
    }
  });

  it("label weeks by the start of a month once there are too many to label each", () => {
    expect(dateTicks(dates(run("2026-03-02", 4, "week")), "week")).toEqual([0, 1, 2, 3]);
    const half = dates(run("2026-01-05", 26, "week"));
    const ticks = dateTicks(half, "week");
    expect(ticks.length).toBeLessThanOrEqual(5);
    for (const i of ticks) expect(Number(half[i]!.slice(8))).toBeLessThanOrEqual(7);
    const year = dates(run("2026-01-05", 52, "week"));
    expect(dateTicks(year, "week").map((i) => year[i])).toEqual(["2026-01-05", "2026-04-06", "2026-07-06", "2026-10-05"]);
  });

  it("name the year where it changes only on a chart longer than a quarter, whose labels are months apart", () => {
    const year = dates(run("2026-02-05", 365));
    expect(dateLabels(year, "day").map((l) => l.text)).toEqual(["1 Apr", "1 Jul", "1 Oct", "1 Jan 2027"]);
    const turn = dates(run("2026-12-28", 7));
    expect(dateLabels(turn, "day").map((l) => l.text)).toEqual(["28 Dec", "30 Dec", "1 Jan", "3 Jan"]);
  });

  it("run inwards at the edges so none falls off the chart", () => {
    expect(labelPlacement(0, 30)).toEqual({ at: 0, anchor: "start" });
    expect(labelPlacement(29, 30)).toEqual({ at: 1, anchor: "end" });
    expect(labelPlacement(15, 30)).toEqual({ at: 15.5 / 30, anchor: "middle" });
  });
});

describe("what a chart says", () => {
  it("has no chart and a plain sentence when there is nothing to show", () => {
    expect(planChart([], "day", "Confirmed signatures by day", signatures)).toEqual({ kind: "none", sentence: "No confirmed signatures yet." });
    expect(planChart([{ date: "2026-03-02", count: 0 }], "day", "Confirmed signatures by day", signatures).kind).toBe("none");
  });

  it("says a single day as its number instead of drawing one bar", () => {
    expect(planChart([{ date: "2026-12-04", count: 412 }], "day", "Confirmed signatures by day", signatures)).toEqual({
      kind: "one",
      sentence: "412 confirmed signatures, all on 4 December 2026.",
    });
    expect(planChart([{ date: "2026-12-04", count: 1 }], "day", "Confirmed signatures by day", signatures)).toEqual({
      kind: "one",
      sentence: "1 confirmed signature on 4 December 2026.",
    });
    expect(planChart([{ date: "2026-11-30", count: 3 }], "week", "Timeline entries by week", { one: "timeline entry", other: "timeline entries" })).toEqual({
      kind: "one",
      sentence: "3 timeline entries, all in the week beginning 30 November 2026.",
    });
  });

  it("labels a chart with its title, dates, total and busiest period", () => {
    const plan = planChart(run("2026-12-04", 7, "day", (i) => [10, 20, 402, 5, 0, 7, 9][i]!), "day", "Confirmed signatures by day", signatures);
    expect(plan).toMatchObject({ kind: "chart", shortened: false, label: "Confirmed signatures by day, 4 to 10 December 2026: 453 in all, most on 6 December (402)" });
    const tie = planChart(run("2026-11-30", 3, "week", () => 2), "week", "Timeline entries by week", { one: "timeline entry", other: "timeline entries" });
    expect(tie).toMatchObject({ label: "Timeline entries by week, weeks beginning 30 November to 14 December 2026: 6 in all, most in the week beginning 30 November and 2 other weeks (2 each)" });
  });

  it("says when a chart shows only the latest year of a longer run", () => {
    const plan = planChart(run("2025-01-01", 400), "day", "Letters sent by day", { one: "letter sent", other: "letters sent" });
    expect(plan.kind === "chart" && plan.series.length).toBe(MAX_POINTS);
    expect(plan.kind === "chart" && plan.shortened).toBe(true);
  });

  it("writes date ranges within a month, across months and across years", () => {
    expect(formatDateRange("2026-12-04", "2026-12-04")).toBe("4 December 2026");
    expect(formatDateRange("2026-12-04", "2026-12-10")).toBe("4 to 10 December 2026");
    expect(formatDateRange("2026-11-28", "2026-12-04")).toBe("28 November to 4 December 2026");
    expect(formatDateRange("2025-12-29", "2026-01-04")).toBe("29 December 2025 to 4 January 2026");
  });
});
