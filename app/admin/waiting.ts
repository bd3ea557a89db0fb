/**
 * Counts of waiting work stop here: a queue this long is read no further (the count stays cheap
 * however neglected the queue), and the page says "1,000 or more".
 */
export const WAITING_COUNT_CAP = 1000;

/** "No reported comments", "1 reported comment", "12 reported comments", "1,000 or more reported comments". */
export function countPhrase(n: number, one: string, many: string) {
  if (n === 0) return `No ${many}`;
  if (n === 1) return `1 ${one}`;
  return `${n.toLocaleString("en-GB")}${n >= WAITING_COUNT_CAP ? " or more" : ""} ${many}`;
}
