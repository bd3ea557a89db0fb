// `npx tsx tests/bench/page-weight.ts` (after `npm run build`): the JavaScript each page makes a
// browser download (see tests/support/page-weight.ts), as a table for docs/performance.md. Nothing
// is timed, so the figures are the same on any machine.
import { weighPage } from "../support/page-weight";

export const PAGES: [string, string][] = [
  ["Home", "routes/_index"],
  ["Petition", "routes/petitions.$slug"],
  ["Letter", "routes/letters.$slug"],
  ["Campaign", "routes/campaigns.$id"],
  ["Demand", "routes/demands.$id"],
  ["Demands list", "routes/demands._index"],
  ["Sign in", "routes/sign-in"],
  ["Join", "routes/join"],
];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log("| Page | Files | Uncompressed | gzip | Brotli |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const [name, id] of PAGES) {
  const w = weighPage(id);
  console.log(`| ${name} (\`${id}\`) | ${w.files} | ${kb(w.raw)} | ${kb(w.gzip)} | ${kb(w.brotli)} |`);
}
