/**
 * One CSV cell: quoted, quotes doubled, and a leading = + - @ (or tab, carriage return) neutralised
 * with an apostrophe, so a spreadsheet never runs a signer's "name" as a formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(values: Array<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
