import { describe, expect, it } from "vitest";
import { LetterCampaignSchema } from "./forms";

const form = {
  title: "Write to your MP",
  ask: "Fund a crisis house in every region.",
  talkingPoints: "Crisis houses cost less than wards",
  suggestedSubject: "Crisis houses",
  guidance: "Say what a calm place would have meant to you.",
  ownRoles: "mp",
  hourlyCap: "20",
  windowDays: ["1", "2"],
  windowStart: "8",
  windowEnd: "18",
};

describe("a letter campaign's last day for writing", () => {
  it("is typed as any UK date, like every other date field", () => {
    expect(LetterCampaignSchema.parse({ ...form, endsOn: "27 3 2027" }).endsOn).toBe("2027-03-27");
    expect(LetterCampaignSchema.parse({ ...form, endsOn: "27/03/2027" }).endsOn).toBe("2027-03-27");
    expect(LetterCampaignSchema.parse({ ...form, endsOn: "2027-03-27" }).endsOn).toBe("2027-03-27");
    expect(LetterCampaignSchema.parse(form).endsOn).toBeNull();
  });

  it("refuses a date that does not exist, saying how to write one", () => {
    const refused = LetterCampaignSchema.safeParse({ ...form, endsOn: "31 2 2027" });
    expect(refused.error?.issues).toEqual([expect.objectContaining({ path: ["endsOn"], message: "Enter a real date, for example 27 3 2027" })]);
  });
});
