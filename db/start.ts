import { startEmbeddedPostgres } from "./embedded";
import { ensureDatabaseExists, isDatabaseStarted, resolveDatabaseUrl, setDatabase } from "./index";

const DATABASE_NAME = "chorus";

/**
 * DATABASE_URL when set; otherwise starts the embedded PostgreSQL (once per process, its data in
 * `dataDir`) and uses it. The app passes its checked configuration and its logger; scripts use the
 * environment as it is.
 */
export async function startDatabase(options: { databaseUrl?: string; dataDir?: string; log?: (line: string) => void } = {}): Promise<string> {
  const databaseUrl = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  const log = options.log ?? ((line: string) => console.log(line));
  if (databaseUrl || isDatabaseStarted()) return resolveDatabaseUrl();
  const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir ?? (process.env.DATA_DIR || ".data"), log });
  await ensureDatabaseExists(embedded.url("postgres"), DATABASE_NAME);
  const url = embedded.url(DATABASE_NAME);
  setDatabase(Promise.resolve(url), embedded);
  log(`Embedded PostgreSQL ready (data in ${embedded.dataDir})`);
  return url;
}
