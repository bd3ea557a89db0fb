import type { Database } from "../../db";

/** Records a webhook delivery by its id; false when it was recorded before (a provider retry), so each is handled once. */
export async function recordWebhookDelivery(db: Database, deliveryId: string) {
  const first = await db.insertInto("webhook_delivery").values({ id: deliveryId.slice(0, 200) }).onConflict((oc) => oc.doNothing()).returning("id").executeTakeFirst();
  return Boolean(first);
}
