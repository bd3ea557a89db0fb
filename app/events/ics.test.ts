import { describe, expect, it } from "vitest";
import { escapeIcsText, foldIcsLine, icsUtc } from "./ics";

describe("iCalendar text", () => {
  it("escapes backslashes, semicolons, commas and line breaks, and drops other control characters", () => {
    expect(escapeIcsText("a\\b; c, d\r\ne\nf\u0000g")).toBe("a\\\\b\\; c\\, d\\ne\\nfg");
  });

  it("folds at 75 octets without splitting a multi-byte character", () => {
    const line = `SUMMARY:${"é".repeat(50)}☕${"x".repeat(40)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("writes instants in UTC", () => {
    expect(icsUtc(new Date("2027-10-30T21:00:00.000Z"))).toBe("20271030T210000Z");
  });
});
