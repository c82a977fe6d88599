/**
 * The time display rule in one function (ARCHITECTURE.md, "Time display rule"): an instant
 * read on a primary clock, and on a second clock only when that clock shows another time.
 */
import { dateTimeLabel, type DateStyle } from "./people-time";
import { localDateIn, offsetMinutesAt } from "./zoned";

export interface TwoClocks {
  /** The instant in the primary zone, with as much date as the caller asked for. */
  primary: string;
  /** The instant in the second zone, or null when its clock reads the same as the primary's. */
  secondary: string | null;
}

/**
 * `primaryZone` is read with `style`; `secondaryZone` (when given and its offset differs) is
 * read as a clock, plus its own date whenever its calendar day is not the primary's — a bare
 * time would borrow the primary's date, which across the date line is the wrong day — and its
 * year when that differs too.
 */
export function twoClocks(
  instant: Date,
  primaryZone: string,
  secondaryZone: string | null,
  style: DateStyle,
): TwoClocks {
  const primary = dateTimeLabel(instant, primaryZone, style);
  if (!secondaryZone || offsetMinutesAt(instant, primaryZone) === offsetMinutesAt(instant, secondaryZone)) {
    return { primary, secondary: null };
  }
  const primaryDay = localDateIn(instant, primaryZone);
  const secondaryDay = localDateIn(instant, secondaryZone);
  const secondaryStyle: DateStyle =
    primaryDay === secondaryDay
      ? "none"
      : primaryDay.slice(0, 4) === secondaryDay.slice(0, 4)
        ? "weekday"
        : "weekdayYear";
  return { primary, secondary: dateTimeLabel(instant, secondaryZone, secondaryStyle) };
}

/**
 * An examination time: the specialist's calendar zone first (where the examination happens,
 * what Acuity and the examinee see), the viewer's own clock second when it differs.
 */
export function examinationTime(
  instant: Date,
  calendarZone: string,
  viewerZone: string | null,
  style: DateStyle,
): TwoClocks {
  return twoClocks(instant, calendarZone, viewerZone, style);
}

/** Zone for every other timestamp (uploads, history, audit): the viewer's, or UTC until their browser has said. */
export const timestampZone = (viewerZone: string | null) => viewerZone ?? "UTC";

/** A timestamp that is not an examination time: "Dec 1, 2026, 9:00 AM AEDT" in the viewer's zone. */
export function timestampLabel(instant: Date, viewerZone: string | null): string {
  return dateTimeLabel(instant, timestampZone(viewerZone), "date");
}
