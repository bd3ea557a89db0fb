import { describe, expect, it } from "vitest";
import { decide, suppressBreakdown } from "./decision";

const t = (support: number, oppose: number, abstain = 0) => ({ support, oppose, abstain });

describe("decide", () => {
  it("simple majority: more support than oppose; a tie fails; abstentions do not count against", () => {
    expect(decide({ rule: "simple_majority", quorum: null, totals: t(5, 4, 10), livedExperience: t(0, 0) }).adopted).toBe(true);
    expect(decide({ rule: "simple_majority", quorum: null, totals: t(4, 4, 1), livedExperience: t(0, 0) }).adopted).toBe(false);
    expect(decide({ rule: "simple_majority", quorum: null, totals: t(0, 0, 3), livedExperience: t(0, 0) }).adopted).toBe(false);
  });

  it("two thirds: exactly two thirds passes, just under fails", () => {
    expect(decide({ rule: "two_thirds", quorum: null, totals: t(10, 5), livedExperience: t(0, 0) }).adopted).toBe(true);
    expect(decide({ rule: "two_thirds", quorum: null, totals: t(9, 5), livedExperience: t(0, 0) }).adopted).toBe(false);
    expect(decide({ rule: "two_thirds", quorum: null, totals: t(0, 0, 4), livedExperience: t(0, 0) }).adopted).toBe(false);
  });

  it("double majority needs both majorities; a tie among lived experience fails", () => {
    expect(decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(10, 2), livedExperience: t(3, 1) }).adopted).toBe(true);
    const blocked = decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(10, 2), livedExperience: t(1, 2) });
    expect(blocked.adopted).toBe(false);
    expect(blocked.livedExperienceMajority).toBe(false);
    expect(decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(10, 2), livedExperience: t(2, 2) }).adopted).toBe(false);
    expect(decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(10, 2), livedExperience: t(0, 0) }).adopted).toBe(false);
    expect(decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(2, 10), livedExperience: t(2, 0) }).adopted).toBe(false);
  });

  it("quorum counts abstentions and blocks adoption when not met", () => {
    const short = decide({ rule: "simple_majority", quorum: 10, totals: t(6, 1, 2), livedExperience: t(0, 0) });
    expect(short).toMatchObject({ adopted: false, quorumMet: false, turnout: 9 });
    expect(short.explanation).toMatch(/fewer than the quorum of 10/);
    expect(decide({ rule: "simple_majority", quorum: 10, totals: t(6, 1, 3), livedExperience: t(0, 0) })).toMatchObject({ adopted: true, quorumMet: true });
  });
});

describe("suppressBreakdown", () => {
  it("hides any group with fewer than 5 votes and shows the rest", () => {
    const result = suppressBreakdown([
      { perspective: "lived_experience", totals: t(3, 1, 1) },
      { perspective: "carer_family", totals: t(2, 1, 1) },
    ]);
    expect(result).toEqual([
      { perspective: "lived_experience", suppressed: false, totals: t(3, 1, 1) },
      { perspective: "carer_family", suppressed: true, totals: null },
    ]);
  });
});
