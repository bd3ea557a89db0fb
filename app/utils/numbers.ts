/**
 * Whole numbers as people type them: "10000", "10,000" or "10 000" are the same number. Grouping
 * must be in threes ("1,00" is not a number), and decimals are not whole numbers. Null when the text
 * is not one whole number.
 */
export function parseWholeNumber(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}([,\u00a0 ]\d{3})+$/.test(t)) return Number(t.replace(/[,\u00a0 ]/g, ""));
  return null;
}

/**
 * The whole numbers in a list such as "1,000, 5,000" or "1000 5000; 20000". A comma followed by
 * three digits belongs to the number ("1,000"); anything else separates numbers. Null when some part
 * is not a whole number ("1.5", "lots").
 */
export function parseWholeNumbers(text: string): number[] | null {
  const numbers: number[] = [];
  for (const part of text.matchAll(/\d{1,3}(?:,\d{3})+(?!\d)|\d+|[^\d\s,;]+/g)) {
    if (!/^[\d,]+$/.test(part[0])) return null;
    numbers.push(Number(part[0].replace(/,/g, "")));
  }
  return numbers;
}
