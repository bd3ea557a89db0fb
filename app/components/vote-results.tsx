import type { VoteChoice } from "../../db/schema";
import { TableFrame } from "./table-frame";

export const CHOICE_LABELS: Record<VoteChoice, string> = { support: "Support", oppose: "Oppose", abstain: "Abstain" };
const ORDER: VoteChoice[] = ["support", "oppose", "abstain"];

/** Whole-number percentage of `part` in `all`; 0 when nobody voted. */
export function percentOf(part: number, all: number) {
  return all === 0 ? 0 : Math.round((part / all) * 100);
}

/**
 * Votes per choice as a table with a share and a bar each. The bar is an SVG sized by attribute (the
 * page's CSP allows no inline styles) and hidden from screen readers, which read the numbers.
 */
export function VoteTotals({ totals, caption }: { totals: Record<VoteChoice, number>; caption: string }) {
  const all = totals.support + totals.oppose + totals.abstain;
  return (
    <TableFrame label={caption}>
      <table className="table vote-totals">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Choice</th>
            <th scope="col" className="numeric">
              Votes
            </th>
            <th scope="col" className="numeric">
              Share
            </th>
            <th scope="col">
              <span className="visually-hidden">Bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ORDER.map((choice) => {
            const share = percentOf(totals[choice], all);
            return (
              <tr key={choice}>
                <th scope="row">{CHOICE_LABELS[choice]}</th>
                <td className="numeric">
                  {totals[choice].toLocaleString("en-GB")}
                </td>
                <td className="numeric">{share}%</td>
                <td className="vote-totals__bar">
                  <svg
                    viewBox="0 0 100 10"
                    preserveAspectRatio="none"
                    aria-hidden="true"
                    focusable="false"
                    className="bar"
                  >
                    <rect width="100" height="10" className="bar__track" />
                    <rect
                      width={share}
                      height="10"
                      className={`bar__fill bar__fill--${choice}`}
                    />
                  </svg>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="numeric">{all.toLocaleString("en-GB")}</td>
            <td className="numeric">{all === 0 ? "–" : "100%"}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </TableFrame>
  );
}
