/**
 * Acuity's own datetime and display formats, on top of the shared zone arithmetic.
 */
import { offsetMinutesAt, wallClock } from "@/lib/time/zoned";

export {
  addDays,
  daysInMonth,
  isValidTimeZone,
  localDateIn,
  weekdayOf,
  zonedTimeToInstant,
} from "@/lib/time/zoned";

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** Acuity's datetime format: local wall clock plus a `-0500` style offset. */
export function formatAcuityDatetime(instant: Date, zone: string): string {
  const w = wallClock(instant, zone);
  const offset = offsetMinutesAt(instant, zone);
  const sign = offset < 0 ? "-" : "+";
  const hhmm = `${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${hhmm}`;
}

/** Acuity's display strings, included so consumers see them (and are tempted not to parse them). */
export function displayDate(instant: Date, zone: string): string {
  return instant.toLocaleDateString("en-US", {
    timeZone: zone,
    month: "long",
    day: "numeric",
    year: "numeric",
  });
}

export function displayTime(instant: Date, zone: string): string {
  return instant
    .toLocaleTimeString("en-US", { timeZone: zone, hour: "numeric", minute: "2-digit", hour12: true })
    .replace(/\s?([AP])M$/i, (_, ap: string) => `${ap.toLowerCase()}m`);
}
