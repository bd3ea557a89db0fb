import { z } from "zod";
import type { Database } from "../../db";
import { insertEmailSuppressions, listEmailIdsByProviderId } from "~/models/email.server";
import { recordWebhookDelivery } from "~/models/webhook-delivery.server";
import { recordUndeliverableLetters } from "./letter.server";

/**
 * The parts of Resend's webhook events Chorus acts on, checked after the signature: a correctly
 * signed delivery can still be malformed (null, a number where text belongs), and that is a 400.
 * Fields Chorus does not read pass through unchecked.
 */
export const MailEventSchema = z.looseObject({
  type: z.string().max(100).optional(),
  data: z
    .looseObject({
      email_id: z.string().max(200).optional(),
      to: z.union([z.string().max(320), z.array(z.string().max(320)).max(100)]).optional(),
      bounce: z.looseObject({ type: z.string().max(100).optional(), message: z.string().max(10_000).optional() }).optional(),
    })
    .optional(),
});
export type MailEvent = z.infer<typeof MailEventSchema>;

/**
 * What the mail provider tells us after sending: a hard bounce (the address does not exist) or a
 * spam complaint suppresses the address; a bounced letter also flags its decision maker and tells
 * its writer. Soft (transient) bounces change nothing: the provider retries those itself. Each
 * delivery id is handled once, in one transaction.
 */
export async function handleMailEvent(db: Database, deliveryId: string, event: MailEvent) {
  const hardBounce = event.type === "email.bounced" && event.data?.bounce?.type !== "Transient";
  const complaint = event.type === "email.complained";
  if (!hardBounce && !complaint) return { acted: false };
  const detail = (event.data?.bounce?.message ?? event.type ?? "").slice(0, 500);
  const addresses = [event.data?.to ?? []].flat().map((a) => String(a).trim().toLowerCase()).filter(Boolean);
  const emailIds = await db.transaction().execute(async (trx) => {
    if (!(await recordWebhookDelivery(trx, deliveryId))) return null;
    if (addresses.length) await insertEmailSuppressions(trx, addresses, hardBounce ? "bounced" : "complained", detail);
    if (!hardBounce || !event.data?.email_id) return [];
    return listEmailIdsByProviderId(trx, event.data.email_id);
  });
  if (emailIds === null) return { acted: false };
  // A letter that bounced: its decision maker is flagged and skipped, its writer told.
  if (emailIds.length) await recordUndeliverableLetters(db, emailIds, `Bounced: ${detail}`);
  return { acted: true };
}
