import { describe, expect, it } from "vitest";
import { LISTED_AREAS, regionOf } from "./postcode-regions";

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
});
