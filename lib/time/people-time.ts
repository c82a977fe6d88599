/**
 * Instants written for people, in one zone: the building blocks of the time display rule
 * (ARCHITECTURE.md, "Time display rule"). Pure and locale-fixed (en-US), so the server and
 * the browser write the same text.
 */
import { zoneAbbreviation } from "./zone-name";

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

const formatters = new Map<string, Intl.DateTimeFormat>();

function format(instant: Date, zone: string, key: string, options: Intl.DateTimeFormatOptions): string {
  const cacheKey = `${key}|${zone}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, ...options });
    formatters.set(cacheKey, formatter);
  }
  // Newer ICU puts a narrow no-break space before AM/PM; one plain space reads (and tests) the same everywhere.
  return formatter.format(instant).replace(/[\u202f\u00a0]/g, " ");
}

/** The calendar date in `zone`: "Tue, Dec 1" (style weekday) … "Dec 1, 2026" (style date). */
export function dateLabel(instant: Date, zone: string, style: Exclude<DateStyle, "none">): string {
  return format(instant, zone, style, DATE_OPTIONS[style]);
}

/** The clock in `zone` with the zone named: "9:00 AM EST", "1:00 AM AEDT". */
function clockLabel(instant: Date, zone: string): string {
  return `${format(instant, zone, "clock", { hour: "numeric", minute: "2-digit" })} ${zoneAbbreviation(instant, zone)}`;
}

/** Date (in `style`) and clock in `zone`: "Tue, Dec 1, 2026, 9:00 AM EST". */
export function dateTimeLabel(instant: Date, zone: string, style: DateStyle): string {
  return style === "none"
    ? clockLabel(instant, zone)
    : `${dateLabel(instant, zone, style)}, ${clockLabel(instant, zone)}`;
}
