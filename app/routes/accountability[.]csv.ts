import type { LoaderFunctionArgs } from "@remix-run/node";
import { ASK_CHANNEL_LABELS, ASK_STATUS_LABELS } from "~/accountability/statuses";
import { CAMPAIGN_STATUS_WORDS, CSV_COLUMNS } from "~/accountability/tracker";
import { parseTrackerFilters } from "~/accountability/tracker.server";
import { listAsksForExport } from "~/models/tracker.server";
import { TARGET_ROLE_LABELS } from "~/letters/rules";
import { csvRow } from "~/utils/csv";
import { db } from "~/utils/db.server";

const BATCH = 1_000;

/**
 * Every public ask matching the tracker's filters, one row each, streamed in keyset batches so memory
 * stays flat however many there are. Cells go through csvCell, so a summary starting with "=" is text.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseTrackerFilters(new URL(request.url).searchParams);
  const encoder = new TextEncoder();
  let afterId = 0;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(CSV_COLUMNS)));
        return;
      }
      const rows = await listAsksForExport(db, filters, afterId, BATCH);
      if (rows.length === 0) return controller.close();
      afterId = rows[rows.length - 1]!.id;
      controller.enqueue(
        encoder.encode(
          rows
            .map((r) =>
              csvRow([
                r.demand_title,
                r.campaign_title,
                CAMPAIGN_STATUS_WORDS[r.campaign_status],
                r.target_name,
                TARGET_ROLE_LABELS[r.target_role],
                r.target_body,
                r.asked_on,
                ASK_CHANNEL_LABELS[r.channel],
                ASK_STATUS_LABELS[r.status],
                r.status_on,
                r.summary,
                r.latest_response_on ?? "",
              ]),
            )
            .join(""),
        ),
      );
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="chorus-accountability.csv"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
