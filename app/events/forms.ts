import { z } from "zod";
import { ACCESS_NEEDS, EVENT_FORMATS, EVENT_KINDS } from "../../db/schema";
import { EmailField, multiline, optionalCheckbox, optionalText } from "../utils/fields";
import { isRegion } from "../utils/postcode-regions";
import { parseUkDate } from "../utils/uk-dates";
import { instantFromWallClock, isTimeZone } from "../utils/zoned-time";

const requiredText = (max: number, missing: string, label: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `${label} must be ${max} characters or fewer` });

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const timeField = (missing: string | null) =>
  z
    .string()
    .trim()
    .max(10, { error: "Enter a time like 14:30" })
    .optional()
    .superRefine((v, ctx) => {
      if (!v && missing) ctx.addIssue({ code: "custom", message: missing });
      else if (v && !TIME.test(v)) ctx.addIssue({ code: "custom", message: "Enter a time like 14:30, using the 24-hour clock" });
    })
    .transform((v) => {
      const match = v ? TIME.exec(v) : null;
      return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : null;
    });

const dateField = (missing: string | null) =>
  z
    .string()
    .trim()
    .max(40, { error: "Enter a real date, for example 27 3 2027" })
    .optional()
    .superRefine((v, ctx) => {
      if (!v && missing) ctx.addIssue({ code: "custom", message: missing });
      else if (v && !parseUkDate(v)) ctx.addIssue({ code: "custom", message: "Enter a real date, for example 27 3 2027" });
    })
    .transform((v) => (v ? parseUkDate(v) : null));

/** "25", "25.50", "£25": an amount in pounds as pence. */
const poundsField = z
  .string()
  .trim()
  .max(12, { error: "Enter an amount like 25 or 25.50" })
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const match = /^£?(\d{1,4})(?:\.(\d{2}))?$/.exec(v.replace(/,/g, ""));
    const pence = match ? Number(match[1]) * 100 + Number(match[2] ?? 0) : NaN;
    if (!match || pence < 1 || pence > 100_000) {
      ctx.addIssue({ code: "custom", message: "Enter an amount in pounds between £0.01 and £1,000, like 25 or 25.50" });
      return z.NEVER;
    }
    return pence;
  });

/** The host chooses who runs it: "coalition", "organisation:12" or "campaign:3". */
const HostField = z
  .string({ error: "Choose who is hosting the event" })
  .trim()
  .regex(/^(coalition|organisation:\d{1,15}|campaign:\d{1,15})$/, { error: "Choose who is hosting the event" });

/** One event's details: the same form creates and edits it. */
export const EventSchema = z
  .object({
    host: HostField,
    title: requiredText(150, "Enter the event's title", "Title"),
    purpose: multiline(requiredText(2000, "Say what the event is for", "What it is for")),
    audience: requiredText(500, "Say who the event is for", "Who it is for"),
    kind: z.enum(EVENT_KINDS, { error: "Choose what kind of event it is" }),
    format: z.enum(EVENT_FORMATS, { error: "Choose whether it is in person, online or both" }),
    address: multiline(optionalText(500, "The address")),
    accessNotes: multiline(optionalText(2000, "Access information")),
    joinUrl: z
      .string()
      .trim()
      .max(2000, { error: "The joining link must be 2,000 characters or fewer" })
      .optional()
      .refine((v) => !v || /^https?:\/\/[^\s<>"]+$/.test(v), { error: "Enter the joining link as a web address starting https://" })
      .transform((v) => v || null),
    region: z
      .string()
      .trim()
      .max(60)
      .optional()
      .refine((v) => !v || isRegion(v), { error: "Choose a region from the list" })
      .transform((v) => v || null),
    startDate: dateField("Enter the date the event starts"),
    startTime: timeField("Enter the time the event starts"),
    endDate: dateField(null),
    endTime: timeField("Enter the time the event ends"),
    timeZone: z
      .string()
      .trim()
      .max(60)
      .optional()
      .refine((v) => !v || isTimeZone(v), { error: "Choose a time zone from the list" })
      .transform((v) => v || "Europe/London"),
    closesDate: dateField(null),
    closesTime: timeField(null),
    capacity: z
      .string()
      .trim()
      .max(12, { error: "Enter the number of places as a whole number, like 40" })
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const n = /^\d{1,6}$/.test(v) ? Number(v) : NaN;
        if (!(n >= 1 && n <= 100_000)) {
          ctx.addIssue({ code: "custom", message: "Enter the number of places as a whole number from 1 to 100,000, or leave it empty for no limit" });
          return z.NEVER;
        }
        return n;
      }),
    visibility: z.enum(["public", "members"], { error: "Choose who can register" }),
    payment: poundsField,
    travelExpenses: optionalCheckbox,
    agenda: multiline(optionalText(20_000, "The agenda")),
    agendaEasyRead: multiline(optionalText(20_000, "The easy-read agenda")),
  })
  .transform((v, ctx) => {
    if (v.format !== "online" && !v.address) ctx.addIssue({ code: "custom", path: ["address"], message: "Enter the address where people meet" });
    const startsAt = v.startDate && v.startTime ? instantFromWallClock(v.startDate, v.startTime, v.timeZone) : null;
    if (v.startDate && v.startTime && !startsAt) ctx.addIssue({ code: "custom", path: ["startTime"], message: "That time does not exist on that day (the clocks go forward): choose another" });
    const endsAt = v.endTime ? instantFromWallClock(v.endDate ?? v.startDate ?? "", v.endTime, v.timeZone) : null;
    if (startsAt && v.endTime && (!endsAt || endsAt <= startsAt)) ctx.addIssue({ code: "custom", path: ["endTime"], message: "The event must end after it starts: check the end date and time" });
    let closesAt = startsAt;
    if (v.closesDate || v.closesTime) {
      closesAt = v.closesDate && v.closesTime ? instantFromWallClock(v.closesDate, v.closesTime, v.timeZone) : null;
      if (!closesAt) ctx.addIssue({ code: "custom", path: [v.closesDate ? "closesTime" : "closesDate"], message: "Enter both the date and the time registration closes, or neither" });
      else if (endsAt && closesAt > endsAt) ctx.addIssue({ code: "custom", path: ["closesDate"], message: "Registration must close before the event ends" });
    }
    if (!startsAt || !endsAt || !closesAt) return z.NEVER;
    const { startDate: _sd, startTime: _st, endDate: _ed, endTime: _et, closesDate: _cd, closesTime: _ct, ...rest } = v;
    return { ...rest, startsAt, endsAt, closesAt };
  });
