import type { DemandOutcome, VoteChoice } from "../../../db/schema";
import { TableFrame } from "~/components/table-frame";
import { CHOICE_LABELS, VoteTotals } from "~/components/vote-results";
import { DECISION_RULE_LABELS } from "~/demands/labels";
import { PERSPECTIVE_LABELS } from "~/members/perspectives";

/** A closed vote's result: adopted or not, the totals, the breakdown by perspective, the reasons shared. */
export function Outcome({ outcome, reasons }: { outcome: DemandOutcome; reasons: Array<{ choice: VoteChoice; reason: string | null }> }) {
  return (
    <section className="card" id="result" aria-labelledby="result-heading">
      <h2 id="result-heading">Result: {outcome.adopted ? "adopted" : "not adopted"}</h2>
      <p>{outcome.explanation}</p>
      <VoteTotals totals={outcome.totals} caption={`Votes cast: ${outcome.turnout.toLocaleString("en-GB")}`} />
      <p>
        {outcome.quorum ? `Quorum of ${outcome.quorum}: ${outcome.quorumMet ? "met" : "not met"}.` : "No quorum was set."} Rule: {DECISION_RULE_LABELS[outcome.rule]}.
      </p>
      <TableFrame label="Votes by perspective">
      <table className="table table--stack">
        <caption>By perspective (members who chose to share theirs; a member can hold more than one)</caption>
        <thead>
          <tr>
            <th scope="col">Perspective</th>
            <th scope="col">Support</th>
            <th scope="col">Oppose</th>
            <th scope="col">Abstain</th>
          </tr>
        </thead>
        <tbody>
          {outcome.breakdown.map((row) => (
            <tr key={row.perspective}>
              <th scope="row">{PERSPECTIVE_LABELS[row.perspective].label}</th>
              {row.suppressed || !row.totals ? (
                <td colSpan={3}>Not shown, to protect privacy (too few votes, or they would reveal a small group)</td>
              ) : (
                <>
                  <td data-label="Support">{row.totals.support}</td>
                  <td data-label="Oppose">{row.totals.oppose}</td>
                  <td data-label="Abstain">{row.totals.abstain}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      </TableFrame>
      {reasons.length ? (
        <>
          <h3>Reasons voters chose to share</h3>
          <ul>
            {reasons.map((r, i) => (
              <li key={i}>
                <strong>{CHOICE_LABELS[r.choice]}:</strong> {r.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
