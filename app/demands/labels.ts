import { DECISION_RULES, DEMAND_STAGES, TOPICS, type DecisionRule, type DemandStage, type Topic } from "../../db/schema";
import { formatLondonLong } from "../utils/london-time";

export { DECISION_RULES, DEMAND_STAGES, TOPICS, type DecisionRule, type DemandStage, type Topic };

export const TOPIC_LABELS: Record<Topic, string> = {
  poverty_income: "Poverty and income",
  housing: "Housing",
  discrimination: "Discrimination",
  work: "Work",
  isolation_community: "Isolation and community",
  trauma_violence: "Trauma and violence",
  rights_law: "Rights and law",
  services: "Services",
  other: "Other",
};

export const STAGE_LABELS: Record<DemandStage, string> = {
  draft: "Draft",
  consultation: "Consultation",
  voting: "Voting",
  adopted: "Adopted",
  not_adopted: "Not adopted",
  campaigning: "Campaigning",
  won: "Won",
  closed: "Closed",
  withdrawn: "Withdrawn",
};

export const DECISION_RULE_LABELS: Record<DecisionRule, string> = {
  simple_majority: "Simple majority",
  two_thirds: "Two-thirds majority",
  lived_experience_double_majority: "Lived-experience double majority",
};

const when = (d: Date | string | null) => (d ? formatLondonLong(d) : "");

/** The sentence under the stage: what happens next, and when. */
export function nextStep(demand: { stage: DemandStage; consultation_ends_at: Date | string | null; voting_ends_at: Date | string | null }) {
  switch (demand.stage) {
    case "draft":
      return "Its authors are drafting it. When they are ready they open a consultation for all members.";
    case "consultation":
      return `Members comment and propose amendments until ${when(demand.consultation_ends_at)}. Then a facilitator opens the vote.`;
    case "voting":
      return `Members vote until ${when(demand.voting_ends_at)}. The result is counted automatically at that moment and published here; everyone following the demand is emailed.`;
    case "adopted":
      return "The coalition adopted this demand. It can now become a campaign.";
    case "not_adopted":
      return "The coalition did not adopt this demand.";
    case "campaigning":
      return "The coalition is campaigning for this demand.";
    case "won":
      return "This demand was won.";
    case "closed":
      return "This campaign is closed.";
    case "withdrawn":
      return "Its authors withdrew this demand.";
  }
}

export function formatWhen(d: Date | string | null) {
  return when(d);
}
