import { z } from "zod";
import { DATE_POLL_ANSWERS, type DatePollAnswer } from "../../db/schema";
import { optionalCheckbox } from "../utils/fields";
import { parseUkDate } from "../utils/uk-dates";
import { instantFromWallClock } from "../utils/zoned-time";

/** Choosing a date: the hosts' offer of times, an invitee's answers, the hosts' pick. */

export const MIN_DATE_OPTIONS = 2;
export const MAX_DATE_OPTIONS = 10;
/** Rows the offer form shows at first; "Offer more dates" shows all ten. */
export const FIRST_DATE_ROWS = 4;

export const DATE_POLL_ANSWER_LABELS: Record<DatePollAnswer, string> = { yes: "Yes", if_need_be: "If need be", no: "No" };

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const cell = z.string().trim().max(40).optional();

/** Field names of the offer form's row `n` (1-based). */
export const rowFields = (n: number) => ({ date: `date${n}`, start: `start${n}`, end: `end${n}` });

const schemas = new Map<string, z.ZodType>();

/**
 * Up to ten rows of a date, a start and an end time, in the event's own zone (as the event form
 * takes times); empty rows are skipped. Two to ten distinct times, in the future, each ending after
 * it starts on the same day.
 */
export function dateOptionsSchema(timeZone: string) {
  const cached = schemas.get(timeZone);
  if (cached) return cached as ReturnType<typeof build>;
  const schema = build(timeZone);
  schemas.set(timeZone, schema);
  return schema;
}

function build(timeZone: string) {
  const shape: Record<string, typeof cell> = {};
  for (let n = 1; n <= MAX_DATE_OPTIONS; n++) for (const name of Object.values(rowFields(n))) shape[name] = cell;
  return z.object(shape).transform((v, ctx) => {
    const options: Array<{ startsAt: Date; endsAt: Date }> = [];
    const seen = new Set<string>();
    const now = Date.now();
    for (let n = 1; n <= MAX_DATE_OPTIONS; n++) {
      const f = rowFields(n);
      const [date, start, end] = [v[f.date] ?? "", v[f.start] ?? "", v[f.end] ?? ""];
      if (!date && !start && !end) continue;
      const day = parseUkDate(date);
      if (!day) ctx.addIssue({ code: "custom", path: [f.date], message: `Date ${n}: enter a real date, for example 27 3 2027` });
      const from = TIME.exec(start);
      if (!from) ctx.addIssue({ code: "custom", path: [f.start], message: `Date ${n}: enter the start time like 14:30, using the 24-hour clock` });
      const to = TIME.exec(end);
      if (!to) ctx.addIssue({ code: "custom", path: [f.end], message: `Date ${n}: enter the end time like 16:00, using the 24-hour clock` });
      if (!day || !from || !to) continue;
      const startsAt = instantFromWallClock(day, `${from[1]!.padStart(2, "0")}:${from[2]}`, timeZone);
      const endsAt = instantFromWallClock(day, `${to[1]!.padStart(2, "0")}:${to[2]}`, timeZone);
      if (!startsAt || !endsAt) {
        ctx.addIssue({ code: "custom", path: [startsAt ? f.end : f.start], message: `Date ${n}: that time does not exist on that day (the clocks go forward): choose another` });
        continue;
      }
      if (endsAt <= startsAt) ctx.addIssue({ code: "custom", path: [f.end], message: `Date ${n}: the end time must be after the start time` });
      else if (startsAt.getTime() <= now) ctx.addIssue({ code: "custom", path: [f.date], message: `Date ${n}: offer a date in the future` });
      else if (seen.has(`${startsAt.getTime()}-${endsAt.getTime()}`)) ctx.addIssue({ code: "custom", path: [f.date], message: `Date ${n}: you have offered this date and time already` });
      else {
        seen.add(`${startsAt.getTime()}-${endsAt.getTime()}`);
        options.push({ startsAt, endsAt });
      }
    }
    if (options.length < MIN_DATE_OPTIONS && ctx.issues.length === 0) ctx.addIssue({ code: "custom", path: [rowFields(Math.min(options.length + 1, MAX_DATE_OPTIONS)).date], message: "Offer at least two dates and times" });
    if (ctx.issues.length) return z.NEVER;
    return options.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  });
}

/** An answer field's name for an option. */
export const answerField = (optionId: number) => `answer-${optionId}`;

/**
 * One answer per option offered, each required: the form is built from the poll's own options, so
 * a value that is not yes / if need be / no is refused by the field.
 */
export function answersSchema(options: Array<{ id: number; label: string }>) {
  const shape: Record<string, z.ZodType<DatePollAnswer>> = {};
  for (const option of options) shape[answerField(option.id)] = z.enum(DATE_POLL_ANSWERS, { error: `Choose yes, if need be or no for ${option.label}` });
  return z.object(shape).transform((v) => options.map((o) => ({ optionId: o.id, answer: v[answerField(o.id)]! })));
}

/** The hosts' pick: one of the options, and whether to publish the event in the same step. */
export const PickDateSchema = z.object({
  option: z
    .string({ error: "Choose the date and time for the event" })
    .trim()
    .max(20, { error: "Choose the date and time for the event" })
    .regex(/^\d{1,15}$/, { error: "Choose the date and time for the event" })
    .transform(Number),
  publishNow: optionalCheckbox,
});
