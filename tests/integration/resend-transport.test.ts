import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { db } from "../../db";
import { createBatchPace, deliverEmailBatch, PermanentEmailError, queueEmails, resendTransport, TransientEmailError, type RenderedEmail } from "../../app/services/email.server";

/**
 * A local HTTP server stands in for Resend's API, so the real SDK is exercised end to end:
 * each test scripts the responses the "API" gives and reads back the requests it received.
 */
type Scripted = { status: number; body: unknown; headers?: Record<string, string> };
let script: Scripted[] = [];
let received: Array<{ path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> }> = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(raw || "{}") });
      const next = script.shift() ?? { status: 500, body: { statusCode: 500, name: "internal_server_error", message: "unscripted" } };
      res.writeHead(next.status, { "content-type": "application/json", ...next.headers });
      res.end(JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  script = [];
  received = [];
});

const message: RenderedEmail = {
  from: "Chorus <chorus@example.org>",
  to: "ada@example.org",
  subject: "Hello",
  html: "<p>Hello</p>",
  text: "Hello",
  headers: { "List-Unsubscribe": "<https://chorus.example.org/u/1>" },
};

function transport(sleeps: number[]) {
  return resendTransport({ apiKey: "re_test", baseUrl, maxAttempts: 4, baseDelayMs: 10, sleep: async (ms) => void sleeps.push(ms) });
}

