/**
 * One way to say how many: "1 reply", "2 replies", "1,234 signatures". Every count in the UI goes
 * through here, so no page says "1 replies" or "1 signatures".
 */
const IRREGULAR: Record<string, string> = { person: "people", copy: "copies", entry: "entries", reply: "replies", is: "are", has: "have" };

/** The word for this many: pluralise(1, "reply") is "reply", pluralise(3, "reply") is "replies". */
export function pluralise(count: number, singular: string, plural?: string) {
  if (count === 1) return singular;
  if (plural) return plural;
  if (IRREGULAR[singular]) return IRREGULAR[singular];
  if (/[^aeiou]y$/.test(singular)) return `${singular.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(singular)) return `${singular}es`;
  return `${singular}s`;
}

/** The number (with UK thousands separators) and the word: countOf(1, "reply") is "1 reply". */
export function countOf(count: number, singular: string, plural?: string) {
  return `${count.toLocaleString("en-GB")} ${pluralise(count, singular, plural)}`;
}
