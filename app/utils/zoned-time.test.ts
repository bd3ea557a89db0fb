import { describe, expect, it } from "vitest";
import { formatInZone, instantFromWallClock, wallClock } from "./zoned-time";

describe("times in a zone", () => {
  it("reads a London wall clock in BST and in GMT", () => {
    expect(instantFromWallClock("2027-07-01", "10:00", "Europe/London")!.toISOString()).toBe("2027-07-01T09:00:00.000Z");
    expect(instantFromWallClock("2027-12-01", "10:00", "Europe/London")!.toISOString()).toBe("2027-12-01T10:00:00.000Z");
  });

  it("refuses a time the clocks skip and takes the first of a time that happens twice", () => {
    expect(instantFromWallClock("2027-03-28", "01:30", "Europe/London")).toBeNull();
    expect(instantFromWallClock("2027-10-31", "01:30", "Europe/London")!.toISOString()).toBe("2027-10-31T00:30:00.000Z");
  });

  it("shows a moment as people in the zone read it", () => {
    const at = new Date("2027-10-30T21:00:00.000Z");
    expect(wallClock(at, "Europe/London")).toEqual({ date: "2027-10-30", time: "22:00" });
    expect(formatInZone(at, "Europe/London")).toBe("Saturday 30 October 2027 at 22:00 BST");
  });
});
