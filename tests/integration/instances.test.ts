import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../db";
import { createMember, createRunningCampaign } from "../support/builders";
import { createPetition, openPetition, queuePetitionNews } from "../../app/services/petition.server";
import { startAppProcess, until, urlOf, type AppProcess } from "../support/app-process";
import { cookieFrom } from "./http";

/**
 * Several instances of Chorus on several machines behave as one against one PostgreSQL: two real
 * app processes on this file's database, each with its own job worker and its own caches.
 */
const SECRET = "a shared cookie secret of forty characters!";
const running: AppProcess[] = [];
afterAll(async () => {
  for (const app of running) app.child.kill("SIGTERM");
  await Promise.all(running.map((app) => app.exited));
});

async function instance(env: Record<string, string> = {}) {
  const app = startAppProcess({ DATABASE_URL: process.env.DATABASE_URL, RUN_WORKER: "true", SEED_DEMO_DATA: "false", COOKIE_SECRET: SECRET, ...env });
  running.push(app);
  return { app, base: await urlOf(app) };
}

const formPost = (base: string, path: string, form: Record<string, string>, cookie = "") =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin", Cookie: cookie },
    body: new URLSearchParams(form),
    redirect: "manual",
  });

const countJson = async (base: string, slug: string) => ((await (await fetch(`${base}/petitions/${slug}/count.json`)).json()) as { count: number }).count;

describe("two instances on one database", () => {
  it("share sessions, rate limits, signed cookies and links, jobs and exact counts; caches are at most a second stale; stopping one leaves the other", async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const sites = [a.base, b.base];

    // A session made on one is valid on the other.
    const member = await createMember(db, { email: "two-instances@example.org", displayName: "Robin Two" });
    const signedIn = await formPost(a.base, "/sign-in", { intent: "password", email: member.email, password: "correct horse battery", redirectTo: "/settings" });
    expect(signedIn.status).toBe(302);
    const session = cookieFrom(signedIn.headers.getSetCookie());
    const settings = await fetch(`${b.base}/settings`, { headers: { Cookie: session }, redirect: "manual" });
    expect(settings.status).toBe(200);
    expect(await settings.text()).toContain("Robin Two");

    // A rate limit counts across both: 8 tries an address from one network, alternating.
    const guessed = await createMember(db, { email: "guessed@example.org" });
    const guesses: number[] = [];
    for (let i = 0; i < 9; i++) {
      const response = await formPost(sites[i % 2]!, "/sign-in", { intent: "password", email: guessed.email, password: `wrong guess ${i}`, redirectTo: "/" });
      await response.arrayBuffer();
      guesses.push(response.status);
    }
    expect(guesses).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 429]);

    // Signing spread over both: every signature counted exactly once, every email sent once.
    const lead = await createMember(db);
    const campaignId = await createRunningCampaign(db, lead.id);
    const made = await createPetition(db, campaignId, lead.id, { title: "Signed on two instances", ask: "Count every signature once.", why: "Because a count people trust is the point of a petition.", addressedTo: "The Minister", goal: 100, closesAt: null });
    await openPetition(db, made.id);
    const signers = Array.from({ length: 30 }, (_, i) => `both-${i}@example.org`);
    for (const [i, email] of signers.entries()) {
      const signed = await formPost(sites[i % 2]!, `/petitions/${made.slug}`, { intent: "sign", name: `Signer ${i}`, email, campaignConsent: "yes" });
      expect(signed.status).toBe(302);
      if (i === 0) {
        // The signed "sent to" cookie made by one instance is read by the other.
        const page = await (await fetch(`${b.base}/check-email?for=petition`, { headers: { Cookie: cookieFrom(signed.headers.getSetCookie()) } })).text();
        expect(page).toContain(email);
      }
    }
    // The confirmation emails are swept onto the queue and sent by whichever worker takes each job.
    await until(async () => (await db.selectFrom("email").select("id").where("template", "=", "ConfirmSignature").where("status", "=", "sent").where("to_address", "in", signers).execute()).length === signers.length, 60_000);
    const emails = await db.selectFrom("email").select("id").where("template", "=", "ConfirmSignature").where("to_address", "in", signers).execute();
    expect(emails).toHaveLength(signers.length);
    const outboxed = await db.selectFrom("outbox_message").select(["email_id", "text"]).where("email_id", "in", emails.map((e) => e.id)).execute();
    expect(outboxed.map((o) => o.email_id).sort()).toEqual(emails.map((e) => e.id).sort());
    for (const [i, message] of outboxed.entries()) {
      const path = /\/petitions\/[a-z0-9-]+\/confirm\/[a-z2-7]+/.exec(message.text)![0];
      expect((await formPost(sites[i % 2]!, path, {})).status).toBe(302);
    }
    await until(async () => (await countJson(a.base, made.slug)) === 30 && (await countJson(b.base, made.slug)) === 30, 60_000);
    const row = await db.selectFrom("petition").select("signature_count").where("id", "=", made.id).executeTakeFirstOrThrow();
    expect(row.signature_count).toBe(30);

    // Links signed by one instance's worker open on both; a forged one on neither.
    await db.transaction().execute((trx) => queuePetitionNews(trx, made.id, { subject: "Delivered", message: "We handed in the petition today." }));
    const newsSent = () => db.selectFrom("outbox_message").select("headers").where("subject", "=", "Delivered").where("to_address", "in", signers).execute();
    await until(async () => (await newsSent()).length === signers.length, 60_000);
    const stopPath = new URL(/<(.+)>/.exec((await newsSent())[0]!.headers["List-Unsubscribe"]!)![1]!).pathname;
    const forged = `${stopPath.slice(0, -1)}${stopPath.endsWith("0") ? "1" : "0"}`;
    for (const base of sites) {
      // The one-click stop (RFC 8058): a cookie-less POST.
      expect((await formPost(base, stopPath, { "List-Unsubscribe": "One-Click" })).status).toBe(200);
      expect((await formPost(base, forged, { "List-Unsubscribe": "One-Click" })).status).toBe(404);
    }

    // Each process caches count.json and the open petition for a second: never longer. (A wait of
    // more than a second can only make this pass more surely on a slow machine, never fail it.)
    await db.updateTable("petition").set({ signature_count: 31 }).where("id", "=", made.id).execute();
    await db.updateTable("petition").set({ status: "closed" }).where("id", "=", made.id).execute();
    await new Promise((r) => setTimeout(r, 1_100));
    for (const base of sites) {
      expect(await countJson(base, made.slug)).toBe(31);
      const late = await formPost(base, `/petitions/${made.slug}`, { intent: "sign", name: "Too late", email: "too-late@example.org" });
      expect(late.status).toBe(400);
      expect(await late.text()).toContain("not open for signatures");
    }

    // Stopping one (SIGTERM) does not disturb the other, which keeps answering throughout.
    const statuses: number[] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const response = await fetch(`${b.base}/petitions/${made.slug}`).catch(() => null);
        await response?.arrayBuffer();
        statuses.push(response?.status ?? 0);
      }
    })();
    await until(() => statuses.length >= 5);
    a.app.child.kill("SIGTERM");
    expect(await a.app.exited).toBe(0);
    const afterStop = statuses.length;
    await until(() => statuses.length >= afterStop + 10);
    reading = false;
    await reader;
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(b.app.child.exitCode).toBeNull();
  }, 240_000);
});

