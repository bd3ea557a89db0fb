import { describe, expect, it } from "vitest";
import { consentEventText } from "./history";

const names = { campaigns: new Map([[3, "Crisis houses now"]]), organisations: new Map([[9, "Voices Together"]]) };

describe("a story's consent history in plain words", () => {
  it("says each consent as its teller gave it", () => {
    expect(consentEventText({ consent: "quote", value: "yes", actor: "teller" }, names)).toBe("you allowed quotation to decision makers");
    expect(consentEventText({ consent: "research", value: "no", actor: "teller" }, names)).toBe("you did not allow researchers to use it");
    expect(consentEventText({ consent: "audience", value: "organisers:3,4", actor: "teller" }, names)).toBe("you let the organisers of Crisis houses now, a campaign that has since closed read it");
    expect(consentEventText({ consent: "name", value: "place:Leeds", actor: "teller_link" }, names)).toBe("you chose to show it as “Someone in Leeds”");
    expect(consentEventText({ consent: "name", value: "first_name:Sam: really", actor: "teller" }, names)).toBe("you chose to show it under the first name “Sam: really”");
    expect(consentEventText({ consent: "name", value: "organisation:9", actor: "teller" }, names)).toBe("you chose to show it as “A member of Voices Together”");
    expect(consentEventText({ consent: "withdrawn", value: "yes", actor: "account_deletion" }, names)).toBe("when your account was deleted, you withdrew it");
  });
});
