import type { ReplyOutcome, TargetRole } from "../../db/schema";
import { LISTED_AREAS } from "../utils/postcode-regions";

/** How each kind of decision maker is named on pages and in forms. */
export const TARGET_ROLE_LABELS: Record<TargetRole, string> = {
  mp: "MP",
  councillor: "Councillor",
  minister: "Minister",
  health_body: "Health body",
  council: "Council",
  other: "Other",
};

/**
 * A decision maker in one line: "Alex Rivers MP, House of Commons", never "Alex Rivers MP, MP, House
 * of Commons". The role is left out when the name already says it (or it is only "Other"), and so is
 * the body when the name contains it.
 */
export function describeTarget(t: { name: string; role: TargetRole; body: string }) {
  const details = targetDetails(t);
  return details ? `${t.name}, ${details}` : t.name;
}

/** What describeTarget says after the name: the role and body the name does not already say. */
export function targetDetails(t: { name: string; role: TargetRole; body: string }) {
  return [roleUnlessNamed(t), nameSays(t.name, t.body) ? null : t.body].filter(Boolean).join(", ");
}

/** The role's label, or null when the name already says it ("Alex Rivers MP") or it is only "Other". */
export function roleUnlessNamed(t: { name: string; role: TargetRole }) {
  const role = TARGET_ROLE_LABELS[t.role];
  return t.role === "other" || nameSays(t.name, role) ? null : role;
}

/** Whether these words appear in the name as whole words, whatever their case. */
function nameSays(name: string, words: string) {
  const escaped = words.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return escaped.length > 0 && new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "iu").test(name);
}

/** "each writer's own MPs and councillors". */
export const TARGET_ROLE_PLURALS: Record<TargetRole, string> = {
  mp: "MPs",
  councillor: "councillors",
  minister: "ministers",
  health_body: "health bodies",
  council: "councils",
  other: "representatives",
};

export const REPLY_OUTCOME_LABELS: Record<ReplyOutcome, string> = {
  yes: "Yes, I got a reply",
  not_yet: "Not yet",
  no: "No reply",
  unsatisfactory: "I got a reply, but it was not satisfactory",
};

/** The personal paragraph is the point of a letter: readers skim past anything shorter. */
export const PERSONAL_MIN = 150;
export const PERSONAL_MAX = 3_000;

const KNOWN_AREAS = new Set(LISTED_AREAS);
const DISTRICT = /^([A-Z]{1,2})[0-9][0-9A-Z]?$/;

/**
 * The areas a decision maker covers, as typed by an organiser: postcode areas ("LS") or districts
 * ("LS6"), separated by spaces, commas or semicolons, or the word "everywhere".
 */
export function parseAreas(text: string): { ok: true; areas: string[]; everywhere: boolean } | { ok: false; message: string } {
  const words = text
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (words.length === 1 && words[0] === "EVERYWHERE") return { ok: true, areas: [], everywhere: true };
  if (!words.length) return { ok: false, message: "Enter the postcode areas or districts covered, like LS or LS6, or everywhere" };
  if (words.length > 200) return { ok: false, message: "Enter 200 areas or fewer" };
  const unknown = words.filter((w) => !(KNOWN_AREAS.has(w) || (DISTRICT.test(w) && KNOWN_AREAS.has(DISTRICT.exec(w)![1]!))));
  if (unknown.length) return { ok: false, message: `Not a UK postcode area or district: ${unknown.slice(0, 5).join(", ")}` };
  return { ok: true, areas: [...new Set(words)].sort(), everywhere: false };
}

export const formatAreas = (t: { areas: string[]; everywhere: boolean }) => (t.everywhere ? "everywhere" : t.areas.join(" "));

const FULL_POSTCODE = /^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})$/;

/** A full UK postcode, tidied ("ls61an" → "LS6 1AN"), or null. Letters need the whole postcode. */
export function fullPostcode(value: string): { postcode: string; outward: string; area: string } | null {
  const match = FULL_POSTCODE.exec(value.trim().toUpperCase().replace(/\s+/g, " "));
  if (!match) return null;
  const outward = match[1]!;
  return { postcode: `${outward} ${match[2]}`, outward, area: DISTRICT.exec(outward)![1]! };
}

export interface SendingWindow {
  days: number[];
  start: number;
  end: number;
}

const weekdayHour = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short", hour: "2-digit", hourCycle: "h23" });
const ISO_DAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Whether letters may go out at this moment: on one of the window's days, between its hours, UK time. */
export function inSendingWindow(at: Date, window: SendingWindow) {
  const parts = Object.fromEntries(weekdayHour.formatToParts(at).map((p) => [p.type, p.value]));
  const day = ISO_DAYS[parts.weekday ?? ""] ?? 0;
  const hour = Number(parts.hour);
  return window.days.includes(day) && hour >= window.start && hour < window.end;
}

const DAY_NAMES = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;

/** "Monday to Friday, 08:00 to 18:00 UK time" and the like, to follow "Letters go out". */
export function describeWindow(window: SendingWindow) {
  const days = [...window.days].sort();
  const consecutive = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText =
    days.length === 7 ? "every day" : days.length > 2 && consecutive ? `${DAY_NAMES[days[0]!]} to ${DAY_NAMES[days[days.length - 1]!]}` : days.map((d) => DAY_NAMES[d]).join(", ");
  const hours = window.start === 0 && window.end === 24 ? "at any hour" : `${hh(window.start)} to ${hh(window.end)} UK time`;
  return `${dayText}, ${hours}`;
}

/**
 * When letters confirmed at `now` can start going out: `now` itself inside the window, otherwise the
 * start of the next hour that is in it. Hour by hour over a week at most (168 steps), so clock
 * changes and odd windows need no special cases.
 */
export function nextSendingStart(now: Date, window: SendingWindow): Date | null {
  if (inSendingWindow(now, window)) return now;
  const hour = new Date(now);
  hour.setUTCMinutes(0, 0, 0);
  for (let i = 1; i <= 8 * 24; i++) {
    const at = new Date(hour.getTime() + i * 3_600_000);
    if (inSendingWindow(at, window)) return at;
  }
  return null;
}

/** The columns a spreadsheet of decision makers must name in its first row (any order). */
export const IMPORT_COLUMNS = ["name", "role", "body", "email", "areas"] as const;

/**
 * A CSV file's rows (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes). Enough for
 * an organiser's spreadsheet export; anything stranger shows up as a row with problems in the preview.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && input[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}
