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
    "Adopted only if more members support it than oppose it, and also more members with lived experience support it than oppose it. At least 5 members with lived experience must vote, so that their majority can be counted without revealing how any of them voted.",
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
  // With fewer than 5 lived-experience voters their majority would reveal how those few voted, so
  // the rule treats it as not reached whichever way they voted: the verdict then depends only on
  // a count that is already published as "fewer than 5".
  const tooFewLivedExperience = rule === "lived_experience_double_majority" && sum(livedExperience) < SUPPRESSION_THRESHOLD;
  const livedExperienceMajority =
    rule === "lived_experience_double_majority" ? (tooFewLivedExperience ? null : livedExperience.support > livedExperience.oppose) : null;

  let passes: boolean;
  let explanation: string;
  if (rule === "simple_majority") {
    passes = overallMajority;
    explanation = `${totals.support} supported and ${totals.oppose} opposed: ${passes ? "a majority in support" : "no majority in support"}.`;
  } else if (rule === "two_thirds") {
    passes = twoThirds;
    explanation = `${totals.support} of ${totals.support + totals.oppose} who took a side supported it: ${passes ? "at least two thirds" : "less than two thirds"}.`;
  } else if (tooFewLivedExperience) {
    passes = false;
    explanation = `${overallMajority ? "A majority of all votes supported it" : "All votes did not give a majority in support"}, but fewer than ${SUPPRESSION_THRESHOLD} members with lived experience voted, so the lived-experience majority this rule needs could not be reached.`;
  } else {
    passes = overallMajority && livedExperienceMajority === true;
    explanation = `${overallMajority ? "A majority of all votes supported it" : "All votes did not give a majority in support"}, and ${
      livedExperienceMajority ? "a majority of votes by members with lived experience supported it" : "votes by members with lived experience did not give a majority in support"
    }.`;
  }
  if (!quorumMet) explanation = `Only ${turnout} voted, fewer than the quorum of ${quorum}, so it is not adopted. ${explanation}`;
  return { adopted: quorumMet && passes, turnout, quorumMet, livedExperienceMajority, explanation };
}

/**
 * Per-perspective totals that cannot be used to work out a small group's votes.
 *
 * 1. A group with fewer than 5 votes is suppressed, and so is a group whose complement (everyone
 *    who voted but is not in it) has fewer than 5: otherwise "all votes minus this group" would
 *    publish the complement's votes.
 * 2. Complementary suppression: one suppressed group could be recovered as "all votes minus the
 *    groups shown" (exactly, when perspectives do not overlap), so while fewer than two groups are
 *    suppressed, or the suppressed groups hold fewer than 5 votes between them, the smallest group
 *    still shown is suppressed too.
 */
export function suppressBreakdown(groups: Array<{ perspective: Perspective; totals: Totals }>, turnout: number): DemandOutcome["breakdown"] {
  const sizes = groups.map((g) => sum(g.totals));
  const hidden = new Set<number>();
  sizes.forEach((n, i) => {
    if (n < SUPPRESSION_THRESHOLD || turnout - n < SUPPRESSION_THRESHOLD) hidden.add(i);
  });
  const hiddenVotes = () => [...hidden].reduce((total, i) => total + sizes[i]!, 0);
  while (hidden.size > 0 && hidden.size < groups.length && (hidden.size < 2 || hiddenVotes() < SUPPRESSION_THRESHOLD)) {
    let smallest = -1;
    sizes.forEach((n, i) => {
      if (!hidden.has(i) && (smallest === -1 || n < sizes[smallest]!)) smallest = i;
    });
    hidden.add(smallest);
  }
  return groups.map(({ perspective, totals }, i) => (hidden.has(i) ? { perspective, suppressed: true, totals: null } : { perspective, suppressed: false, totals }));
}
