import { CompiledQuery, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { EmbeddedDatabase } from "./embedded";
import type { DB } from "./schema";

export type { DB } from "./schema";
export type Database = Kysely<DB>;

// int8 (bigint ids, count(*)) as JavaScript numbers: every value Chorus stores fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// A calendar date (campaign end dates, timeline entries) stays "YYYY-MM-DD": as a JS Date it would be
// midnight in the server's zone and could shift a day when shown in another.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * A pool that survives dropped connections. When a backend goes away (a restart, a failover,
 * pg_terminate_backend, an idle timeout, the server stopping first at shutdown) its client emits
 * 'error'; with no listener Node treats that as an uncaught exception and the process dies. The pool
 * listens only while a client is idle, so every client gets a listener of its own the moment it
 * connects, covering a client checked out between two statements of a transaction. The query in
 * flight fails (its request or job fails and is retried), the pool discards the broken client on
 * release, and the next query opens a new connection.
 */
export function createPool(connectionString: string, max = 10) {
  const pool = new pg.Pool({ connectionString, max });
  pool.on("connect", (client) => {
    client.on("error", (error) => state.onConnectionLost(error));
  });
  // An idle client's error reaches the pool as well: already reported by the client's own listener.
  pool.on("error", () => {});
  return pool;
}

/** A Kysely instance over its own pool; tests and scripts make their own, the app uses `db`. */
export function createDb(connectionString: string, options: { max?: number } = {}): Database {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPool(connectionString, options.max) }) });
}

// Remix bundles app code separately from the server entry, so two copies of this module can exist in
// one process; keeping the state on globalThis gives both the same pool and the same embedded server.
interface DatabaseState {
  url?: Promise<string>;
  embedded?: EmbeddedDatabase;
  db?: Database;
  onConnectionLost: (error: Error) => void;
}
const state: DatabaseState = ((globalThis as { __chorusDatabase?: DatabaseState }).__chorusDatabase ??= {
  onConnectionLost: (error) => console.warn(`database connection lost; the pool will reconnect: ${error.message}`),
});

/** Where a lost connection is reported (the app passes its logger). */
export function onConnectionLost(report: (error: Error) => void) {
  state.onConnectionLost = report;
}

/**
 * The URL the shared pool connects to. Process entry points (the server, the worker, scripts) call
 * startDatabase() from db/start.ts first, which may start the embedded PostgreSQL; code bundled into
 * the Remix build only ever reads the result, so the embedded binaries stay out of the bundle.
 */
export function resolveDatabaseUrl(): Promise<string> {
  if (state.url) return state.url;
  // The app checked DATABASE_URL at start-up (app/utils/env.server.ts); an empty value means unset.
  const url = process.env.DATABASE_URL || undefined;
  if (!url) return Promise.reject(new Error("The database has not been started: call startDatabase() from db/start.ts first"));
  state.url = Promise.resolve(url);
  return state.url;
}

/** Whether this process already has its database (a second startDatabase() reuses it). */
export function isDatabaseStarted() {
  return state.url !== undefined;
}

/** Used by db/start.ts: records the running database for everything in this process. */
export function setDatabase(url: Promise<string>, embedded?: EmbeddedDatabase) {
  state.url = url;
  state.embedded = embedded;
}

export const db: Database = (state.db ??= new Kysely<DB>({
  dialect: new PostgresDialect({
    pool: async () => createPool(await resolveDatabaseUrl(), Number(process.env.DATABASE_POOL_SIZE) || 10),
  }),
}));

export async function ensureDatabaseExists(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Closes the pool and stops the embedded server if this process started it. */
export async function closeDatabase() {
  await state.db?.destroy();
  state.db = undefined;
  const embedded = state.embedded;
  state.embedded = undefined;
  state.url = undefined;
  await embedded?.stop();
}

/** Lets libraries that take a raw `executeSql` (pg-boss) run inside a Kysely transaction. */
export function sqlExecutor(executor: Kysely<DB>) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await executor.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as Record<string, unknown>[] };
    },
  };
}
