import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PermanentEmailError, resendTransport, TransientEmailError, type RenderedEmail } from "../../app/utils/email.server";

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
});
