/**
 * Instants written for people, in one zone: the building blocks of the time display rule
 * (ARCHITECTURE.md, "Time display rule"). Pure and locale-fixed (en-US), so the server and
 * the browser write the same text.
 */
import { zoneAbbreviation } from "./zone-name";
import { wallClock } from "./zoned";

/**
 * How much date goes with the time:
 * none "9:00 AM EST" · weekday "Tue, Dec 1, 9:00 AM EST" · weekdayYear "Tue, Dec 1, 2026, 9:00 AM EST" ·
 * long "Tuesday, December 1, 2026, 9:00 AM EST" · date "Dec 1, 2026, 9:00 AM EST".
 */
export type DateStyle = "none" | "weekday" | "weekdayYear" | "long" | "date";

const DATE_OPTIONS: Record<Exclude<DateStyle, "none">, Intl.DateTimeFormatOptions> = {
  weekday: { weekday: "short", month: "short", day: "numeric" },
  weekdayYear: { weekday: "short", month: "short", day: "numeric", year: "numeric" },
  long: { weekday: "long", month: "long", day: "numeric", year: "numeric" },
  date: { month: "short", day: "numeric", year: "numeric" },
};

const CLOCK_OPTIONS: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatWithIcu(
  instant: Date,
  zone: string,
  key: string,
  options: Intl.DateTimeFormatOptions,
): string {
  const cacheKey = `${key}|${zone}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, ...options });
    formatters.set(cacheKey, formatter);
  }
  // Newer ICU puts a narrow no-break space before AM/PM; one plain space reads (and tests) the same everywhere.
  return formatter.format(instant).replace(/[\u202f\u00a0]/g, " ");
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const short = (name: string) => name.slice(0, 3);

/**
 * en-US's words for the wall clock, written out: the server writes hundreds of labels a page, and
 * ICU's format took ≈ 5 µs each — a page of bookings spent ≈ 0.7 ms of its server time on them
 * (issue 14). The wall clock comes from the offsets remembered per zone and day (zoned.ts), and
 * every style is held to ICU's own text across 18 months and 12 zones
 * (tests/unit/people-time-format.test.ts). Years outside 1000–9999 are left to ICU.
 */
function formatByHand(
  instant: Date,
  zone: string,
  style: Exclude<DateStyle, "none"> | "clock",
): string | null {
  const wall = wallClock(instant, zone);
  if (wall.year < 1000 || wall.year > 9999) return null;
  if (style === "clock") {
    const hour12 = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
    return `${hour12}:${String(wall.minute).padStart(2, "0")} ${wall.hour < 12 ? "AM" : "PM"}`;
  }
  const weekday = WEEKDAYS[new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()]!;
  const month = MONTHS[wall.month - 1]!;
  switch (style) {
    case "weekday":
      return `${short(weekday)}, ${short(month)} ${wall.day}`;
    case "weekdayYear":
      return `${short(weekday)}, ${short(month)} ${wall.day}, ${wall.year}`;
    case "long":
      return `${weekday}, ${month} ${wall.day}, ${wall.year}`;
    case "date":
      return `${short(month)} ${wall.day}, ${wall.year}`;
  }
}

function format(
  instant: Date,
  zone: string,
  style: Exclude<DateStyle, "none"> | "clock",
  options: Intl.DateTimeFormatOptions,
): string {
  // The browser writes a handful of labels and keeps ICU (`typeof window` is a constant to the
  // bundler: the tables above stay out of its bundle), as zoned.ts keeps its memo to the server.
  if (typeof window === "undefined") {
    const written = formatByHand(instant, zone, style);
    if (written !== null) return written;
  }
  return formatWithIcu(instant, zone, style, options);
}

/** The calendar date in `zone`: "Tue, Dec 1" (style weekday) … "Dec 1, 2026" (style date). */
export function dateLabel(instant: Date, zone: string, style: Exclude<DateStyle, "none">): string {
  return format(instant, zone, style, DATE_OPTIONS[style]);
}

/** The clock in `zone` with the zone named: "9:00 AM EST", "1:00 AM AEDT". */
function clockLabel(instant: Date, zone: string): string {
  return `${format(instant, zone, "clock", CLOCK_OPTIONS)} ${zoneAbbreviation(instant, zone)}`;
}

/** Date (in `style`) and clock in `zone`: "Tue, Dec 1, 2026, 9:00 AM EST". */
export function dateTimeLabel(instant: Date, zone: string, style: DateStyle): string {
  return style === "none"
    ? clockLabel(instant, zone)
    : `${dateLabel(instant, zone, style)}, ${clockLabel(instant, zone)}`;
}
