import { Form, Link } from "@remix-run/react";
import { ErrorSummary, fieldId } from "~/components/error-summary";
import { FieldError } from "~/components/form-field";
import { TableFrame } from "~/components/table-frame";
import type { FieldErrors } from "~/utils/forms";

interface LocalEvent {
  id: number;
  title: string;
  region: string | null;
  where: string;
  when: string;
  host: string;
  registered: number;
  capacity: number | null;
  meetings: number;
}
interface RegionTotal {
  region: string | null;
  events: number;
  registered: number;
  meetings: number;
}

const n = (value: number) => value.toLocaleString("en-GB");
const NO_REGION = "No region given";

/** A lobby day's local events by region, with totals: people registered and meetings booked with decision makers. */
export function LocalEvents({ lobbyDayId, events, totals, mayAdd, more }: { lobbyDayId: number; events: LocalEvent[]; totals: RegionTotal[]; mayAdd: boolean; more: boolean }) {
  const all = totals.reduce((sum, t) => ({ events: sum.events + t.events, registered: sum.registered + t.registered, meetings: sum.meetings + t.meetings }), { events: 0, registered: 0, meetings: 0 });
  return (
    <section aria-labelledby="local-events-heading" id="local-events">
      <h2 id="local-events-heading">Local events</h2>
      {mayAdd ? (
        <p>
          <Link to={`/events/new?parent=${lobbyDayId}`} className="button button--secondary">
            Add a local event to this lobby day
          </Link>
        </p>
      ) : null}
      {totals.length === 0 ? (
        <p>No local events are published yet.</p>
      ) : (
        <>
          <TableFrame label="Totals by region">
          <table className="table lobby-day-totals">
            <caption>Totals by region</caption>
            <thead>
              <tr>
                <th scope="col">Region</th>
                <th scope="col">Local events</th>
                <th scope="col">People registered</th>
                <th scope="col">Meetings booked with decision makers</th>
              </tr>
            </thead>
            <tbody>
              {totals.map((t) => (
                <tr key={t.region ?? ""}>
                  <th scope="row">{t.region ?? NO_REGION}</th>
                  <td>{n(t.events)}</td>
                  <td>{n(t.registered)}</td>
                  <td>{n(t.meetings)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All regions</th>
                <td>{n(all.events)}</td>
                <td>{n(all.registered)}</td>
                <td>{n(all.meetings)}</td>
              </tr>
            </tfoot>
          </table>
          </TableFrame>
          {groupByRegion(events).map(([region, list]) => (
            <section key={region ?? ""} aria-labelledby={`region-${slug(region)}`}>
              <h3 id={`region-${slug(region)}`}>{region ?? NO_REGION}</h3>
              <ul className="demand-list event-list">
                {list.map((e) => (
                  <li key={e.id}>
                    <h4 className="event-list__title">
                      <Link to={`/events/${e.id}`}>{e.title}</Link>
                    </h4>
                    <p className="event-list__when">{e.when}</p>
                    <ul className="demand-card__facts">
                      <li>{e.where}</li>
                      <li>Hosted by {e.host}</li>
                      <li>{e.capacity === null ? `${n(e.registered)} registered` : `${n(e.registered)} of ${n(e.capacity)} places taken`}</li>
                      <li>{e.meetings === 1 ? "1 meeting booked" : `${n(e.meetings)} meetings booked`}</li>
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {more ? <p className="muted">Only the first {n(events.length)} local events are listed here; the totals count them all.</p> : null}
        </>
      )}
    </section>
  );
}

function groupByRegion(events: LocalEvent[]) {
  const groups = new Map<string | null, LocalEvent[]>();
  for (const e of events) groups.set(e.region, [...(groups.get(e.region) ?? []), e]);
  return [...groups];
}
const slug = (region: string | null) => (region ?? "none").toLowerCase().replace(/[^a-z0-9]+/g, "-");

interface Meeting {
  id: number;
  name: string;
  role: string;
  body: string;
}

/** A local event's meetings booked with decision makers; its hosts add and remove them. */
export function Meetings({ meetings, choices, errors }: { meetings: Meeting[]; choices: Array<{ value: string; label: string }> | null; errors: FieldErrors | undefined }) {
  if (!meetings.length && !choices) return null;
  const id = fieldId("target");
  return (
    <section aria-labelledby="meetings-heading" id="meetings">
      <h2 id="meetings-heading">Meetings booked with decision makers</h2>
      {meetings.length ? (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              {m.name} ({m.role}, {m.body})
              {choices ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove-meeting" />
                  <input type="hidden" name="target" value={m.id} />
                  <button type="submit" className="button button--secondary">
                    Remove<span className="visually-hidden"> the meeting with {m.name}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No meetings are recorded yet.</p>
      )}
      {choices ? (
        choices.length ? (
          <Form method="post" noValidate>
            <ErrorSummary errors={errors} />
            <input type="hidden" name="intent" value="add-meeting" />
            <div className={errors?.target ? "field field--error" : "field"}>
              <label className="field__label" htmlFor={id}>
                Decision maker you have a meeting booked with
              </label>
              <FieldError id={`${id}-error`} message={errors?.target} />
              <select className="select input" id={id} name="target" defaultValue="" aria-describedby={errors?.target ? `${id}-error` : undefined} aria-invalid={errors?.target ? true : undefined}>
                <option value="">Choose from the directory</option>
                {choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              Record the meeting
            </button>
          </Form>
        ) : (
          <p className="muted">The directory of decision makers is empty: an admin adds them under Decision makers.</p>
        )
      ) : null}
    </section>
  );
}
