import type { CurrentMember } from "~/members/session.server";
import { answerField, answersSchema, dateOptionsSchema, MAX_DATE_OPTIONS, PickDateSchema } from "~/events/date-poll";
import { listDateOptions } from "~/models/event-date-poll.server";
import { answerDatePoll, chooseDate, openDatePoll } from "~/services/event-date-poll.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { badRequest, forbidden, invalid } from "~/utils/responses.server";
import { optionLabel } from "./labels";

/** The date poll's three intents: hosts offer times, invitees answer, hosts pick one. */
interface Intent {
  request: Request;
  event: { id: number; time_zone: string };
  member: CurrentMember;
  formData: FormData;
}

const page = (eventId: number, anchor?: string) => `/events/${eventId}/dates${anchor ? `#${anchor}` : ""}`;

export async function offerIntent({ request, event, member, formData }: Intent) {
  const parsed = parseForm(dateOptionsSchema(event.time_zone), formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await openDatePoll(db, member, event.id, parsed.data);
  if (!result.ok) {
    const message = {
      "not-draft": "Only a draft event can have a date poll: this one is already published or cancelled.",
      exists: "This event already has a date poll.",
      nobody: "There is nobody to invite yet: nobody follows the campaign or belongs to the organisation hosting this event, apart from its hosts.",
    }[result.reason];
    return invalid({ form: message }, {}, 409);
  }
  return redirectWithFlash(request, page(event.id), { kind: "success", message: `The dates are offered. We have told the ${result.invited.toLocaleString("en-GB")} ${result.invited === 1 ? "person" : "people"} invited.` });
}

export async function answerIntent({ request, event, member, formData }: Intent) {
  const options = (await listDateOptions(db, event.id)).map((o) => ({ id: Number(o.id), label: optionLabel(o, event.time_zone) }));
  const known = new Set(options.map((o) => answerField(o.id)));
  // An answer to an option this poll never offered is a tampered form, not a mistake to explain.
  const keys = [...new Set(formData.keys())].filter((key) => key.startsWith("answer-"));
  if (keys.length > MAX_DATE_OPTIONS || keys.some((key) => !known.has(key))) badRequest();
  const parsed = parseForm(answersSchema(options), formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await answerDatePoll(db, event.id, member.id, parsed.data);
  if (!result.ok) {
    if (result.reason === "closed") return invalid({ form: "The hosts have already chosen the date, so answers can no longer change." }, {}, 409);
    if (result.reason === "not-invited") forbidden();
    badRequest();
  }
  return redirectWithFlash(request, page(event.id, "answers-heading"), { kind: "success", message: "Your answers are saved. You can change them until the hosts choose the date." });
}

export async function pickIntent({ request, event, member, formData }: Intent) {
  const parsed = parseForm(PickDateSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await chooseDate(db, member, event.id, parsed.data.option, parsed.data.publishNow);
  if (!result.ok) {
    if (result.reason === "unknown-option") return invalid({ option: "Choose one of the dates offered" }, {});
    const message = { "not-found": "This event has no date poll.", closed: "The date has already been chosen.", "not-draft": "Only a draft event's date can be chosen here: this one is already published or cancelled." }[result.reason];
    return invalid({ form: message }, {}, 409);
  }
  const told = result.told ? ` We have told the ${result.told.toLocaleString("en-GB")} ${result.told === 1 ? "person" : "people"} who answered.` : "";
  return redirectWithFlash(request, `/events/${event.id}`, { kind: "success", message: `The date is chosen${result.published ? " and the event is published" : ": publish the event when its details are ready"}.${told}` });
}
