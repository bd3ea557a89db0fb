import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createMember } from "../support/builders";

// `npm run admin:grant -- email` is how a deployment without demo data gets its first admin.
const root = path.resolve(__dirname, "../..");
const grant = (email: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/admin-grant.ts", email], { cwd: root, env: { ...process.env, LOG_LEVEL: "silent" }, encoding: "utf8" });

describe("npm run admin:grant", () => {
  it("makes an existing member a coalition admin, audited, and says so", async () => {
    const { id } = await createMember(db, { email: "first-admin@example.org", displayName: "First Admin" });
    const run = grant("First-Admin@example.org");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("First Admin is now a coalition admin.");
    expect(await db.selectFrom("member_role").select("role").where("member_id", "=", id).execute()).toEqual([{ role: "admin" }]);
    expect(await db.selectFrom("audit_event").select(["action", "actor_id"]).where("subject_id", "=", id).execute()).toEqual([{ action: "role.granted", actor_id: null }]);
  }, 30_000);

  it("fails with a clear line for an unknown email", () => {
    const run = grant("nobody-here@example.org");
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("No member has the email nobody-here@example.org. They need to join first.");
  }, 30_000);
});
