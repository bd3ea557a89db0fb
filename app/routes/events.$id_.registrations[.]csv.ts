import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireEventHost } from "~/events/access.server";
import { ACCESS_NEED_LABELS } from "~/events/labels";
import { listRegistrationsForExport } from "~/models/event.server";
import { csvRow } from "~/utils/csv";
import { db } from "~/utils/db.server";

const BATCH = 1_000;

/**
 * The hosts' list for the day (a sign-in sheet, the caterer's numbers): name, email, place and access
 * needs, nothing more. Streamed in keyset batches; every cell through csvCell, so "=1+1" stays text.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventHost(request, params.id);
  const encoder = new TextEncoder();
  let afterId = 0;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(["Name", "Email", "Place", "Access needs", "Dietary needs", "Anything else", "Expert by experience", "Claims travel"])));
        return;
      }
      const rows = await listRegistrationsForExport(db, event.id, afterId, BATCH);
      if (rows.length === 0) return controller.close();
      afterId = rows[rows.length - 1]!.id;
      controller.enqueue(
        encoder.encode(
          rows
            .map((r) => csvRow([r.shown_name, r.address, r.status === "registered" ? "Has a place" : "Waiting", (r.needs ?? []).map((n) => ACCESS_NEED_LABELS[n]).join("; "), r.dietary ?? "", r.other ?? "", r.expert_by_experience ? "Yes" : "No", r.claims_travel ? "Yes" : "No"]))
            .join(""),
        ),
      );
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="event-${event.id}-registrations.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
