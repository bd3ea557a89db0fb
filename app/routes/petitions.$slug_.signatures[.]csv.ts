import type { LoaderFunctionArgs } from "@remix-run/node";
import { isOrganiser, getCampaign } from "~/models/campaign.server";
import { getPetitionBySlug, listConfirmedSignatures } from "~/models/petition.server";
import { requireMember } from "~/utils/auth.server";
import { csvRow } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { canOnCampaign } from "~/utils/permissions";

const PAGE = 5_000;

/**
 * Confirmed signatures for delivery, for the campaign's organisers: name and postcode area, and the
 * email only of those who agreed to hear about the campaign. Streamed a page at a time, so a petition
 * of 500,000 never sits in memory; kept out of every cache.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const petition = params.slug ? await getPetitionBySlug(db, params.slug) : undefined;
  const campaign = petition ? await getCampaign(db, petition.campaign_id) : undefined;
  if (!petition || !campaign) throw new Response("Not found", { status: 404 });
  const context = { isOrganiser: await isOrganiser(db, campaign.id, member.id), status: campaign.status };
  if (!canOnCampaign(member, "campaign.dashboard", context)) throw new Response("Forbidden", { status: 403 });
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
