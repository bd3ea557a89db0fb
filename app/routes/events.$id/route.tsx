import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConfirmPanel } from "~/components/confirm";
import { Form } from "@remix-run/react";
import { hostOptions, loadEvent } from "~/events/access.server";
import { addToCalendarLinks } from "~/events/ics";
import { EVENT_FORMAT_LABELS, EVENT_KIND_LABELS, formatPounds } from "~/events/labels";
import { requireMember } from "~/members/session.server";
import { countRegistrations, findMemberRegistration, getParentSummary, hasAccessNeeds, isLobbyDay, listEventMeetings, listLocalEvents, listOutcomes, lobbyDayTotals, LOCAL_EVENTS_SHOWN, waitingPosition, type EventWithHost } from "~/models/event.server";
import { listTargetChoices } from "~/models/target.server";
import { TARGET_ROLE_LABELS } from "~/letters/rules";
import type { CurrentMember } from "~/members/session.server";
import { registrationOpenness } from "~/services/event.server";
import { db } from "~/utils/db.server";
import { markdownToSafeHtml } from "~/utils/markdown.server";
import { badRequest, forbidden } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";
import { formatInZone, wallClock } from "~/utils/zoned-time";
import { addMeetingIntent, cancelEventIntent, cancelIntent, publishIntent, registerIntent, registerPublicIntent, removeMeetingIntent } from "./intents.server";
import { LocalEvents, Meetings } from "./lobby-day";
import { RegistrationPanel } from "./registration-panel";
import { EventOutcomes } from "./outcomes";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data?.event.title ?? "Event", "Events");

/**
 * An event's page. The joining link is in the data only for people with a place and for hosts;
 * access needs are never here (hosts read them on the registrations page).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, member, isHost } = await loadEvent(request, params.id);
  const [registration, counts, outcomes] = await Promise.all([member ? findMemberRegistration(db, event.id, member.id) : undefined, countRegistrations(db, event.id), listOutcomes(db, event.id)]);
  const active = registration && (registration.status === "registered" || registration.status === "waiting") ? registration : null;
  const [position, toldNeeds] = await Promise.all([active?.status === "waiting" ? waitingPosition(db, event.id, active.id) : 0, active ? hasAccessNeeds(db, active.id) : false]);
  const startsAt = new Date(event.starts_at);
  const endsAt = new Date(event.ends_at);
  const sameDay = wallClock(startsAt, event.time_zone).date === wallClock(endsAt, event.time_zone).date;
  const where = event.format === "online" ? "Online" : event.format === "hybrid" ? `${event.address} and online` : event.address;
  const ended = endsAt <= new Date();
  const lobby = await lobbyDayData(event, member, isHost);
  return {
    lobby,
    event: {
      id: event.id,
      title: event.title,
      purpose: event.purpose,
      audience: event.audience_note,
      kind: EVENT_KIND_LABELS[event.kind],
      format: event.format,
      formatLabel: EVENT_FORMAT_LABELS[event.format],
      address: event.address,
      accessNotes: event.access_notes,
      region: event.region,
      status: event.status,
      visibility: event.visibility,
      host: event.host_kind === "organisation" ? { label: event.organisation_name!, to: `/organisations/${event.organisation_slug}` } : event.host_kind === "campaign" ? { label: `The campaign “${event.campaign_title}”`, to: `/campaigns/${event.campaign_id}` } : { label: "The coalition", to: null },
      when: sameDay ? `${formatInZone(startsAt, event.time_zone)} to ${formatInZone(endsAt, event.time_zone, "time")}` : `${formatInZone(startsAt, event.time_zone)} to ${formatInZone(endsAt, event.time_zone)}`,
      closes: formatInZone(event.registration_closes_at, event.time_zone),
      capacity: event.capacity,
      placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - counts.registered),
      payment: event.payment_pence === null ? null : formatPounds(event.payment_pence),
      travelExpenses: event.travel_expenses,
      ended,
      attendedCount: event.attended_count,
      // Only for people with a place, and for hosts.
      joinUrl: (active?.status === "registered" || isHost) && event.format !== "in_person" ? event.join_url : null,
    },
    agendaHtml: event.agenda ? markdownToSafeHtml(event.agenda, 3) : null,
    easyReadHtml: event.agenda_easy_read ? markdownToSafeHtml(event.agenda_easy_read, 3) : null,
    minutesHtml: event.minutes ? markdownToSafeHtml(event.minutes, 3) : null,
    calendar: addToCalendarLinks({ title: event.title, details: `${event.purpose}\n\n${new URL(`/events/${event.id}`, request.url)}`, location: where, startsAt, endsAt }),
    openness: registrationOpenness(event),
    signedIn: Boolean(member),
    registration: active ? { status: active.status, position, toldNeeds, expert: active.expert_by_experience } : null,
    waiting: counts.waiting,
    outcomes: outcomes.filter((o) => o.campaign_id !== null || (o.demand_stage ?? o.amendment_demand_stage) !== "draft"),
    isHost,
  };
}

/**
 * A lobby day's local events by region with totals (two bounded queries), or, for a local event, its
 * lobby day and its meetings booked with decision makers (with the directory's choices for its hosts).
 */
