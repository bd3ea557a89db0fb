import { describe, expect, it } from "vitest";
import { formatLondonLong, formatLondonMedium, parseLondonDateTime, toLondonInput } from "./london-time";

describe("parseLondonDateTime", () => {
  it("reads winter times as GMT and summer times as BST", () => {
    expect(parseLondonDateTime("2026-12-01T18:00")?.toISOString()).toBe("2026-12-01T18:00:00.000Z");
    expect(parseLondonDateTime("2026-07-01T18:00")?.toISOString()).toBe("2026-07-01T17:00:00.000Z");
  });
  it("rejects nonsense and impossible dates", () => {
    expect(parseLondonDateTime("tomorrow")).toBeNull();
    expect(parseLondonDateTime("2026-02-31T10:00")).toBeNull();
  });
  it("round-trips through the field's format", () => {
    expect(toLondonInput(parseLondonDateTime("2026-07-01T09:30")!)).toBe("2026-07-01T09:30");
  });
});

describe("shown times", () => {
  it("name their zone, GMT in winter and BST in summer", () => {
    expect(formatLondonLong(new Date("2026-12-01T18:00:00Z"))).toBe("1 December 2026 at 18:00 GMT");
    expect(formatLondonMedium(new Date("2026-07-01T17:00:00Z"))).toBe("1 Jul 2026, 18:00 BST");
  });
  it("show a day in words, the UK day of the moment", async () => {
    const { formatLondonDate } = await import("./london-time");
    expect(formatLondonDate(new Date("2026-12-04T10:00:00Z"))).toBe("4 December 2026");
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(formatLondonDate("2026-06-30T23:30:00Z")).toBe("1 July 2026");
  });
});

describe("calendar dates", () => {
  it("take today's date from UK time and show a date as written", async () => {
    const { todayInLondon, formatCalendarDate } = await import("./london-time");
    expect(todayInLondon(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02");
    expect(todayInLondon(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-01");
    expect(formatCalendarDate("2026-11-24")).toBe("24 November 2026");
  });
});
