// `npm run db:restore -- file`: restores a backup made by `npm run db:backup` into DATABASE_URL's
// database, which must be empty (create it first). All or nothing: one transaction. Start Chorus on
// it afterwards; migrations newer than the backup run at start as usual.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { findTool, serverMajor, splitPassword } from "./postgres-tools";

const url = process.env.DATABASE_URL;
const file = process.argv[2];
if (!url || !file) {
  console.error("Usage: DATABASE_URL=postgres://… npm run db:restore -- backups/chorus-….dump (into an empty database)");
  process.exit(1);
}
try {
  if (!existsSync(file)) throw new Error(`There is no file ${file}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>("select count(*) as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')");
  await client.end();
  if (Number(rows[0]!.n) > 0) throw new Error("The database is not empty: restore into a new, empty database (createdb), then point DATABASE_URL at it.");
  const pgRestore = findTool("pg_restore");
  const server = await serverMajor(url);
  if (pgRestore.major < server) throw new Error(`The database is PostgreSQL ${server} but ${pgRestore.path} is version ${pgRestore.major}: use PostgreSQL ${server}'s client programs (PG_BIN).`);
  const target = splitPassword(url);
  const run = spawnSync(pgRestore.path, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${target.url}`, file], {
    env: { ...process.env, PGPASSWORD: target.password ?? process.env.PGPASSWORD },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`pg_restore failed, and nothing was restored: ${run.stderr.trim()}`);
  console.log(`Restored ${file}. Start Chorus with this DATABASE_URL.`);
} catch (error) {
  console.error(`Restore failed. ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
