import type { Database } from "../../db";
import type { DatePollAnswer, DatePollAudience } from "../../db/schema";
import type { Actor } from "~/members/permissions";
import { closeDatePoll, insertDateOptions, insertDatePoll, insertInvitees, isInvitee, listAnswererIds, listDateOptions, lockDatePoll, setEventTimes, upsertAnswers } from "~/models/event-date-poll.server";
import { lockEvent, setEventStatus } from "~/models/event.server";
import { notifyMembers } from "~/services/notifications.server";
import { formatInZone } from "~/utils/zoned-time";

/**
 * Choosing a date (#23 item 6). A draft event's hosts offer times to the host's own people (a
 * campaign's followers and organisers, an organisation's members, or every member for the
 * coalition), who mark each time yes / if need be / no; a host picks one, the event takes it and
 * everyone who answered is told. The poll's row is the lock: a pick takes it for update and answers
 * for share, so nobody's answer lands on a closed poll and two picks never both win.
 */

export function datePollAudience(event: { host_kind: DatePollAudience; organisation_id: number | null; campaign_id: number | null }) {
  if (event.host_kind === "campaign" && event.campaign_id !== null) return { kind: "campaign" as const, campaignId: event.campaign_id };
  if (event.host_kind === "organisation" && event.organisation_id !== null) return { kind: "organisation" as const, organisationId: event.organisation_id };
  return { kind: "coalition" as const };
}

const REASONS: Record<DatePollAudience, string> = {
  campaign: "You follow or organise the campaign hosting this event.",
  organisation: "You are a member of the organisation hosting this event.",
  coalition: "You are a member of the coalition, which is hosting this event.",
};

class NobodyToInvite extends Error {}

export type OpenDatePollResult = { ok: true; invited: number } | { ok: false; reason: "not-draft" | "exists" | "nobody" };

/** Offers the times (2 to 10, checked by the form) and tells everyone invited, straight away. */
export async function openDatePoll(db: Database, actor: Actor, eventId: number, options: Array<{ startsAt: Date; endsAt: Date }>): Promise<OpenDatePollResult> {
  try {
    return await db.transaction().execute(async (trx): Promise<OpenDatePollResult> => {
      const event = await lockEvent(trx, eventId);
      if (!event || event.status !== "draft") return { ok: false, reason: "not-draft" };
      const audience = datePollAudience(event);
      if (!(await insertDatePoll(trx, eventId, audience.kind, actor.id))) return { ok: false, reason: "exists" };
      await insertDateOptions(trx, eventId, options);
      const invited = (await insertInvitees(trx, eventId, audience, actor.id)).filter((id) => id !== actor.id);
      // A poll only its host can answer helps nobody: undo it all and say why.
      if (!invited.length) throw new NobodyToInvite();
      await notifyMembers(trx, invited, {
        kind: "event_date_poll",
        title: `When can you come? ${event.title}`,
        paragraphs: [
          `The hosts of “${event.title}” are choosing a date and have offered ${options.length} times. Say which suit you: yes, if need be, or no.`,
          "Only the hosts see who answered what; everyone invited sees the totals.",
        ],
        url: `/events/${eventId}/dates`,
        action: "Choose the times that suit you",
        group: { key: `event:${eventId}`, title: event.title },
        reason: REASONS[audience.kind],
        actorId: actor.id,
      });
      return { ok: true, invited: invited.length };
    });
  } catch (error) {
    if (error instanceof NobodyToInvite) return { ok: false, reason: "nobody" };
    throw error;
  }
}

export type AnswerDatePollResult = { ok: true } | { ok: false; reason: "not-found" | "not-invited" | "closed" | "unknown-option" };

/** An invitee's answers, one for every option; answering again changes them, until a host picks. */
export async function answerDatePoll(db: Database, eventId: number, memberId: number, answers: Array<{ optionId: number; answer: DatePollAnswer }>): Promise<AnswerDatePollResult> {
  return db.transaction().execute(async (trx): Promise<AnswerDatePollResult> => {
    const poll = await lockDatePoll(trx, eventId, "share");
    if (!poll) return { ok: false, reason: "not-found" };
    if (!(await isInvitee(trx, eventId, memberId))) return { ok: false, reason: "not-invited" };
    if (poll.closed_at) return { ok: false, reason: "closed" };
    const offered = new Set((await listDateOptions(trx, eventId)).map((o) => Number(o.id)));
    const answered = new Set(answers.map((a) => a.optionId));
    if (answered.size !== answers.length || answered.size !== offered.size || answers.some((a) => !offered.has(a.optionId))) return { ok: false, reason: "unknown-option" };
    await upsertAnswers(trx, memberId, answers);
    return { ok: true };
  });
}

export type ChooseDateResult = { ok: true; told: number; published: boolean } | { ok: false; reason: "not-found" | "closed" | "not-draft" | "unknown-option" };

/**
 * A host picks one option: the draft takes its start and end (a change of time, so SEQUENCE goes up),
 * registration closes as long before the new start as it did before the old one, the poll closes,
 * and everyone who answered is told the date straight away. With `publishNow` the event is published
 * in the same step, so the link they are sent opens it.
 */
export async function chooseDate(db: Database, actor: Actor, eventId: number, optionId: number, publishNow: boolean): Promise<ChooseDateResult> {
  return db.transaction().execute(async (trx): Promise<ChooseDateResult> => {
    const event = await lockEvent(trx, eventId);
    const poll = event ? await lockDatePoll(trx, eventId, "update") : undefined;
    if (!event || !poll) return { ok: false, reason: "not-found" };
    if (poll.closed_at) return { ok: false, reason: "closed" };
    if (event.status !== "draft") return { ok: false, reason: "not-draft" };
    const option = (await listDateOptions(trx, eventId)).find((o) => Number(o.id) === optionId);
    if (!option) return { ok: false, reason: "unknown-option" };
    const startsAt = new Date(option.starts_at);
    const endsAt = new Date(option.ends_at);
    const lead = Math.max(0, new Date(event.starts_at).getTime() - new Date(event.registration_closes_at).getTime());
    await setEventTimes(trx, eventId, { startsAt, endsAt, closesAt: new Date(Math.min(startsAt.getTime() - lead, endsAt.getTime())) });
    await closeDatePoll(trx, eventId, optionId);
    if (publishNow) await setEventStatus(trx, eventId, "published");
    const answerers = await listAnswererIds(trx, eventId);
    const told = await notifyMembers(trx, answerers, {
      kind: "event_date_chosen",
      title: `The date is chosen: ${event.title}`,
      paragraphs: [
        `Thank you for saying when you could come. “${event.title}” will be on ${formatInZone(startsAt, event.time_zone)}.`,
        publishNow ? "Registration is open now: register on the event's page to have a place." : "The hosts will publish the event soon; you can register then.",
      ],
      url: publishNow ? `/events/${eventId}` : `/events/${eventId}/dates`,
      action: publishNow ? "See the event" : "See the date",
      group: { key: `event:${eventId}`, title: event.title },
      reason: "You answered the hosts' question about when to hold this event.",
      actorId: actor.id,
    });
    return { ok: true, told, published: publishNow };
  });
}