describe("WEB_CONCURRENCY", () => {
  it("runs that many web processes on one port and the job worker once, in the main process", async () => {
    const { app, base } = await instance({ WEB_CONCURRENCY: "3" });
    expect(app.stdout()).toMatch(/Chorus is running at http:\/\/\S+ by 3 web processes/);
    const workerLines = app.stdout().match(/Job worker running \{"pid":(\d+)\}/g) ?? [];
    expect(workerLines).toHaveLength(1);
    expect(workerLines[0]).toContain(`"pid":${app.child.pid}`);
    // Three children of the main process serve the port (the database is external here).
    const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(app.child.pid)], { encoding: "utf8" }).trim().split(/\s+/).filter(Boolean);
    expect(children).toHaveLength(3);
    // Connection: close, so no kept-alive socket to the process killed below is reused by the last check
    // (on a busy machine that reuse raced the kill and failed with "other side closed").
    const answers = await Promise.all(Array.from({ length: 12 }, () => fetch(`${base}/healthz`, { headers: { Connection: "close" } }).then((r) => r.status)));
    expect(answers.every((s) => s === 200)).toBe(true);
    // A web process that dies is replaced.
    execFileSync("kill", ["-9", children[0]!]);
    await until(() => {
      const now = execFileSync("ps", ["-o", "pid=", "--ppid", String(app.child.pid)], { encoding: "utf8" }).trim().split(/\s+/).filter(Boolean);
      return now.length === 3 && !now.includes(children[0]!);
    });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
  }, 120_000);
});
