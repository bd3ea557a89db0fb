import { TableFrame } from "./table-frame";

/** A two-column table of counts ("Area" → "Signatures"), in its own scrolling frame. */
export function CountTable({ caption, heading, unit, rows }: { caption: string; heading: string; unit: string; rows: Array<{ key: string; label: string; count: number }> }) {
  return (
    <TableFrame label={caption}>
      <table className="table">
        <caption>{caption}</caption>
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
