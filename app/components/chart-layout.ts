import { countOf, pluralise } from "../utils/plural";
/**
 * The pure parts of the bar chart (`bar-chart.tsx`): the series with its gaps filled, the value scale,
 * the date labels, the bars' widths and the words that say what a chart shows. Dates are calendar
 * dates ("2026-12-04": a UK day, or the Monday a week begins), so all date sums are done in UTC.
 */

/** A bar per day or per week (its Monday). */
export type Period = "day" | "week";
export type Point = { date: string; count: number };
/** What is counted, in the singular and plural: "confirmed signature", "confirmed signatures". */
export type Noun = { one: string; other: string };

/** The most bars one chart draws: a year of days. A longer series shows its latest year. */
export const MAX_POINTS = 365;

/** The drawing, in CSS pixels: a fixed height whatever the width, so text and bars never stretch upwards. */
export const PLOT_TOP = 12;
export const PLOT_HEIGHT = 160;
export const CHART_HEIGHT = PLOT_TOP + PLOT_HEIGHT + 30;
/** The most room one bar and its gap take (in ems of the chart's text), so a week of data is not seven slabs. */
export const SLOT_EM = 4.5;
/** Room on the right of the bars, so the last date label fits. */
export const RIGHT_EM = 0.5;

const DAY_MS = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Every period from the first to the last, in order, with the periods nothing happened in as 0
 * (the queries return only periods with something in them), and at most the latest `MAX_POINTS`.
 */
export function fillSeries(points: ReadonlyArray<Point>, period: Period): Point[] {
  if (points.length === 0) return [];
  const step = period === "week" ? 7 * DAY_MS : DAY_MS;
  const counts = new Map<number, number>();
  for (const p of points) counts.set(toTime(p.date), (counts.get(toTime(p.date)) ?? 0) + p.count);
  const times = [...counts.keys()];
  const last = Math.max(...times);
  const first = Math.max(Math.min(...times), last - (MAX_POINTS - 1) * step);
  const series: Point[] = [];
  for (let t = first; t <= last; t += step) series.push({ date: toDate(t), count: counts.get(t) ?? 0 });
  return series;
}

/**
 * Round numbers for the value scale, from 0 to at least `max`, in steps of 1, 2 or 5 times a power of
 * ten, at most `maxIntervals` steps: 0, 2, 4, 6, 8 for 7; 0, 100 … 500 for 402.
 */
export function valueTicks(max: number, maxIntervals = 5): number[] {
  const top = Math.max(1, Math.ceil(max));
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const m of [1, 2, 5]) {
      const step = m * magnitude;
      const intervals = Math.ceil(top / step);
      if (intervals <= maxIntervals) return Array.from({ length: intervals + 1 }, (_, i) => i * step);
    }
  }
}

/**
 * One bar's place within its slot (a slot is one period's share of the width): thin bars with a gap
 * between them, the gap a larger share when there are few bars so each stands on its own.
 */
export function barLayout(count: number): { offset: number; width: number } {
  const gap = count <= 12 ? 0.3 : count <= 60 ? 0.25 : 0.2;
  return { offset: gap / 2, width: 1 - gap };
}

/**
 * Room on the left for the value scale, in ems: 3 for labels up to "500", 4 up to "5,000", 5 beyond.
 * The stylesheet has a padding for each (`chart__svg--gutter-N`).
 */
export function gutterEm(ticks: ReadonlyArray<number>): 3 | 4 | 5 {
  const longest = Math.max(...ticks.map((t) => formatCount(t).length));
  return longest <= 3 ? 3 : longest <= 5 ? 4 : 5;
}

/**
 * How wide the chart may grow, in ems: a slot of at most `SLOT_EM` per bar plus the scale's gutter.
 * The stylesheet caps it at the container's width, so many bars share the width and few stay modest.
 */
export function chartWidthEm(count: number, gutter: number): number {
  return count * SLOT_EM + gutter + RIGHT_EM;
}

const isMonday = (date: string) => new Date(toTime(date)).getUTCDay() === 1;
const monthOf = (date: string) => new Date(toTime(date)).getUTCMonth();
const dayOfMonth = (date: string) => new Date(toTime(date)).getUTCDate();

/**
 * Which bars get a date under them: a few (at most `maxLabels`), on calendar steps a reader expects
 * (every day, every other day, Mondays, the start of a month or quarter), never one per bar.
 */
export function dateTicks(dates: ReadonlyArray<string>, period: Period, maxLabels = 5): number[] {
  const n = dates.length;
  if (n === 0) return [];
  const indices = (keep: (date: string, i: number) => boolean) => dates.flatMap((d, i) => (keep(d, i) ? [i] : []));
  const everyNth = (k: number) => () => indices((_, i) => i % k === 0);
  // A month "starts" on its first day, or, for weeks, in the first week that begins in it.
  const startsMonth = (d: string) => (period === "day" ? dayOfMonth(d) === 1 : dayOfMonth(d) <= 7);
  const everyNthMonth = (k: number) => () => indices((d) => startsMonth(d) && monthOf(d) % k === 0);
  const candidates: Array<() => number[]> =
    period === "day"
      ? [
          everyNth(1),
          everyNth(2),
          everyNth(3),
          () => indices(isMonday),
          () => {
            const firstMonday = dates.findIndex(isMonday);
            return indices((d, i) => isMonday(d) && (i - firstMonday) % 14 === 0);
          },
        ]
      : [everyNth(1), everyNth(2)];
  candidates.push(...[1, 2, 3, 6, 12].map(everyNthMonth));
  for (const candidate of candidates) {
    const ticks = candidate();
    if (ticks.length > 0 && ticks.length <= maxLabels) return ticks;
  }
  return everyNth(Math.ceil(n / maxLabels))();
}

