import { describe, expect, it } from "vitest";
import { parseWholeNumber, parseWholeNumbers } from "./numbers";

describe("whole numbers as people type them", () => {
  it("reads separators in threes, and nothing else", () => {
    for (const text of ["2000", "2,000", "2 000", " 2,000 ", "2\u00a0000"]) expect(parseWholeNumber(text), text).toBe(2000);
    expect(parseWholeNumber("1,000,000")).toBe(1_000_000);
    for (const text of ["", "1,00", "2.5", "2,000.50", "ten", "-5", "1e4", "20,00,000"]) expect(parseWholeNumber(text), text).toBeNull();
  });

  it("reads lists of milestones", () => {
    expect(parseWholeNumbers("1,000, 5,000")).toEqual([1000, 5000]);
    expect(parseWholeNumbers("1000,5000")).toEqual([1000, 5000]);
    expect(parseWholeNumbers("1000 5000; 20,000\n100,000")).toEqual([1000, 5000, 20000, 100000]);
    expect(parseWholeNumbers("")).toEqual([]);
    expect(parseWholeNumbers("1.5")).toBeNull();
    expect(parseWholeNumbers("1000 and 5000")).toBeNull();
  });
});
