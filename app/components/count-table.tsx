import { TableFrame } from "./table-frame";

/**
 * A two-column table of counts ("Area" → "Signatures"), in its own scrolling frame. `hideCaption` keeps
 * the caption for screen readers only, where a visible heading just above already says the same.
 */
export function CountTable({ caption, hideCaption = false, heading, unit, rows }: { caption: string; hideCaption?: boolean; heading: string; unit: string; rows: Array<{ key: string; label: string; count: number }> }) {
  return (
    <TableFrame label={caption}>
      <table className="table">
        <caption className={hideCaption ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="numeric">
              {unit}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="numeric">{r.count.toLocaleString("en-GB")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
