import { describe, expect, it } from "vitest";
import { dueDay } from "@/components/homes/home-section";
import { dueDayLabel } from "@/lib/bookings/report-due-status";
import { dateTimeLabel } from "@/lib/time/people-time";
import { zoneAbbreviation } from "@/lib/time/zone-name";
import { localDateIn, offsetMinutesAt, wallClock } from "@/lib/time/zoned";

/**
 * The wall clock and offset behind every time label are worked out once per zone and UTC day on
 * the server (lib/time/zoned.ts), a zone's name once per zone and offset (lib/time/zone-name.ts).
 * Here each is held to what ICU itself says at the same instant — across a year and a half, both
 * sides of each daylight-saving change (where the per-day shortcut does not hold), and zones with
 * half-hour, 45-minute and half-hour-daylight-saving offsets — and so are the clock labels built on them.
 */
const ZONES = [
  "America/New_York",
  "America/Denver",
  "America/Phoenix",
  "America/St_Johns",
  "Europe/London",
  "Europe/Dublin",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "UTC",
];

/** ICU's options for each date style: the server writes them by hand (people-time.ts), ICU is the reference. */
const ICU_DATE_OPTIONS = {
  weekday: { weekday: "short", month: "short", day: "numeric" },
  weekdayYear: { weekday: "short", month: "short", day: "numeric", year: "numeric" },
  long: { weekday: "long", month: "long", day: "numeric", year: "numeric" },
  date: { month: "short", day: "numeric", year: "numeric" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const icuFormatters = new Map<string, Intl.DateTimeFormat>();
function icu(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone} ${JSON.stringify(options)}`;
  let formatter = icuFormatters.get(key);
  if (!formatter)
    icuFormatters.set(key, (formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, ...options })));
  return formatter;
}

const icuText = (instant: Date, zone: string, options: Intl.DateTimeFormatOptions) =>
  icu(zone, options)
    .format(instant)
    .replace(/[\u202f\u00a0]/g, " ");

function icuWallClock(instant: Date, zone: string) {
  const parts = icu(zone, {
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(instant);
  const field = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return {
    year: field("year"),
    month: field("month"),
    day: field("day"),
    hour: field("hour"),
    minute: field("minute"),
    second: field("second"),
  };
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();
/** The zone's name as ICU gives it at this instant: the first English locale that knows one, else UTC±h[:mm]. */
function icuZoneName(instant: Date, zone: string): string {
  for (const locale of ["en-US", "en-CA", "en-AU", "en-NZ", "en-GB", "en-IE", "en-IN", "en-ZA", "en-SG"]) {
    const key = `${locale} ${zone}`;
    let formatter = nameFormatters.get(key);
    if (!formatter)
      nameFormatters.set(
        key,
        (formatter = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })),
      );
    const name = formatter.formatToParts(instant).find((part) => part.type === "timeZoneName")!.value;
    if (!/^(GMT|UTC)[+-]\d/.test(name)) return name;
  }
  const wall = icuWallClock(instant, zone);
  const minutes = Math.round(
    (Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) -
      Math.floor(instant.getTime() / 1000) * 1000) /
      60_000,
  );
  const rest = Math.abs(minutes) % 60;
  return minutes === 0
    ? "UTC"
    : `UTC${minutes > 0 ? "+" : "-"}${Math.floor(Math.abs(minutes) / 60)}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

/** Every 7 h 13 min from 1 Jan 2026 for 18 months, plus a minute either side of each hour of the DST-change days. */
function instants(): Date[] {
  const out: Date[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let at = start; at < start + 548 * 86_400_000; at += (7 * 60 + 13) * 60_000) out.push(new Date(at));
  const changeDays = ["2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04", "2026-10-25", "2026-11-01"];
  for (const day of changeDays) {
    const midnight = Date.parse(`${day}T00:00:00Z`);
    for (let hour = -14; hour <= 38; hour++)
      for (const minute of [-1, 0, 1, 29, 30, 31])
        out.push(new Date(midnight + (hour * 60 + minute) * 60_000));
  }
  return out;
}

describe("time labels from the remembered offsets read as ICU writes them", () => {
  const all = instants();

  it.each(ZONES)("%s: offset and wall clock at every instant", (zone) => {
    for (const instant of all) {
      const expected = icuWallClock(instant, zone);
      expect(wallClock(instant, zone), `${instant.toISOString()} in ${zone}`).toEqual(expected);
      const asUtc = Date.UTC(
        expected.year,
        expected.month - 1,
        expected.day,
        expected.hour,
        expected.minute,
        expected.second,
      );
      expect(offsetMinutesAt(instant, zone)).toBe(
        Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000),
      );
      expect(localDateIn(instant, zone)).toBe(
        `${expected.year}-${String(expected.month).padStart(2, "0")}-${String(expected.day).padStart(2, "0")}`,
      );
    }
  });

  it.each(ZONES)("%s: the clock and the zone's name, alone and after each style of date", (zone) => {
    for (const instant of all) {
      const clock = `${icuText(instant, zone, { hour: "numeric", minute: "2-digit" })} ${icuZoneName(instant, zone)}`;
      expect(dateTimeLabel(instant, zone, "none"), `${instant.toISOString()} in ${zone}`).toBe(clock);
      for (const [style, options] of Object.entries(ICU_DATE_OPTIONS))
        expect(dateTimeLabel(instant, zone, style as keyof typeof ICU_DATE_OPTIONS)).toBe(
          `${icuText(instant, zone, options)}, ${clock}`,
        );
    }
  });

  it("reads the calendar by arithmetic as Date does, across five centuries and every leap rule", () => {
    // 1600 and 2000 are leap years, 1900 and 2100 are not; every 13 h 7 min from 1601 to 2400.
    for (let at = Date.UTC(1601, 0, 1); at < Date.UTC(2400, 11, 31); at += (13 * 60 + 7) * 60_000 * 97) {
      const instant = new Date(at);
      expect(wallClock(instant, "UTC"), instant.toISOString()).toEqual({
        year: instant.getUTCFullYear(),
        month: instant.getUTCMonth() + 1,
        day: instant.getUTCDate(),
        hour: instant.getUTCHours(),
        minute: instant.getUTCMinutes(),
        second: instant.getUTCSeconds(),
      });
    }
    for (const day of ["1900-02-28", "1900-03-01", "2000-02-29", "2100-03-01", "2024-12-31"])
      expect(localDateIn(new Date(`${day}T12:00:00Z`), "UTC")).toBe(day);
  });

  it("names a zone by the offset in force at the instant, on either side of a change", () => {
    // New York springs forward at 07:00 UTC on 8 March 2026; London at 01:00 UTC on 29 March.
    expect(zoneAbbreviation(new Date("2026-03-08T06:59:00Z"), "America/New_York")).toBe("EST");
    expect(zoneAbbreviation(new Date("2026-03-08T07:00:00Z"), "America/New_York")).toBe("EDT");
    expect(zoneAbbreviation(new Date("2026-03-29T00:59:00Z"), "Europe/London")).toBe("GMT");
    expect(zoneAbbreviation(new Date("2026-03-29T01:00:00Z"), "Europe/London")).toBe("BST");
    expect(dateTimeLabel(new Date("2026-03-08T06:59:00Z"), "America/New_York", "date")).toBe(
      "Mar 8, 2026, 1:59 AM EST",
    );
    expect(dateTimeLabel(new Date("2026-03-08T07:00:00Z"), "America/New_York", "date")).toBe(
      "Mar 8, 2026, 3:00 AM EDT",
    );
  });

  it("writes a due day (a calendar day, no zone) as ICU does, every day of two years", () => {
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2028, 0, 1); at += 86_400_000) {
      const day = new Date(at).toISOString().slice(0, 10);
      const noon = new Date(`${day}T12:00:00Z`);
      expect(dueDay(day)).toBe(icuText(noon, "UTC", { weekday: "short", month: "short", day: "numeric" }));
      expect(dueDayLabel(day)).toBe(
        icuText(noon, "UTC", { weekday: "short", month: "short", day: "numeric", year: "numeric" }),
      );
    }
    expect(dueDayLabel("2026-12-14")).toBe("Mon, Dec 14, 2026");
  });
});
