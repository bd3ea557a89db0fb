import type { Database } from "./index";
import type { DemoAccount } from "./seed";

// Filled in by the members and demands features; the foundation has nothing to seed yet.
export async function isEmpty(_db: Database) {
  return false;
}

export async function seedDemoData(_db: Database): Promise<DemoAccount[]> {
  return [];
}
