import { describe, expect, it } from "vitest";
import { countPhrase, WAITING_COUNT_CAP } from "./waiting";

describe("counts of waiting work", () => {
  it("says none, one, many, and 'or more' at the cap where counting stopped", () => {
    expect(countPhrase(0, "organisation to verify", "organisations to verify")).toBe("No organisations to verify");
    expect(countPhrase(1, "organisation to verify", "organisations to verify")).toBe("1 organisation to verify");
    expect(countPhrase(12, "organisation to verify", "organisations to verify")).toBe("12 organisations to verify");
    expect(countPhrase(WAITING_COUNT_CAP, "letter held", "letters held")).toBe("1,000 or more letters held");
  });
});