/**
 * The dates under the bars ("4 Dec"), at `dateTicks`. A chart longer than a quarter is labelled by
 * months, far enough apart to name the year where it changes ("1 Jan 2027"); a shorter one keeps its
 * labels short, and its name says the year.
 */
export function dateLabels(dates: ReadonlyArray<string>, period: Period): Array<{ index: number; text: string }> {
  const ticks = dateTicks(dates, period);
  const long = dates.length > 1 && toTime(dates.at(-1)!) - toTime(dates[0]!) > 90 * DAY_MS;
  const yearOf = (i: number) => dates[i]!.slice(0, 4);
  return ticks.map((index, k) => {
    const newYear = k > 0 && yearOf(index) !== yearOf(ticks[k - 1]!);
    return { index, text: long && newYear ? `${formatShortDate(dates[index]!)} ${yearOf(index)}` : formatShortDate(dates[index]!) };
  });
}

/** Where a date label sits, as a share of the width, and which way it runs so none falls off an edge. */
export function labelPlacement(index: number, count: number): { at: number; anchor: "start" | "middle" | "end" } {
  const centre = (index + 0.5) / count;
  if (centre < 0.1) return { at: index / count, anchor: "start" };
  if (centre > 0.9) return { at: (index + 1) / count, anchor: "end" };
  return { at: centre, anchor: "middle" };
}

const countFormat = new Intl.NumberFormat("en-GB");
const shortFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });
const dayMonthFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long" });
const fullFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

export const formatCount = (n: number) => countFormat.format(n);
/** "4 Dec": the dates under the bars. */
export const formatShortDate = (date: string) => shortFormat.format(toTime(date));
const formatDayMonth = (date: string) => dayMonthFormat.format(toTime(date));
const formatFull = (date: string) => fullFormat.format(toTime(date));

/** "4 to 10 December 2026", "28 November to 4 December 2026", "29 December 2025 to 4 January 2026". */
export function formatDateRange(from: string, to: string): string {
  if (from === to) return formatFull(from);
  const a = new Date(toTime(from));
  const b = new Date(toTime(to));
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return `${formatFull(from)} to ${formatFull(to)}`;
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${formatDayMonth(from)} to ${formatFull(to)}`;
  return `${a.getUTCDate()} to ${formatFull(to)}`;
}

const noun = (n: number, words: Noun) => countOf(n, words.one, words.other);
const when = (date: string, period: Period, withYear: boolean) => {
  const shown = withYear ? formatFull(date) : formatDayMonth(date);
  return period === "day" ? `on ${shown}` : `in the week beginning ${shown}`;
};

/** What to show: nothing to chart, one period said in words, or a chart with the words for its label. */
export type ChartPlan =
  | { kind: "none"; sentence: string }
  | { kind: "one"; sentence: string }
  | { kind: "chart"; series: Point[]; label: string; shortened: boolean };

/**
 * Decides between a sentence and a chart, and writes the words: "No confirmed signatures yet.",
 * "412 confirmed signatures, all on 4 December 2026.", or the chart's label, "Confirmed signatures
 * by day, 4 to 10 December 2026: 1,204 in all, most on 6 December (402)".
 */
export function planChart(points: ReadonlyArray<Point>, period: Period, title: string, words: Noun): ChartPlan {
  const withData = points.filter((p) => p.count > 0);
  if (withData.length === 0) return { kind: "none", sentence: `No ${words.other} yet.` };
  const series = fillSeries(withData, period);
  if (series.length === 1) {
    const only = series[0]!;
    return { kind: "one", sentence: `${noun(only.count, words)}${only.count === 1 ? " " : ", all "}${when(only.date, period, true)}.` };
  }
  const shown = series.reduce((sum, p) => sum + p.count, 0);
  const most = Math.max(...series.map((p) => p.count));
  const peaks = series.filter((p) => p.count === most);
  const others = peaks.length - 1;
  const peak = `most ${when(peaks[0]!.date, period, false)}${others ? ` and ${others} other ${pluralise(others, period)}` : ""} (${formatCount(most)}${others ? " each" : ""})`;
  const range = `${period === "week" ? "weeks beginning " : ""}${formatDateRange(series[0]!.date, series.at(-1)!.date)}`;
  const shortened = withData.some((p) => p.date < series[0]!.date);
  return { kind: "chart", series, label: `${title}, ${range}: ${formatCount(shown)} in all, ${peak}`, shortened };
}
