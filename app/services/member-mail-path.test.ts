import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Member mail has one path: notifications.server.ts (emailMember, notifyMembers, notifyFollowers,
 * emailAddress). Only the mail pipeline itself and the two services that write to people who are
 * not members (petition signers; letter writers and decision makers) may queue mail directly.
 */
const ALLOWED = new Set(["app/services/email.server.ts", "app/services/notifications.server.ts", "app/services/petition.server.ts", "app/services/letter.server.ts"]);
const root = path.resolve(__dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("the one way a member is emailed", () => {
  it("no route, model or other service queues mail itself", () => {
    const offenders = files(path.join(root, "app"))
      .map((f) => path.relative(root, f))
      .filter((f) => !ALLOWED.has(f))
      .filter((f) => /\bqueueEmails?\s*[(<]/.test(readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("the check can fail: it sees a direct call", () => {
    expect(/\bqueueEmails?\s*[(<]/.test("await queueEmail(trx, { template: 'X' })")).toBe(true);
    expect(/\bqueueEmails?\s*[(<]/.test("await queueEmails<'X'>(trx, 'X', [])")).toBe(true);
  });
});
