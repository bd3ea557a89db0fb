import { getEnv } from "../app/utils/env.server";
import { logger } from "../app/utils/logger.server";
import { startEmbeddedPostgres } from "./embedded";
import { ensureDatabaseExists, isDatabaseStarted, resolveDatabaseUrl, setDatabase } from "./index";

const DATABASE_NAME = "chorus";

/** DATABASE_URL when set; otherwise starts the embedded PostgreSQL (once per process) and uses it. */
export async function startDatabase(): Promise<string> {
  const env = getEnv();
  if (env.DATABASE_URL || isDatabaseStarted()) return resolveDatabaseUrl();
  const embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, log: (line) => logger.info(line) });
  await ensureDatabaseExists(embedded.url("postgres"), DATABASE_NAME);
  const url = embedded.url(DATABASE_NAME);
  setDatabase(Promise.resolve(url), embedded);
  logger.info(`Embedded PostgreSQL ready (data in ${embedded.dataDir})`);
  return url;
}