describe("the Resend transport", () => {
  it("sends HTML, plain text, headers and the idempotency key, and returns Resend's id", async () => {
    script = [{ status: 200, body: { id: "re-123" } }];
    const sleeps: number[] = [];
    const result = await transport(sleeps).deliver(message, "email-key-1", 1);
    expect(result.id).toBe("re-123");
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe("/emails");
    expect(received[0]!.headers["idempotency-key"]).toBe("email-key-1");
    expect(received[0]!.headers.authorization).toBe("Bearer re_test");
    expect(received[0]!.body).toMatchObject({ to: ["ada@example.org"], subject: "Hello", html: "<p>Hello</p>", text: "Hello" });
    expect(received[0]!.body.headers).toEqual({ "List-Unsubscribe": "<https://chorus.example.org/u/1>" });
    expect(sleeps).toEqual([]);
  });

  it("waits as long as Retry-After says after a 429, then succeeds", async () => {
    script = [
      { status: 429, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" }, headers: { "retry-after": "2" } },
      { status: 200, body: { id: "re-after-429" } },
    ];
    const sleeps: number[] = [];
    const result = await transport(sleeps).deliver(message, "email-key-2", 2);
    expect(result.id).toBe("re-after-429");
    expect(sleeps).toEqual([2000]);
    expect(received).toHaveLength(2);
    // The same key on the retry, so Resend sends one email however many attempts it takes.
    expect(received.map((r) => r.headers["idempotency-key"])).toEqual(["email-key-2", "email-key-2"]);
  });

  it("retries a 500 with growing backoff, then gives up as a transient failure for the job queue", async () => {
    const failure = { status: 500, body: { statusCode: 500, name: "internal_server_error", message: "boom" } };
    script = [failure, failure, failure, failure];
    const sleeps: number[] = [];
    await expect(transport(sleeps).deliver(message, "email-key-3", 3)).rejects.toBeInstanceOf(TransientEmailError);
    expect(received).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    expect(sleeps[1]!).toBeGreaterThanOrEqual(20);
    expect(sleeps[2]!).toBeGreaterThanOrEqual(40);
  });

  it("recovers when a 500 is followed by success", async () => {
    script = [
      { status: 503, body: { statusCode: 503, name: "service_unavailable", message: "later" } },
      { status: 200, body: { id: "re-after-503" } },
    ];
    const sleeps: number[] = [];
    expect((await transport(sleeps).deliver(message, "email-key-4", 4)).id).toBe("re-after-503");
    expect(received).toHaveLength(2);
  });

  it("does not retry a 422 validation error", async () => {
    script = [{ status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field" } }];
    const sleeps: number[] = [];
    const attempt = transport(sleeps).deliver(message, "email-key-5", 5);
    await expect(attempt).rejects.toBeInstanceOf(PermanentEmailError);
    await expect(attempt).rejects.toThrow(/Resend 422: Invalid `to` field/);
    expect(received).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("sends up to 100 queued emails in one batch call, rendering a shared message once, and never twice", async () => {
    const recipients = Array.from({ length: 100 }, (_, i) => ({ to: `batch${i}@example.org`, props: { recipientName: "Friend", message: "Same for all" }, idempotencyKey: `batch-test:${i}` }));
    await db.transaction().execute((trx) => queueEmails(trx, "TestEmail", recipients));
    const { rows: jobs } = await sql<{ ids: number[] }>`select data->'emailIds' as ids from pgboss.job where name = 'email.send-batch'`.execute(db);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.ids).toHaveLength(100);
    const { rows: singles } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'email.send'`.execute(db);
    expect(singles[0]!.n).toBe(0);

    script = [{ status: 200, body: { data: recipients.map((_, i) => ({ id: `re-batch-${i}` })) } }];
    const sleeps: number[] = [];
    await deliverEmailBatch(db, jobs[0]!.ids, transport(sleeps));
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe("/emails/batch");
    expect(received[0]!.headers["idempotency-key"]).toMatch(/^batch:[0-9a-f]{32}$/);
    const sent = received[0]!.body as unknown as Array<{ to: string[]; text: string }>;
    expect(sent).toHaveLength(100);
    expect(sent[99]!.to).toEqual(["batch99@example.org"]);
    expect(sent[0]!.text).toContain("Same for all");
    const statuses = await db.selectFrom("email").select(["status", "provider_message_id"]).where("idempotency_key", "like", "batch-test:%").orderBy("id").execute();
    expect(statuses.every((e) => e.status === "sent")).toBe(true);
    expect(statuses[5]!.provider_message_id).toBe("re-batch-5");
    // A retried job finds them sent and calls nobody.
    await deliverEmailBatch(db, jobs[0]!.ids, transport(sleeps));
    expect(received).toHaveLength(1);
  });

  it("a batch refused for good is split into single emails, so one bad address does not block the rest", async () => {
    const ids = await db.transaction().execute(async (trx) => {
      await queueEmails(trx, "TestEmail", [
        { to: "good@example.org", props: { recipientName: "A", message: "m" }, idempotencyKey: "split:1" },
        { to: "bad@example.org", props: { recipientName: "B", message: "m" }, idempotencyKey: "split:2" },
      ]);
      return (await trx.selectFrom("email").select("id").where("idempotency_key", "like", "split:%").execute()).map((r) => r.id);
    });
    script = [{ status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field" } }];
    await deliverEmailBatch(db, ids, transport([]));
    const { rows } = await sql<{ id: number }>`select (data->>'emailId')::bigint as id from pgboss.job where name = 'email.send' order by 1`.execute(db);
    expect(rows.map((r) => Number(r.id))).toEqual(ids);
  });

  it("paces batch calls under the account's rate limit, leaving room for single emails", async () => {
    // A clock of the test's own, moved on only by the transport's waits.
    let clock = 1_000_000;
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      clock += ms;
    };
    const paced = resendTransport({ apiKey: "re_test", baseUrl, requestsPerSecond: 5, sleep, pace: createBatchPace(() => clock) });
    script = Array.from({ length: 4 }, () => ({ status: 200, body: { data: [{ id: "x" }] } }));
    for (let i = 0; i < 3; i++) await paced.deliverBatch!([{ message, emailId: 1 }], `pace-${i}`);
    // 5 a second with one kept free: 4 batches a second, 250 ms apart; the first goes at once.
    expect(sleeps).toEqual([250, 250]);
    // After a quiet second the next batch goes at once again.
    clock += 1_000;
    await paced.deliverBatch!([{ message, emailId: 1 }], "pace-3");
    expect(sleeps).toEqual([250, 250]);
  });
});
