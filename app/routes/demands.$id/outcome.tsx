import type { DemandOutcome, VoteChoice } from "../../../db/schema";
import { TableFrame } from "~/components/table-frame";
import { CHOICE_LABELS, VoteTotals } from "~/components/vote-results";
import { DECISION_RULE_LABELS } from "~/demands/labels";
import { PERSPECTIVE_LABELS } from "~/members/perspectives";

/** A dash for sighted readers; screen readers hear "not shown" and where the note explains why. */
function NotShown() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">Not shown, to protect privacy (see the note below the table)</span>
    </>
  );
}

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
                <>
                  {(["Support", "Oppose", "Abstain"] as const).map((label) => (
                    <td key={label} data-label={label}>
                      <NotShown />
                    </td>
                  ))}
                </>
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
      {/* Said once, not in every suppressed row. */}
      {outcome.breakdown.some((row) => row.suppressed || !row.totals) ? (
        <p className="small" id="suppressed-note">
          <span aria-hidden="true">—</span> Not shown, to protect privacy: too few votes in that group, or the numbers would reveal how a small group voted.
        </p>
      ) : null}
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
