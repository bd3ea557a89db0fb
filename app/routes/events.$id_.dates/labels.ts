import { formatInZone, wallClock } from "~/utils/zoned-time";

/** "Saturday 6 March 2027, 10:30 GMT to 16:00 GMT": an option as people in the event's zone read it. */
export function optionLabel(option: { starts_at: Date | string; ends_at: Date | string }, timeZone: string) {
  const sameDay = wallClock(new Date(option.starts_at), timeZone).date === wallClock(new Date(option.ends_at), timeZone).date;
  return `${formatInZone(option.starts_at, timeZone)} to ${formatInZone(option.ends_at, timeZone, sameDay ? "time" : "long")}`;
}
