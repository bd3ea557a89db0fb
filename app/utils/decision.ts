import type { DecisionRule, DemandOutcome, Perspective, VoteChoice } from "../../db/schema";

/** Groups smaller than this are never shown in a breakdown ("fewer than 5"). */
export const SUPPRESSION_THRESHOLD = 5;

export type Totals = Record<VoteChoice, number>;
export const emptyTotals = (): Totals => ({ support: 0, oppose: 0, abstain: 0 });
const sum = (t: Totals) => t.support + t.oppose + t.abstain;

export const DECISION_RULE_TEXT: Record<DecisionRule, string> = {
  simple_majority: "Adopted if more members support it than oppose it. Abstentions are counted for turnout only.",
  two_thirds: "Adopted if at least two thirds of those who support or oppose it support it. Abstentions are counted for turnout only.",
  lived_experience_double_majority:
    "Adopted only if more members support it than oppose it, and also more members with lived experience support it than oppose it.",
};

/**
 * Applies a decision rule. Ties are not majorities. Quorum counts every ballot, abstentions included.
 * Under the double majority, no votes from members with lived experience means no lived-experience majority.
 */
export function decide(input: { rule: DecisionRule; quorum: number | null; totals: Totals; livedExperience: Totals }) {
  const { rule, quorum, totals, livedExperience } = input;
  const turnout = sum(totals);
  const quorumMet = quorum === null || turnout >= quorum;
  const overallMajority = totals.support > totals.oppose;
  const twoThirds = totals.support + totals.oppose > 0 && totals.support * 3 >= (totals.support + totals.oppose) * 2;
  const livedExperienceMajority = rule === "lived_experience_double_majority" ? livedExperience.support > livedExperience.oppose : null;

  let passes: boolean;
  let explanation: string;
  if (rule === "simple_majority") {
    passes = overallMajority;
    explanation = `${totals.support} supported and ${totals.oppose} opposed: ${passes ? "a majority in support" : "no majority in support"}.`;
  } else if (rule === "two_thirds") {
    passes = twoThirds;
    explanation = `${totals.support} of ${totals.support + totals.oppose} who took a side supported it: ${passes ? "at least two thirds" : "less than two thirds"}.`;
  } else {
    passes = overallMajority && livedExperienceMajority === true;
    explanation = `${overallMajority ? "A majority of all votes supported it" : "All votes did not give a majority in support"}, and ${
      livedExperienceMajority ? "a majority of votes by members with lived experience supported it" : "votes by members with lived experience did not give a majority in support"
    }.`;
  }
  if (!quorumMet) explanation = `Only ${turnout} voted, fewer than the quorum of ${quorum}, so it is not adopted. ${explanation}`;
  return { adopted: quorumMet && passes, turnout, quorumMet, livedExperienceMajority, explanation };
}

/** Per-perspective totals with every group under the threshold replaced by "suppressed". */
export function suppressBreakdown(groups: Array<{ perspective: Perspective; totals: Totals }>): DemandOutcome["breakdown"] {
  return groups.map(({ perspective, totals }) =>
    sum(totals) < SUPPRESSION_THRESHOLD ? { perspective, suppressed: true, totals: null } : { perspective, suppressed: false, totals },
  );
}
