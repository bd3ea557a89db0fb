import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { TableFrame } from "~/components/table-frame";
import { requireEventHost } from "~/events/access.server";
import { ACCESS_NEED_LABELS, formatPounds } from "~/events/labels";
import { countRegistrations, listPayments, listRegistrationsForHosts } from "~/models/event.server";
import { saveAttendance } from "~/services/event.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { parsePage } from "~/utils/ids";
import { badRequest } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";
import { formatInZone } from "~/utils/zoned-time";

export const meta: MetaFunction = (args) => pageTitle(args, "Registrations", "Events");

const PAGE_SIZE = 100;

const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : v ? [v] : []).slice(0, PAGE_SIZE).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0));
const AttendanceSchema = z.object({ shown: ids, attended: ids });

/**
 * The hosts' page: who is coming, who is waiting, their access needs (seen here and in the hosts'
 * export only), attendance after the event, and who is owed what for their lived expertise.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventHost(request, params.id);
  const page = parsePage(new URL(request.url).searchParams.get("page"), 1000);
  const [rows, counts, payments] = await Promise.all([listRegistrationsForHosts(db, event.id, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }), countRegistrations(db, event.id), listPayments(db, event.id)]);
  const started = new Date(event.starts_at) <= new Date();
  return {
    event: { id: event.id, title: event.title, when: formatInZone(event.starts_at, event.time_zone), capacity: event.capacity, payment: event.payment_pence, travel: event.travel_expenses, started, needsDeleted: event.access_needs_deleted_at !== null },
    registrations: rows.slice(0, PAGE_SIZE).map((r) => ({
      id: r.id,
      name: r.shown_name,
      address: r.address,
      status: r.status,
      member: r.member_id !== null,
      expert: r.expert_by_experience,
      travel: r.claims_travel,
      attended: r.attended,
      needs: [...(r.needs ?? []).map((n) => ACCESS_NEED_LABELS[n]), ...(r.dietary ? [`Dietary: ${r.dietary}`] : []), ...(r.other ? [r.other] : [])],
    })),
    hasNext: rows.length > PAGE_SIZE,
    page,
    counts,
    payments: payments.map((p) => ({ id: p.id, name: p.shown_name, address: p.address, amount: event.payment_pence ? formatPounds(event.payment_pence) : "None", travel: p.claims_travel })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await requireEventHost(request, params.id);
  const parsed = parseForm(AttendanceSchema, await request.formData());
  if (!parsed.ok) badRequest();
  if (new Date(event.starts_at) > new Date()) return redirectWithFlash(request, `/events/${event.id}/registrations`, { kind: "error", message: "You can mark who came once the event has started." });
  await saveAttendance(db, event.id, parsed.data.shown, parsed.data.attended);
  return redirectWithFlash(request, `/events/${event.id}/registrations#attendance`, { kind: "success", message: "Attendance is saved." });
}

export default function Registrations() {
  const { event, registrations, hasNext, page, counts, payments } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => (n > 1 ? `?page=${n}` : "?");
  return (
    <>
      <p>
        <Link to={`/events/${event.id}`}>Back to the event</Link>
      </p>
      <div className="page-heading">
        <h1>Registrations for &ldquo;{event.title}&rdquo;</h1>
        <p className="lead">
          {event.when}. {counts.registered.toLocaleString("en-GB")} with a place{event.capacity !== null ? ` of ${event.capacity.toLocaleString("en-GB")}` : ""}, {counts.waiting.toLocaleString("en-GB")} waiting.
        </p>
      </div>
      <div className="notice">
        <p>
          Access needs are private: use them only to make the event work for the person who told you, share them only with whoever must act on them (a venue, an interpreter), and never put them in minutes. {event.needsDeleted ? "They have been deleted, 30 days after the event." : "They are deleted 30 days after the event."}
        </p>
      </div>
      <p>
        <a href={`/events/${event.id}/registrations.csv`} download>
          Download the registrations with access needs (CSV)
        </a>
      </p>
      {registrations.length === 0 ? (
        <p>No one has registered yet.</p>
      ) : (
        <Form method="post" id="attendance">
          <TableFrame label="Registrations">
            <table className="table">
              <caption className="visually-hidden">Registrations{page > 1 ? `, page ${page}` : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Place</th>
                  <th scope="col">Access needs</th>
                  {event.payment || event.travel ? <th scope="col">Expert by experience</th> : null}
                  {event.started ? <th scope="col">Came</th> : null}
                </tr>
              </thead>
              <tbody>
                {registrations.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td className="event-address">{r.address}</td>
                    <td>{r.status === "registered" ? "Has a place" : "Waiting"}</td>
                    <td>{r.needs.length ? r.needs.join("; ") : "None"}</td>
                    {event.payment || event.travel ? <td>{r.expert ? `Yes${r.travel ? ", claims travel" : ""}` : "No"}</td> : null}
                    {event.started ? (
                      <td>
                        {r.status === "registered" ? (
                          <>
                            <input type="hidden" name="shown" value={r.id} />
                            <div className="choice choice--small">
                              <input className="choice__input" type="checkbox" id={`attended-${r.id}`} name="attended" value={r.id} defaultChecked={r.attended === true} />
                              <label className="choice__label" htmlFor={`attended-${r.id}`}>
                                <span className="visually-hidden">{r.name} </span>came
                              </label>
                            </div>
                          </>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          {event.started ? (
            <button type="submit" className="button">
              Save attendance
            </button>
          ) : null}
        </Form>
      )}
      <nav className="pagination" aria-label="Pages of registrations">
        {page > 1 ? <Link to={pageLink(page - 1)}>Previous page</Link> : null}
        {hasNext ? <Link to={pageLink(page + 1)}>Next page</Link> : null}
      </nav>
      {event.payment || event.travel ? (
        <section aria-labelledby="payments-heading">
          <h2 id="payments-heading">Payments for lived expertise</h2>
          {!event.started ? (
            <p>After the event, mark who came: this list then shows who is owed what, for your finance team.</p>
          ) : payments.length === 0 ? (
            <p>No one who asked to be paid is marked as having come yet.</p>
          ) : (
            <>
              <ul>
                {payments.map((p) => (
                  <li key={p.id}>
                    {p.name} ({p.address}): {p.amount}
                    {p.travel ? ", plus travel expenses" : ""}
                  </li>
                ))}
              </ul>
              <p>
                <a href={`/events/${event.id}/payments.csv`} download>
                  Download the payments list (CSV)
                </a>
              </p>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
