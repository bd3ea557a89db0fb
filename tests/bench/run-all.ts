// `npm run bench`: every benchmark in this folder, each in its own process (each starts its own database).
import { spawnSync } from "node:child_process";
import path from "node:path";

for (const bench of ["page-weight.ts", "markdown.ts", "demand-scale.ts", "email-fanout.ts", "notification-fanout.ts", "petition-signing.ts", "web-processes.ts", "accountability.ts", "evidence.ts", "events.ts", "stories.ts"]) {
  console.log(`\n== ${bench}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, bench)], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
