import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { Checkbox, ChoiceGroup, TextField } from "~/components/form-field";
import { TableFrame } from "~/components/table-frame";
import { requireDatePollViewer } from "~/events/access.server";
import { answerField, DATE_POLL_ANSWER_LABELS, FIRST_DATE_ROWS, MAX_DATE_OPTIONS, rowFields } from "~/events/date-poll";
import { countInvitees, listAnswersWithNames, listDateOptions, listMemberAnswers, tallyAnswers } from "~/models/event-date-poll.server";
import { DATE_POLL_ANSWERS } from "../../../db/schema";
import { db } from "~/utils/db.server";
import { valueOf } from "~/utils/forms";
import { pageTitle } from "~/utils/meta";
import { badRequest } from "~/utils/responses.server";
import { UK_DATE_HINT } from "~/utils/uk-dates";
import { answerIntent, offerIntent, pickIntent } from "./intents.server";
import { optionLabel } from "./labels";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, `Choose a date: ${args.data?.event.title ?? "event"}`, "Events");

/**
 * Choosing a date. Hosts offer times, see the totals and who said what, and pick one; invitees
 * mark each time and see the totals only: whether someone can come is theirs and the hosts' to know.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, member, isHost, invited, poll } = await requireDatePollViewer(request, params.id);
  const zone = event.time_zone;
  const options = poll ? await listDateOptions(db, event.id) : [];
  const [tally, mine, invitedCount, named] = await Promise.all([
    poll ? tallyAnswers(db, event.id) : new Map<number, { yes: number; ifNeedBe: number; no: number }>(),
    invited ? listMemberAnswers(db, event.id, member.id) : [],
    poll ? countInvitees(db, event.id) : 0,
    // Names only ever reach hosts' page data.
    poll && isHost ? listAnswersWithNames(db, event.id) : [],
  ]);
  const people = new Map<number, { name: string; answers: Record<number, string> }>();
  for (const row of named) {
    const person = people.get(Number(row.member_id)) ?? { name: row.display_name, answers: {} };
    person.answers[Number(row.option_id)] = row.answer;
    people.set(Number(row.member_id), person);
  }
  return {
    event: { id: event.id, title: event.title, status: event.status, zoneNote: zone === "Europe/London" ? "UK time" : zone },
    isHost,
    invited,
    poll: poll
      ? {
          closed: Boolean(poll.closed_at),
          chosen: options.find((o) => Number(o.id) === Number(poll.chosen_option_id)) ? optionLabel(options.find((o) => Number(o.id) === Number(poll.chosen_option_id))!, zone) : null,
          invitedCount,
          options: options.map((o) => ({ id: Number(o.id), label: optionLabel(o, zone), tally: tally.get(Number(o.id)) ?? { yes: 0, ifNeedBe: 0, no: 0 } })),
        }
      : null,
    mine: Object.fromEntries(mine.map((a) => [Number(a.option_id), a.answer])) as Record<number, string>,
    people: isHost ? [...people.values()] : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, member, isHost, invited, poll } = await requireDatePollViewer(request, params.id);
  const formData = await request.formData();
  const args = { request, event, member, formData };
  switch (formData.get("intent")) {
    case "offer":
      if (!isHost) badRequest();
      return offerIntent(args);
    case "answer":
      if (!invited || !poll) badRequest();
      return answerIntent(args);
    case "pick":
      if (!isHost || !poll) badRequest();
      return pickIntent(args);
    default:
      badRequest();
  }
}

export default function DatePollPage() {
  const data = useLoaderData<typeof loader>();
  const { event, poll } = data;
  return (
    <>
      <p>
        <Link to={data.isHost || event.status === "published" ? `/events/${event.id}` : "/events"}>{data.isHost || event.status === "published" ? "Back to the event" : "All events"}</Link>
      </p>
      <div className="page-heading">
        <h1>Choose a date: &ldquo;{event.title}&rdquo;</h1>
      </div>
      {!poll ? <OfferForm /> : poll.closed ? <Chosen /> : <OpenPoll />}
    </>
  );
}

function OfferForm() {
  const { event } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const values = result && "values" in result ? result.values : undefined;
  const errors = result && "errors" in result ? result.errors : undefined;
  // Every row that was typed in comes back; "Offer more dates" shows all ten.
  let rows = search.get("rows") === "all" ? MAX_DATE_OPTIONS : FIRST_DATE_ROWS;
  for (let n = MAX_DATE_OPTIONS; n > rows; n--) if (Object.values(rowFields(n)).some((f) => valueOf(values, f))) rows = n;
  const order = Array.from({ length: MAX_DATE_OPTIONS }, (_, i) => Object.values(rowFields(i + 1))).flat();
  if (event.status !== "draft") return <p>Only a draft event can have a date poll. This event is already {event.status}.</p>;
  return (
    <div className="form">
      <ErrorSummary errors={errors} order={order} />
      <p>
        Offer between two and ten dates and times. We will ask the people invited which suit them: yes, if need be, or no. You see who said what; they see only the totals. When you pick one, the event
        takes that date and everyone who answered is told.
      </p>
      <p>Who is invited: the followers and organisers of the campaign hosting it, the members of the organisation hosting it, or, for the coalition, every member.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="offer" />
        {Array.from({ length: rows }, (_, i) => {
          const f = rowFields(i + 1);
          return (
            <fieldset className="fieldset date-option" key={i}>
              <legend className="fieldset__legend">
                Date {i + 1}
                {i >= 2 ? " (optional)" : ""}
              </legend>
              <TextField name={f.date} className="input--short" label="Date" hint={`${UK_DATE_HINT}.`} defaultValue={valueOf(values, f.date)} error={errors?.[f.date]} />
              <TextField name={f.start} className="input--short" label="Starts at" hint={`24-hour clock, ${event.zoneNote}.`} inputMode="numeric" defaultValue={valueOf(values, f.start)} error={errors?.[f.start]} />
              <TextField name={f.end} className="input--short" label="Ends at" inputMode="numeric" defaultValue={valueOf(values, f.end)} error={errors?.[f.end]} />
            </fieldset>
          );
        })}
        {rows < MAX_DATE_OPTIONS ? (
          <p>
            <Link to="?rows=all">Offer more dates (up to ten)</Link>
          </p>
        ) : null}
        <button type="submit" className="button">
          Offer these dates
        </button>
      </Form>
    </div>
  );
}

function Totals() {
  const { poll } = useLoaderData<typeof loader>();
  if (!poll) return null;
  return (
    <TableFrame label="Totals for each date">
      <table className="table">
        <caption>
          What people said ({poll.invitedCount.toLocaleString("en-GB")} invited)
        </caption>
        <thead>
          <tr>
            <th scope="col">Date and time</th>
            <th scope="col">Yes</th>
            <th scope="col">If need be</th>
            <th scope="col">No</th>
          </tr>
        </thead>
        <tbody>
          {poll.options.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.label}</th>
              <td>{o.tally.yes}</td>
              <td>{o.tally.ifNeedBe}</td>
              <td>{o.tally.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

function OpenPoll() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const poll = data.poll!;
  const values = result && "values" in result ? result.values : undefined;
  const errors = result && "errors" in result ? result.errors : undefined;
  return (
    <>
      <ErrorSummary errors={errors} order={[...poll.options.map((o) => answerField(o.id)), "option"]} />
      {data.invited ? (
        <section aria-labelledby="answers-heading" className="form">
          <h2 id="answers-heading">Which times suit you?</h2>
          <p>Only the hosts see your answers. You can change them until the hosts choose the date.</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="answer" />
            {poll.options.map((o) => {
              const name = answerField(o.id);
              const chosen = valueOf(values, name) || data.mine[o.id] || "";
              return (
                <ChoiceGroup key={o.id} name={name} type="radio" legend={o.label} error={errors?.[name]} options={DATE_POLL_ANSWERS.map((a) => ({ value: a, label: DATE_POLL_ANSWER_LABELS[a] }))} selected={[chosen]} />
              );
            })}
            <button type="submit" className="button">
              Save my answers
            </button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">Totals so far</h2>
        <Totals />
      </section>
      {data.people ? (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading">Who said what (hosts only)</h2>
          {data.people.length ? (
            <TableFrame label="Who said what">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    {poll.options.map((o) => (
                      <th scope="col" key={o.id}>
                        {o.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.people.map((p, i) => (
                    <tr key={i}>
                      <th scope="row">{p.name}</th>
                      {poll.options.map((o) => (
                        <td key={o.id}>{p.answers[o.id] ? DATE_POLL_ANSWER_LABELS[p.answers[o.id] as keyof typeof DATE_POLL_ANSWER_LABELS] : "No answer"}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          ) : (
            <p>Nobody has answered yet.</p>
          )}
        </section>
      ) : null}
      {data.isHost ? (
        <section aria-labelledby="pick-heading" className="form">
          <h2 id="pick-heading">Choose the date</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="pick" />
            <ChoiceGroup
              name="option"
              type="radio"
              legend="The date and time for the event"
              hint="The event takes this date and time, the poll closes, and everyone who answered is told."
              error={errors?.option}
              options={poll.options.map((o) => ({ value: String(o.id), label: o.label, hint: `Yes ${o.tally.yes}, if need be ${o.tally.ifNeedBe}, no ${o.tally.no}` }))}
              selected={[valueOf(values, "option")]}
            />
            <Checkbox name="publishNow" label="Publish the event now" hint="Leave unticked to check the details first; you publish from the event's page." defaultChecked={valueOf(values, "publishNow") === "yes"} />
            <button type="submit" className="button">
              Choose this date
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

function Chosen() {
  const { event, poll } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result && "errors" in result ? result.errors : undefined} />
      <p className="lead">The date is chosen: {poll!.chosen}.</p>
      <p>{event.status === "published" ? <Link to={`/events/${event.id}`}>See the event and register</Link> : "The hosts will publish the event soon; you can register then."}</p>
      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">What people said</h2>
        <Totals />
      </section>
    </>
  );
}
