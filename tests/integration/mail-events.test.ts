import { createHmac } from "node:crypto";
import express from "express";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db";
import { createMember } from "../support/builders";
import { handleMailEvent } from "../../app/services/mail-events.server";
import { deliverEmail, outboxTransport, queueEmail } from "../../app/services/email.server";
import { resendWebhookHandler, verifyWebhookSignature } from "../../app/http/resend-webhook.server";

const SECRET = `whsec_${Buffer.from("a test signing secret, 32 bytes!").toString("base64")}`;
const sign = (id: string, timestamp: number, body: string, secret = SECRET) =>
  `v1,${createHmac("sha256", Buffer.from(secret.replace(/^whsec_/, ""), "base64")).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

describe("the webhook signature", () => {
  const body = '{"type":"email.bounced"}';
  const now = 1_800_000_000_000;
  const ts = now / 1000;
  it("accepts our signature, among several, and refuses anything else", () => {
    expect(verifyWebhookSignature(SECRET, { id: "msg_1", timestamp: String(ts), signature: `v1,bm90IGl0 ${sign("msg_1", ts, body)}` }, body, now)).toBe(true);
    expect(verifyWebhookSignature(SECRET, { id: "msg_1", timestamp: String(ts), signature: sign("msg_1", ts, `${body} `) }, body, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, { id: "msg_2", timestamp: String(ts), signature: sign("msg_1", ts, body) }, body, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, { id: "msg_1", timestamp: String(ts), signature: sign("msg_1", ts, body, "whsec_b3RoZXI=") }, body, now)).toBe(false);
    // A replay from ten minutes ago.
    expect(verifyWebhookSignature(SECRET, { id: "msg_1", timestamp: String(ts - 600), signature: sign("msg_1", ts - 600, body) }, body, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, { id: "msg_1", timestamp: String(ts) }, body, now)).toBe(false);
  });
});

describe("bounces and complaints", () => {
  let base = "";
  let server: ReturnType<express.Express["listen"]>;
  beforeAll(async () => {
    const app = express();
    const handler = resendWebhookHandler(db, () => SECRET);
    const unconfigured = resendWebhookHandler(db, () => undefined);
    app.post("/webhooks/resend", express.raw({ type: () => true }), (req, res, next) => void handler(req, res).catch(next));
    app.post("/off", express.raw({ type: () => true }), (req, res, next) => void unconfigured(req, res).catch(next));
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  async function post(event: object, options: { id?: string; signature?: string } = {}) {
    const body = JSON.stringify(event);
    const id = options.id ?? `msg_${unique()}`;
    const ts = Math.floor(Date.now() / 1000);
    const response = await fetch(`${base}/webhooks/resend`, { method: "POST", headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": String(ts), "svix-signature": options.signature ?? sign(id, ts, body) }, body });
    return response.status;
  }

  it("answers a correctly signed but malformed event with 400, acting on nothing", async () => {
    const to = `malformed-${unique()}@example.org`;
    for (const event of [null, 42, "bounced", [], { type: 7 }, { type: "email.bounced", data: null }, { type: "email.bounced", data: { to: [{}] } }, { type: "email.bounced", data: { to, bounce: { message: 42 } } }, { type: "email.bounced", data: { to, bounce: "hard" } }, { type: "email.complained", data: { to: [to], email_id: ["x"] } }]) {
      expect(await post(event as object), JSON.stringify(event)).toBe(400);
    }
    expect(await db.selectFrom("email_suppression").selectAll().where("address", "=", to).executeTakeFirst()).toBeUndefined();
    // Fields Chorus does not read may be anything.
    expect(await post({ type: "email.bounced", created_at: { odd: true }, data: { to: [to], bounce: { type: "Permanent", message: "gone", subType: 5 }, tags: [1] } })).toBe(200);
    expect(await db.selectFrom("email_suppression").select("reason").where("address", "=", to).executeTakeFirst()).toEqual({ reason: "bounced" });
  });

  it("is not there at all until a signing secret is configured", async () => {
    expect((await fetch(`${base}/off`, { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("suppresses a hard-bounced address for all mail, and ignores soft bounces and bad signatures", async () => {
    const member = await createMember(db);
    const to = member.email.toLowerCase();
    expect(await post({ type: "email.bounced", data: { email_id: "re_x", to: [to], bounce: { type: "Permanent", message: "No such user" } } }, { signature: "v1,Zm9yZ2Vk" })).toBe(401);
    expect(await post({ type: "email.bounced", data: { to: [to], bounce: { type: "Transient" } } })).toBe(200);
    expect(await db.selectFrom("email_suppression").selectAll().where("address", "=", to).executeTakeFirst()).toBeUndefined();
    expect(await post({ type: "email.bounced", data: { email_id: "re_unknown", to: [to], bounce: { type: "Permanent", message: "No such user" } } })).toBe(200);
    expect(await db.selectFrom("email_suppression").select("reason").where("address", "=", to).executeTakeFirst()).toEqual({ reason: "bounced" });
    const service = await db.transaction().execute((trx) => queueEmail(trx, { template: "SignInLink", to, props: { url: "http://localhost/x" } }));
    expect(await deliverEmail(db, service!, outboxTransport(db))).toMatchObject({ refused: expect.any(String) });
    expect((await db.selectFrom("email").select("status").where("id", "=", service!).executeTakeFirstOrThrow()).status).toBe("failed");
    expect(await db.selectFrom("outbox_message").select("id").where("email_id", "=", service!).executeTakeFirst()).toBeUndefined();
  });

  it("after a complaint sends only mail the person asked for, and handles a retried delivery once", async () => {
    const to = `complainer-${unique()}@example.org`;
    const id = `msg_${unique()}`;
    expect(await post({ type: "email.complained", data: { to: [to] } }, { id })).toBe(200);
    expect(await handleMailEvent(db, id, { type: "email.complained", data: { to: [to] } })).toEqual({ acted: false });
    const news = await db.transaction().execute((trx) => queueEmail(trx, { template: "PetitionNews", to, props: { petitionTitle: "P", subject: "News", message: "Hello there", petitionUrl: "http://localhost/p", stopUrl: "http://localhost/s" } }));
    const link = await db.transaction().execute((trx) => queueEmail(trx, { template: "ConfirmSignature", to, props: { petitionTitle: "P", confirmUrl: "http://localhost/c", withdrawUrl: "http://localhost/w", days: 14 } }));
    await deliverEmail(db, news!, outboxTransport(db));
    await deliverEmail(db, link!, outboxTransport(db));
    const statuses = await db.selectFrom("email").select(["id", "status"]).where("id", "in", [news!, link!]).orderBy("id").execute();
    expect(statuses.map((s) => s.status)).toEqual(["failed", "sent"]);
  });
});
