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
    expect(decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(10, 2), livedExperience: t(4, 1) }).adopted).toBe(true);
    const blocked = decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(10, 2), livedExperience: t(2, 3) });
    expect(blocked.adopted).toBe(false);
    expect(blocked.livedExperienceMajority).toBe(false);
    expect(decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(10, 2), livedExperience: t(3, 3) }).adopted).toBe(false);
    expect(decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(10, 2), livedExperience: t(0, 0) }).adopted).toBe(false);
    expect(decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(2, 10), livedExperience: t(5, 0) }).adopted).toBe(false);
  });

  it("double majority with fewer than 5 lived-experience voters: the verdict and its wording reveal nothing of how they voted", () => {
    const allFor = decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(10, 2), livedExperience: t(4, 0) });
    const allAgainst = decide({ rule: "lived_experience_double_majority", quorum: null, totals: t(10, 2), livedExperience: t(0, 4) });
    expect(allFor).toEqual(allAgainst);
    expect(allFor).toMatchObject({ adopted: false, livedExperienceMajority: null });
    expect(allFor.explanation).toMatch(/fewer than 5 members with lived experience voted/);
    expect(allFor.explanation).not.toMatch(/lived experience supported it|did not give a majority in support\.$/);
  });

  it("quorum counts abstentions and blocks adoption when not met", () => {
    const short = decide({ rule: "simple_majority", quorum: 10, totals: t(6, 1, 2), livedExperience: t(0, 0) });
    expect(short).toMatchObject({ adopted: false, quorumMet: false, turnout: 9 });
    expect(short.explanation).toMatch(/fewer than the quorum of 10/);
    expect(decide({ rule: "simple_majority", quorum: 10, totals: t(6, 1, 3), livedExperience: t(0, 0) })).toMatchObject({ adopted: true, quorumMet: true });
  });
});

describe("suppressBreakdown", () => {
  const shown = (rows: ReturnType<typeof suppressBreakdown>) => rows.filter((r) => !r.suppressed).map((r) => r.perspective);

  it("hides a group under 5 and, so it cannot be found by subtraction, the next smallest too", () => {
    // Disjoint groups: totals minus the groups shown would give the carers' votes exactly.
    const groups = [
      { perspective: "lived_experience" as const, totals: t(6, 3, 1) },
      { perspective: "carer_family" as const, totals: t(0, 2, 0) },
      { perspective: "practitioner" as const, totals: t(4, 2, 0) },
      { perspective: "researcher" as const, totals: t(5, 3, 0) },
    ];
    const result = suppressBreakdown(groups, 26);
    expect(shown(result)).toEqual(["lived_experience", "researcher"]);
    expect(result.find((r) => r.perspective === "practitioner")).toEqual({ perspective: "practitioner", suppressed: true, totals: null });
  });

  it("hides a group whose complement is under 5 (all votes minus it would show the few others)", () => {
    const result = suppressBreakdown(
      [
        { perspective: "lived_experience", totals: t(5, 0, 0) },
        { perspective: "carer_family", totals: t(0, 2, 0) },
      ],
      7,
    );
    expect(shown(result)).toEqual([]);
  });

  it("keeps suppressing until the hidden groups hold at least 5 votes between them", () => {
    const result = suppressBreakdown(
      [
        { perspective: "lived_experience", totals: t(10, 5, 0) },
        { perspective: "carer_family", totals: t(1, 0, 0) },
        { perspective: "practitioner", totals: t(1, 1, 0) },
        { perspective: "researcher", totals: t(5, 4, 0) },
        { perspective: "supporter", totals: t(6, 3, 1) },
      ],
      38,
    );
    // carer (1) and practitioner (2) hold 3 votes: researcher (9) must go too.
    expect(shown(result)).toEqual(["lived_experience", "supporter"]);
  });

  it("shows everything when every group and its complement are 5 or more", () => {
    const result = suppressBreakdown(
      [
        { perspective: "lived_experience", totals: t(5, 1, 0) },
        { perspective: "practitioner", totals: t(3, 3, 0) },
      ],
      12,
    );
    expect(shown(result)).toEqual(["lived_experience", "practitioner"]);
  });
});
