/**
 * IANA time-zone arithmetic on top of Intl (no tz package): wall-clock time in a zone ⇄
 * instant and calendar-date helpers. The one implementation shared by the portal and the Acuity
 * emulator; writing times for people is people-time.ts and two-clocks.ts.
 */
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock in `zone` at `instant` (to the second): the instant moved by the zone's offset then. */
export function wallClock(instant: Date, zone: string): WallClock {
  const local = wholeSeconds(instant) + offsetMinutesAt(instant, zone) * 60_000;
  if (typeof window !== "undefined") {
    // The browser reads a Date's fields: it writes a handful of times, and ships fewer bytes.
    const shifted = new Date(local);
    return {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      hour: shifted.getUTCHours(),
      minute: shifted.getUTCMinutes(),
      second: shifted.getUTCSeconds(),
    };
  }
  const days = Math.floor(local / DAY_MS);
  const ofDay = local - days * DAY_MS;
  const { year, month, day } = civilDate(days);
  // Written out, not spread: a spread into a new object cost ≈ 3 µs a call here.
  return {
    year,
    month,
    day,
    hour: Math.floor(ofDay / 3_600_000),
    minute: Math.floor((ofDay % 3_600_000) / 60_000),
    second: Math.floor((ofDay % 60_000) / 1000),
  };
}

/**
 * The proleptic Gregorian date `days` after 1970-01-01, by arithmetic (H. Hinnant's
 * civil_from_days): the server writes hundreds of times a page, and a Date read field by field
 * cost more than the rest of a label (issue 14).
 */
function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

const wholeSeconds = (instant: Date) => Math.floor(instant.getTime() / 1000) * 1000;

/** The offset read from ICU: exact at any instant, and the costly part of a time label (formatToParts). */
function offsetFromIntl(instant: Date, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = parts as unknown as WallClock;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return Math.round((asUtc - wholeSeconds(instant)) / 60_000);
}

/** Per zone, per UTC day: the offset all day long, or null on a day the offset changes. */
const dayOffsets = new Map<string, Map<number, number | null>>();
let dayOffsetsKept = 0;
/** Zones × days a process may remember (a page of bookings spans a few dozen); then it starts over. */
const DAY_OFFSETS_KEPT = 20_000;

/**
 * Minutes east of UTC that `zone` observes at `instant` (New York in winter: -300). Asked for
 * every time on every page, so ICU is asked once per zone and UTC day: when the offset is the
 * same at the day's start and at the next day's, it holds all day — a zone changes its offset
 * at most twice a year, never twice in one day. On the day of a change each instant asks ICU.
 */
export function offsetMinutesAt(instant: Date, zone: string): number {
  // The browser writes a handful of times, the server hundreds a page: the memo is the server's
  // (`typeof window` is a constant to the bundler, so the browser's bundle leaves the rest out).
  if (typeof window !== "undefined") return offsetFromIntl(instant, zone);
  const day = Math.floor(instant.getTime() / DAY_MS);
  // Keyed by zone, then by the day's number: no key text built per call.
  let ofZone = dayOffsets.get(zone);
  if (!ofZone) dayOffsets.set(zone, (ofZone = new Map()));
  let offset = ofZone.get(day);
  if (offset === undefined) {
    const atStart = offsetFromIntl(new Date(day * DAY_MS), zone);
    const atEnd = offsetFromIntl(new Date((day + 1) * DAY_MS), zone);
    offset = atStart === atEnd ? atStart : null;
    if (dayOffsetsKept >= DAY_OFFSETS_KEPT) {
      dayOffsets.clear();
      dayOffsets.set(zone, (ofZone = new Map()));
      dayOffsetsKept = 0;
    }
    ofZone.set(day, offset);
    dayOffsetsKept++;
  }
  return offset ?? offsetFromIntl(instant, zone);
}

/** The instant at which the wall clock in `zone` shows `date` (YYYY-MM-DD) `time` (HH:mm[:ss]). */
export function zonedTimeToInstant(date: string, time: string, zone: string): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi, s = 0] = time.split(":").map(Number) as [number, number, number?];
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  // Two passes settle the offset around DST changes (the second pass sees the real one).
  const first = guess - offsetMinutesAt(new Date(guess), zone) * 60_000;
  const second = guess - offsetMinutesAt(new Date(first), zone) * 60_000;
  return new Date(second);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** `YYYY-MM-DD` as seen in `zone`. */
export function localDateIn(instant: Date, zone: string): string {
  const w = wallClock(instant, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Day of week (0 = Sunday) of a calendar date, independent of any zone. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysInMonth(month: string): string[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${pad(i + 1)}`);
}
