import { createHmac, timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import type { Database } from "../../db";
import { handleMailEvent, MailEventSchema } from "~/services/mail-events.server";
import { getEnv } from "../utils/env.server";
import { logger } from "../utils/logger.server";

/** Resend signs webhooks the Svix way; a delivery older or newer than this is refused (replays). */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/**
 * Whether a webhook delivery was signed with our secret: HMAC-SHA256 over "id.timestamp.body" with
 * the base64 key after "whsec_", compared in constant time with each "v1,<base64>" signature given.
 */
export function verifyWebhookSignature(secret: string, headers: { id?: string; timestamp?: string; signature?: string }, body: string, now = Date.now()) {
  if (!headers.id || !headers.timestamp || !headers.signature) return false;
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${headers.id}.${headers.timestamp}.${body}`).digest();
  return headers.signature.split(" ").some((part) => {
    const [version, value] = part.split(",", 2);
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/**
 * POST /webhooks/resend, mounted before the request guard (it needs the raw JSON body, which no
 * form of ours sends). Unsigned or badly signed deliveries get 401 and change nothing; a delivery
 * already handled (Resend retries) gets 200 again and is not acted on twice.
 */
export function resendWebhookHandler(db: Database, secretOf: () => string | undefined = () => getEnv().RESEND_WEBHOOK_SECRET) {
  return async (req: Request, res: Response) => {
    const secret = secretOf();
    if (!secret) return void res.status(404).type("text/plain").send("Not found");
    const body = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
    const headers = { id: req.get("svix-id"), timestamp: req.get("svix-timestamp"), signature: req.get("svix-signature") };
    if (!verifyWebhookSignature(secret, headers, body)) {
      logger.warn("webhook refused: bad signature", { id: headers.id?.slice(0, 100) });
      return void res.status(401).type("text/plain").send("Bad signature");
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return void res.status(400).type("text/plain").send("Not JSON");
    }
    const event = MailEventSchema.safeParse(json);
    if (!event.success) {
      logger.warn("webhook refused: not an event Chorus understands", { id: headers.id?.slice(0, 100) });
      return void res.status(400).type("text/plain").send("Not an event Chorus understands");
    }
    await handleMailEvent(db, headers.id!, event.data);
    res.status(200).type("text/plain").send("OK");
  };
}
