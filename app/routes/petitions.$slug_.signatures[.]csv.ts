import type { LoaderFunctionArgs } from "@remix-run/node";
import { listConfirmedSignatures } from "~/models/petition.server";
import { requireMember } from "~/members/session.server";
import { csvRow } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { loadPetitionFor } from "~/petitions/access.server";
import { forbidden } from "~/utils/responses.server";

const PAGE = 5_000;

/**
 * Confirmed signatures for delivery, for the campaign's organisers: name and postcode area, and the
 * email only of those who agreed to hear about the campaign. Streamed a page at a time, so a petition
 * of 500,000 never sits in memory; kept out of every cache.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireMember(request);
  // Organisers and admins, also after the campaign ended (the dashboard's rule).
  const { petition, allowed } = await loadPetitionFor(request, params.slug, "campaign.dashboard");
  if (!allowed) forbidden();
  const encoder = new TextEncoder();
  let afterId = 0;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(["Name", "Postcode area", "Email (only if they agreed to campaign news)", "Confirmed (UTC)"])));
        return;
      }
      const rows = await listConfirmedSignatures(db, petition.id, afterId, PAGE);
      if (rows.length === 0) return controller.close();
      afterId = rows[rows.length - 1]!.id;
      controller.enqueue(encoder.encode(rows.map((r) => csvRow([r.name, r.outward_code, r.campaign_consent ? r.email : "", r.confirmed_at ? new Date(r.confirmed_at).toISOString() : ""])).join("")));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${petition.slug}-signatures.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
