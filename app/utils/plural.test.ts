import { describe, expect, it } from "vitest";
import { countOf, pluralise } from "./plural";

describe("plural", () => {
  it("uses the singular for exactly one and the plural otherwise, including none", () => {
    expect(countOf(1, "reply")).toBe("1 reply");
    expect(countOf(0, "reply")).toBe("0 replies");
    expect(countOf(2, "signature")).toBe("2 signatures");
    expect(countOf(-1, "character")).toBe("-1 characters");
  });
  it("knows the English rules and the irregular words the pages use", () => {
    expect(pluralise(3, "entry")).toBe("entries");
    expect(pluralise(3, "day")).toBe("days");
    expect(pluralise(3, "copy")).toBe("copies");
    expect(pluralise(3, "person")).toBe("people");
    expect(pluralise(3, "address")).toBe("addresses");
    expect(pluralise(2, "member supports", "members support")).toBe("members support");
    expect(pluralise(1, "member supports", "members support")).toBe("member supports");
  });
  it("writes large numbers with UK thousands separators", () => {
    expect(countOf(12345, "signature")).toBe("12,345 signatures");
  });
});