export type EventInput = z.infer<typeof EventSchema>;

const needsField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v, ctx) => {
    const list = Array.isArray(v) ? v : v ? [v] : [];
    if (list.some((need) => !(ACCESS_NEEDS as readonly string[]).includes(need))) {
      ctx.addIssue({ code: "custom", message: "Choose access needs from the list" });
      return z.NEVER;
    }
    // In the list's own order, however the browser sent them.
    return ACCESS_NEEDS.filter((need) => list.includes(need));
  });

const registrationFields = {
  needs: needsField,
  dietary: optionalText(500, "Dietary needs"),
  otherNeeds: multiline(optionalText(1000, "Anything else")),
  expert: optionalCheckbox,
  travel: optionalCheckbox,
};

/** A member registers in one step: everything here is optional. */
export const MemberRegistrationSchema = z.object(registrationFields);

/** The public register with a name and an email address, confirmed by a link. */
export const PublicRegistrationSchema = z.object({
  name: requiredText(100, "Enter your name", "Your name"),
  email: EmailField,
  ...registrationFields,
});
export type RegistrationAnswers = z.infer<typeof MemberRegistrationSchema>;

/** After the event: what was decided, and how many came (a number, never names). */
export const NotesSchema = z.object({
  minutes: multiline(optionalText(50_000, "The notes")),
  attendedCount: z
    .string()
    .trim()
    .max(12)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!/^\d{1,6}$/.test(v) || Number(v) > 100_000) {
        ctx.addIssue({ code: "custom", message: "Enter how many people came as a whole number, like 24" });
        return z.NEVER;
      }
      return Number(v);
    }),
});

/** A demand, amendment or campaign that came out of the event, by its Chorus address. */
export const OutcomeSchema = z.object({
  link: z
    .string({ error: "Enter the address of a demand, amendment or campaign on Chorus" })
    .trim()
    .min(1, { error: "Enter the address of a demand, amendment or campaign on Chorus" })
    .max(300, { error: "Enter the address of a demand, amendment or campaign on Chorus" })
    .transform((v, ctx) => {
      const match = /(?:^|\/)(demands|campaigns)\/(\d{1,15})(?:\/amendments\/(\d{1,15}))?\/?(?:[?#].*)?$/.exec(v);
      if (!match) {
        ctx.addIssue({ code: "custom", message: "Enter an address like /demands/12 or /campaigns/3, copied from the page" });
        return z.NEVER;
      }
      if (match[1] === "campaigns") return { kind: "campaign" as const, id: Number(match[2]) };
      return match[3] ? { kind: "amendment" as const, id: Number(match[3]) } : { kind: "demand" as const, id: Number(match[2]) };
    }),
  note: optionalText(300, "The note"),
});

/** A local event's meeting booked with a decision maker: one chosen from the directory. */
export const MeetingSchema = z.object({
  target: z
    .string({ error: "Choose the decision maker the meeting is booked with" })
    .trim()
    .regex(/^\d{1,15}$/, { error: "Choose the decision maker the meeting is booked with" })
    .transform(Number),
});