async function lobbyDayData(event: EventWithHost, member: CurrentMember | null, isHost: boolean) {
  const who = (e: { host_kind: string; organisation_name: string | null; campaign_title: string | null }) => (e.host_kind === "organisation" ? e.organisation_name! : e.host_kind === "campaign" ? `the campaign “${e.campaign_title}”` : "the coalition");
  if (isLobbyDay(event)) {
    const [locals, totals, hosts] = await Promise.all([listLocalEvents(db, event.id), lobbyDayTotals(db, event.id), member && event.status !== "cancelled" ? hostOptions(member) : []]);
    return {
      kind: "lobby-day" as const,
      localEvents: locals.map((e) => ({ id: e.id, title: e.title, region: e.region, where: e.format === "online" ? "Online" : e.address!, when: formatInZone(e.starts_at, e.time_zone), host: who(e), registered: e.registered_count, capacity: e.capacity, meetings: Number(e.meetings ?? 0) })),
      totals,
      more: locals.length >= LOCAL_EVENTS_SHOWN,
      mayAdd: hosts.length > 0 && (event.status === "published" || isHost),
    };
  }
  if (event.parent_id === null) return null;
  const [parent, meetings, targets] = await Promise.all([getParentSummary(db, event.parent_id), listEventMeetings(db, event.id), isHost ? listTargetChoices(db) : null]);
  return {
    kind: "local" as const,
    parent: parent && (parent.status !== "draft" || isHost) ? { id: parent.id, title: parent.title } : null,
    meetings,
    choices: targets ? targets.map((t) => ({ value: String(t.id), label: `${t.name} (${TARGET_ROLE_LABELS[t.role]}, ${t.body})` })) : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { event, isHost, member } = await loadEvent(request, params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const args = { request, eventId: event.id, formData };
  switch (intent) {
    case "register":
      return registerIntent(args, await requireMember(request));
    case "register-public":
      return registerPublicIntent(args, (context as { clientIp?: string } | undefined)?.clientIp ?? null);
    case "cancel":
      return cancelIntent(args, await requireMember(request));
    case "publish":
    case "cancel-event":
      if (!isHost) forbidden();
      return intent === "publish" ? publishIntent(args) : cancelEventIntent(args);
    case "add-meeting":
    case "remove-meeting":
      if (!isHost || !member) forbidden();
      return intent === "add-meeting" ? addMeetingIntent(args, member, event) : removeMeetingIntent(args);
    default:
      badRequest();
  }
}

export default function EventPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { event } = data;
  const [search] = useSearchParams();
  // The meetings form's errors belong by that form, not in the registration panel.
  const meetingErrors = result && "errors" in result && result.errors && "target" in result.errors ? result.errors : undefined;
  return (
    <>
      <p>
        <Link to="/events">All events</Link>
      </p>
      {data.lobby?.kind === "local" && data.lobby.parent ? (
        <p className="event-part-of">
          Part of the lobby day <Link to={`/events/${data.lobby.parent.id}`}>{data.lobby.parent.title}</Link>
        </p>
      ) : null}
      <div className="page-heading">
        {event.status !== "published" ? <p className={`stage stage--${event.status === "draft" ? "draft" : "closed"}`}>{event.status === "draft" ? "Draft" : "Cancelled"}</p> : null}
        <h1>{event.title}</h1>
        <p className="lead">{event.when}</p>
      </div>
      <div className="demand-layout">
        <div>
          <dl className="summary-list">
            <dt>Where</dt>
            <dd className="event-address">{event.format === "online" ? "Online" : event.address}{event.format === "hybrid" ? " (you can also join online)" : ""}</dd>
            <dt>Type</dt>
            <dd>{event.kind} ({event.formatLabel.toLowerCase()})</dd>
            {event.region ? (
              <>
                <dt>Region</dt>
                <dd>{event.region}</dd>
              </>
            ) : null}
            <dt>Hosted by</dt>
            <dd>{event.host.to ? <Link to={event.host.to}>{event.host.label}</Link> : event.host.label}</dd>
            <dt>Who it is for</dt>
            <dd>{event.audience}</dd>
            <dt>Places</dt>
            <dd>{event.capacity === null ? "No limit" : event.placesLeft ? `${event.placesLeft.toLocaleString("en-GB")} of ${event.capacity.toLocaleString("en-GB")} left` : `Full${data.waiting ? `: ${data.waiting.toLocaleString("en-GB")} on the waiting list` : ": join the waiting list"}`}</dd>
            {event.ended && event.attendedCount !== null ? (
              <>
                <dt>Who came</dt>
                <dd>{event.attendedCount.toLocaleString("en-GB")} people</dd>
              </>
            ) : null}
          </dl>
          <h2>What it is for</h2>
          {event.purpose.split(/\n{2,}/).map((p, i) => (
            <p key={i} className="event-prose">
              {p}
            </p>
          ))}
          {event.accessNotes ? (
            <>
              <h2>Access</h2>
              <p className="event-prose">{event.accessNotes}</p>
            </>
          ) : null}
          {data.agendaHtml ? (
            <section aria-labelledby="agenda-heading">
              <h2 id="agenda-heading">Agenda</h2>
              <div className="demand-text" dangerouslySetInnerHTML={{ __html: data.agendaHtml }} />
            </section>
          ) : null}
          {data.easyReadHtml ? (
            <details className="easy-read-details">
              <summary>Easy-read agenda</summary>
              <div className="easy-read" dangerouslySetInnerHTML={{ __html: data.easyReadHtml }} />
            </details>
          ) : null}
          {data.minutesHtml ? (
            <section aria-labelledby="notes-heading">
              <h2 id="notes-heading">Notes and decisions</h2>
              <div className="demand-text" dangerouslySetInnerHTML={{ __html: data.minutesHtml }} />
            </section>
          ) : null}
          {data.lobby?.kind === "lobby-day" ? <LocalEvents lobbyDayId={event.id} events={data.lobby.localEvents} totals={data.lobby.totals} mayAdd={data.lobby.mayAdd} more={data.lobby.more} /> : null}
          {data.lobby?.kind === "local" ? <Meetings meetings={data.lobby.meetings.map((m) => ({ ...m, role: TARGET_ROLE_LABELS[m.role] }))} choices={data.lobby.choices} errors={meetingErrors} /> : null}
          <EventOutcomes outcomes={data.outcomes} />
        </div>
        <div className="demand-aside">
          <RegistrationPanel data={data} result={meetingErrors ? undefined : result} />
          <section className="card" aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">Add it to your calendar</h2>
            <ul>
              <li>
                <a href={`/events/${event.id}/calendar.ics`} download>
                  Calendar file (.ics)
                </a>
              </li>
              <li>
                <a href={data.calendar.google}>Google Calendar</a>
              </li>
              <li>
                <a href={data.calendar.outlook}>Outlook.com</a>
              </li>
            </ul>
            {data.signedIn ? (
              <p className="muted">
                Or subscribe to <Link to="/settings/calendar">your own calendar of the events you registered for</Link>.
              </p>
            ) : null}
          </section>
          {data.isHost ? (
            <section className="card" id="hosts" aria-labelledby="hosts-heading">
              <h2 id="hosts-heading">For hosts</h2>
              <ul>
                <li>
                  <Link to={`/events/${event.id}/edit`}>Edit the details and agenda</Link>
                </li>
                <li>
                  <Link to={`/events/${event.id}/registrations`}>Registrations, access needs and attendance</Link>
                </li>
                <li>
                  <Link to={`/events/${event.id}/notes`}>Notes, decisions and what came out of it</Link>
                </li>
                {event.status === "draft" ? (
                  <li>
                    <Link to={`/events/${event.id}/dates`}>Choose a date with the people invited</Link>
                  </li>
                ) : null}
              </ul>
              {event.status === "draft" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="publish" />
                  <button type="submit" className="button">
                    Publish the event
                  </button>
                </Form>
              ) : null}
              {event.status !== "cancelled" && !event.ended ? (
                search.get("confirm") === "cancel-event" ? (
                  <ConfirmPanel heading="Cancel this event?" confirm="Cancel the event" cancelTo={`/events/${event.id}#hosts`} fields={{ intent: "cancel-event" }} headingLevel={3}>
                    <p>Everyone with a place or on the waiting list will be told by email. This cannot be undone.</p>
                  </ConfirmPanel>
                ) : (
                  <p>
                    <Link to="?confirm=cancel-event#hosts">Cancel the event</Link>
                  </p>
                )
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
