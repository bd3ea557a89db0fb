import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../db";
import { createMember, createPetitionFor } from "../support/builders";
import { startAppProcess, until, urlOf, type AppProcess } from "../support/app-process";

/**
 * Losing database connections (a restart, a failover, an idle timeout, pg_terminate_backend) never
 * ends the process: in-flight requests and jobs may fail and are retried, the pool reconnects, and
 * nothing the app acknowledged is lost. Every backend of the app's database is terminated over and
 * over while people sign a petition, pages are read and the job worker sends the confirmations.
 */
let app: AppProcess | undefined;
afterAll(async () => {
  app?.child.kill("SIGTERM");
  await app?.exited;
});

describe("losing the database's connections", () => {
  it("keeps the process serving, loses nothing acknowledged, and its jobs finish", async () => {
    const { petition } = await createPetitionFor(db, { leadId: (await createMember(db)).id, title: "Signed through connection cuts" });

    app = startAppProcess({ DATABASE_URL: process.env.DATABASE_URL, RUN_WORKER: "true", SEED_DEMO_DATA: "false" });
    const base = await urlOf(app);

    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let running = true;
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const signer = async (worker: number) => {
      for (let i = 0; running; i++) {
        const email = `cut-${worker}-${i}@example.org`;
        try {
          const response = await fetch(`${base}/petitions/${petition.slug}`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin", "X-Forwarded-For": `198.51.100.${worker}` },
            body: new URLSearchParams({ intent: "sign", name: `Signer ${worker}-${i}`, email }),
            redirect: "manual",
          });
          await response.arrayBuffer();
          count(response.status);
          if (response.status === 302) acknowledged.push(email);
        } catch {
          count(0);
        }
      }
    };
    const reader = async () => {
      while (running) {
        for (const path of ["/demands", `/petitions/${petition.slug}`, "/healthz"]) {
          const response = await fetch(`${base}${path}`).catch(() => null);
          await response?.arrayBuffer();
          count(response?.status ?? 0);
        }
      }
    };
    const load = [signer(1), signer(2), signer(3), reader(), reader()];

    // Forty rounds of cutting every connection the app holds, idle or in use, a few dozen ms apart.
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    let cut = 0;
    for (let round = 0; round < 40; round++) {
      const result = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
      cut += result.rowCount ?? 0;
      await new Promise((r) => setTimeout(r, 20 + (round % 7) * 20));
    }
    await admin.end();
    // Requests in flight at a cut fail (a 500 for that one request); once the cutting stops the pool
    // reconnects and signing goes on: wait for twenty more acknowledged signatures.
    const before = acknowledged.length;
    await until(() => acknowledged.length >= before + 20, 60_000);
    running = false;
    await Promise.all(load);

    expect(app.child.exitCode, app.stderr().slice(-3000)).toBeNull();
    expect(app.stderr()).not.toMatch(/Unhandled 'error' event|unhandled promise rejection|uncaught exception/);
    expect(cut).toBeGreaterThan(40);
    // The pool reconnects: the app serves again.
    await until(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status === 200);
    expect((await fetch(`${base}/petitions/${petition.slug}`)).status).toBe(200);
    // A request cut off mid-flight is answered (500, or 503 from the health check), never dropped.
    expect([...statuses.keys()].filter((status) => ![200, 302, 500, 503].includes(status))).toEqual([]);

    // Every acknowledged signature is stored ...
    const stored = await db.selectFrom("petition_signature").select("email").where("petition_id", "=", petition.id).execute();
    const storedEmails = new Set(stored.map((s) => s.email));
    expect(acknowledged.filter((email) => !storedEmails.has(email))).toEqual([]);
    // ... and its confirmation email is sent by the worker, whose failed jobs were retried.
    await until(async () => {
      const sent = await db.selectFrom("email").select("to_address").where("template", "=", "ConfirmSignature").where("status", "=", "sent").where("to_address", "in", acknowledged).execute();
      return sent.length === acknowledged.length;
    }, 120_000);
  }, 240_000);
});
