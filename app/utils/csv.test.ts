import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("CSV cells", () => {
  it("neutralise formulas and quote everything", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const bad of ["+1", "-1+2", "@SUM(A1)", "\tx"]) expect(csvCell(bad).startsWith(`"'`)).toBe(true);
    expect(csvCell("Asha Patel")).toBe('"Asha Patel"');
    expect(csvCell(null)).toBe('""');
    expect(csvRow(["a", 1, null])).toBe('"a","1",""\r\n');
  });
});
