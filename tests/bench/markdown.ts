// `npx tsx tests/bench/markdown.ts`: CPU time to render hostile Markdown at growing sizes up to the
// 50,000-character cap, beside an ordinary document of the same length. The unit tests assert ratios
// (app/utils/markdown.server.test.ts); the figures are here.
import { markdownToSafeHtml } from "../../app/utils/markdown.server";
import { HOSTILE_MARKDOWN, ordinaryMarkdown } from "../support/hostile-markdown";
import { cpuMs } from "../support/linear";

const sizes = [6_000, 12_000, 24_000, 48_000];
const row = (name: string, build: (chars: number) => string) => {
  const cells = sizes.map((chars) => {
    const source = build(chars);
    markdownToSafeHtml(source);
    return cpuMs(() => markdownToSafeHtml(source), 5).toFixed(1).padStart(7);
  });
  console.log(`${name.padEnd(22)}${cells.join("")}`);
};
console.log(`${"input (CPU ms)".padEnd(22)}${sizes.map((s) => `${s / 1000}k`.padStart(7)).join("")}`);
row("ordinary document", ordinaryMarkdown);
for (const [name, build] of HOSTILE_MARKDOWN) row(JSON.stringify(name), build);
