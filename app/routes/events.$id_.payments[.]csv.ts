import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireEventHost } from "~/events/access.server";
import { listPayments } from "~/models/event.server";
import { csvRow } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { wallClock } from "~/utils/zoned-time";

/** For the hosts' finance team: experts by experience who came, what each is owed, and who claims travel. No access needs. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventHost(request, params.id);
  const rows = await listPayments(db, event.id);
  const day = wallClock(new Date(event.starts_at), event.time_zone).date;
  const amount = event.payment_pence === null ? "0.00" : (event.payment_pence / 100).toFixed(2);
  const body = csvRow(["Name", "Email", "Event", "Date", "Involvement payment (£)", "Travel expenses claimed"]) + rows.map((r) => csvRow([r.shown_name, r.address, event.title, day, amount, r.claims_travel ? "Yes" : "No"])).join("");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="event-${event.id}-payments.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
