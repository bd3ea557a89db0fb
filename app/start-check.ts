// `npm start`, before it builds: stop at once if Chorus already runs from this data folder (building
// would replace the running copy's files under it). Only the embedded database is owned by one process.
import { runningHere } from "../db/embedded";
import { getEnv } from "./utils/env.server";

try {
  const env = getEnv();
  const running = env.DATABASE_URL ? null : await runningHere(env.DATA_DIR);
  if (running) {
    console.error(`Chorus could not start. ${running}`);
    process.exit(1);
  }
} catch (error) {
  // A configuration mistake is reported, in one line, by the start that follows.
  if (process.env.LOG_LEVEL === "debug") console.error(error);
}
