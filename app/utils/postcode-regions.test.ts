import { describe, expect, it } from "vitest";
import { LISTED_AREAS, regionOf, regionTotals } from "./postcode-regions";

describe("postcode regions", () => {
  it("place an outward code in its nation or region", () => {
    expect(regionOf("LS6")).toBe("Yorkshire and the Humber");
    expect(regionOf("M1")).toBe("North West");
    expect(regionOf("SW1A")).toBe("London");
    expect(regionOf("EH7")).toBe("Scotland");
    expect(regionOf("CF10")).toBe("Wales");
    expect(regionOf("BT1")).toBe("Northern Ireland");
    expect(regionOf("B1")).toBe("West Midlands");
    expect(regionOf("BS3")).toBe("South West");
  });
  it("list each of the 124 postcode areas (with the Channel Islands and the Isle of Man) once", () => {
    expect(new Set(LISTED_AREAS).size).toBe(LISTED_AREAS.length);
    expect(LISTED_AREAS.length).toBe(124);
  });
  it("say nothing for what is not a known area", () => {
    expect(regionOf(null)).toBeNull();
    expect(regionOf("QQ1")).toBeNull();
    expect(regionOf("")).toBeNull();
  });
  it("sum counts by area into regions, most first, never reading \"Not given\" as the area N (London)", () => {
    expect(regionTotals([{ area: "LS", count: 2 }, { area: "Not given", count: 3 }, { area: "N", count: 1 }, { area: "HD", count: 1 }, { area: "QQ", count: 1 }])).toEqual([
      { region: "Not given", count: 4 },
      { region: "Yorkshire and the Humber", count: 3 },
      { region: "London", count: 1 },
    ]);
  });
});
