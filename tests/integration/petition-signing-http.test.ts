import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db";
import { createMember, createPetitionFor } from "../support/builders";
import { closePetition } from "../../app/services/petition.server";
import { queueWaitingEmails } from "../../app/services/email.server";
import { createExpressApp } from "../../app/http/express-app.server";

/**
 * Signing through the real HTTP stack: a valid plain form post is answered before Remix in one
 * statement; everything else goes on to Remix. Needs the Remix build (npm test builds first).
 */
const root = path.resolve(__dirname, "../..");
let server: Server;
let base = "";
// The clock of the app's one-second caches: moved on by the tests, never waited out.
let clock = Date.now();

beforeAll(async () => {
  const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
  const app = createExpressApp(build, { publicDir: path.join(root, "public"), now: () => clock });
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => server.close());

async function openPetitionNow() {
  return (await createPetitionFor(db, { leadId: (await createMember(db)).id })).petition;
}

const post = (slug: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${base}/petitions/${slug}`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", ...headers }, body: new URLSearchParams({ intent: "sign", ...form }) });

describe("signing over HTTP", () => {
  it("records a valid signature and its waiting confirmation in one go, then the sweep queues it once", async () => {
    const petition = await openPetitionNow();
    const response = await post(petition.slug, { name: "Rhys Jones", email: "Rhys@Example.org", postcode: "cf10 1aa", showName: "yes" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/check-email?for=petition");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("chorus-sent-to="));
    expect(cookie).toBeDefined();
    // The "check your email" page reads the address from that cookie (signed by the same secret).
    const page = await fetch(`${base}/check-email?for=petition`, { headers: { cookie: cookie!.split(";")[0]! } });
    expect(await page.text()).toContain("Rhys@Example.org");
    const signature = await db.selectFrom("petition_signature").selectAll().where("petition_id", "=", petition.id).executeTakeFirstOrThrow();
    expect(signature).toMatchObject({ name: "Rhys Jones", email_normalised: "rhys@example.org", outward_code: "CF10", show_name: true, status: "pending", suspect: false });
    expect(signature.ip_hash).toMatch(/^[0-9a-z]+$/);
    const email = await db.selectFrom("email").select(["id", "waiting", "template"]).where("to_address", "=", "rhys@example.org").executeTakeFirstOrThrow();
    expect(email).toMatchObject({ waiting: true, template: "ConfirmSignature" });
    expect(await queueWaitingEmails(db)).toBeGreaterThanOrEqual(1);
    expect(await queueWaitingEmails(db)).toBe(0);
    const jobs = await db.selectFrom("pgboss.job" as never).select("data" as never).where("name" as never, "=", "email.send-batch" as never).execute();
    expect(jobs.flatMap((j) => (j as { data: { emailIds: number[] } }).data.emailIds).filter((id) => Number(id) === Number(email.id))).toHaveLength(1);
  });

  it("leaves mistakes, closed petitions and other intents to Remix, which explains them", async () => {
    const petition = await openPetitionNow();
    const bad = await post(petition.slug, { name: "", email: "nope", postcode: "12345" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Enter your name");
    expect(html).toContain('value="12345"');
    const bot = await post(petition.slug, { name: "Bot", email: "bot@example.org", website: "http://spam.example" });
    expect(bot.status).toBe(302);
    expect(await db.selectFrom("petition_signature").select("id").where("petition_id", "=", petition.id).execute()).toEqual([]);
    await closePetition(db, petition.id);
    // The one-second cache of the petition's row expires; then the closed state is explained.
    clock += 1_100;
    const closed = await post(petition.slug, { name: "Late", email: "late@example.org" });
    expect(closed.status).toBe(400);
    expect(await closed.text()).toContain("not open for signatures");
    const stranger = await post(petition.slug, { name: "X", email: "x@example.org" }, { "sec-fetch-site": "cross-site" });
    expect(stranger.status).toBe(403);
  });

  it("marks a network's signatures over the limit as suspect, with the same answer", async () => {
    const petition = await openPetitionNow();
    const from = { "x-forwarded-for": "198.51.100.77" };
    // Without TRUST_PROXY the address is the socket's: all from 127.0.0.1, one network.
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await post(petition.slug, { name: "Bulk", email: `bulk${i}@spam.example` }, from)).status);
    expect(new Set(statuses)).toEqual(new Set([302]));
    const suspect = await db.selectFrom("petition_signature").select("email").where("petition_id", "=", petition.id).where("suspect", "=", true).orderBy("id").execute();
    expect(suspect.map((s) => s.email)).toEqual(["bulk20@spam.example", "bulk21@spam.example"]);
  });
});
