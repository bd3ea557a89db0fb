// `npm run db:backup -- [file]`: a consistent backup of DATABASE_URL's database while Chorus runs,
// in pg_dump's custom format (compressed; restore with `npm run db:restore -- file`).
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { findTool, serverMajor, splitPassword } from "./postgres-tools";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "npm run db:backup needs DATABASE_URL. The embedded database (PostgreSQL 18) is backed up by stopping Chorus and copying its data folder (DATA_DIR); see docs/operations.md.",
  );
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");
const file = path.resolve(process.argv[2] ?? path.join("backups", `chorus-${stamp}.dump`));
try {
  const pgDump = findTool("pg_dump");
  const server = await serverMajor(url);
  if (pgDump.major < server) {
    throw new Error(`The database is PostgreSQL ${server} but ${pgDump.path} is version ${pgDump.major}: pg_dump must be ${server} or newer. Install PostgreSQL ${server}'s client programs and set PG_BIN to their folder.`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const target = splitPassword(url);
  const run = spawnSync(pgDump.path, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${target.url}`], {
    env: { ...process.env, PGPASSWORD: target.password ?? process.env.PGPASSWORD },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`pg_dump failed: ${run.stderr.trim()}`);
  console.log(`Backed up to ${file} (${Math.round(statSync(file).size / 1024)} KB, PostgreSQL ${server}, pg_dump ${pgDump.major}).`);
} catch (error) {
  console.error(`Backup failed. ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
