/**
 * Markdown that once stalled the server (the old parser backtracked on these for seconds to minutes),
 * each as a function of the number of characters wanted; and an ordinary document to compare with.
 * `linear` marks the inputs markdown-it parses in linear time. Runs of emphasis delimiters and nested
 * link brackets grow faster (its delimiter and bracket matching are quadratic at worst): the
 * 50,000-character cap bounds them at a few times the cost of an ordinary document
 * (tests/bench/markdown.ts), never the seconds backtracking took.
 */
const repeat = (unit: string) => (chars: number) => unit.repeat(Math.floor(chars / unit.length));

export const HOSTILE_MARKDOWN: Array<[string, (chars: number) => string, { linear: boolean }]> = [
  ["[a](", repeat("[a]("), { linear: true }],
  ["*a", repeat("*a"), { linear: false }],
  [">", repeat(">"), { linear: true }],
  ["> - ", repeat("> - "), { linear: true }],
  ["[[a](b)", repeat("[[a](b)"), { linear: false }],
  ["nested lists", (chars) => Array.from({ length: Math.ceil(chars / 40) }, (_, i) => `${" ".repeat((i % 40) * 2)}- a`).join("\n").slice(0, chars), { linear: true }],
  ["**a ", repeat("**a "), { linear: false }],
  ["_a*", repeat("_a*"), { linear: false }],
];

export function ordinaryMarkdown(chars: number) {
  const paragraph = "Crisis houses in every region, with *peer* support, **no waiting lists** and a [plan](https://example.org/plan).\n\n- housing first\n- income\n\n";
  return paragraph.repeat(Math.ceil(chars / paragraph.length)).slice(0, chars);
}
