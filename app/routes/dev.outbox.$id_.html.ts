import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { getOutboxMessage } from "~/models/email.server";
import { isOutboxEnabled } from "~/services/email.server";
import { requireId } from "~/utils/ids";
import { notFound } from "~/utils/responses.server";

/** The email's own HTML, served under a script-free sandbox policy (see security-headers.server.ts). */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!isOutboxEnabled()) notFound();
  const message = await getOutboxMessage(db, requireId(params.id));
  if (!message) notFound();
  return new Response(message.html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
