/**
 * The specialist's home (`/specialist`): a week of their examinations read in their calendar's
 * zone, the reports they owe by due day (overdue first, paged), and upcoming examinations whose
 * brief is not in. Only bookings of the specialist records linked to the viewer, and within what
 * the policy lets them see; every list bounded, every count in the database.
 */
import { and, asc, gte, inArray, lt, not, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings, specialists } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition } from "@/lib/authz/booking-scope";
import { isReportOverdue } from "@/lib/bookings/report-due-date";
import { addDays, isValidTimeZone, localDateIn, zonedTimeToInstant } from "@/lib/time/zoned";
import {
  boundedHomeLines,
  daysBetween,
  hasDocument,
  isActive,
  isAwaiting,
  mondayOf,
  notCancelled,
  reportOwedCondition,
  type Bounded,
  type HomeBookingRow,
} from "./shared";

/** A week holds at most this many examinations on screen (a full diary is ~60); the rest are counted. */
export const WEEK_LIMIT = 250;
export const OWED_PAGE_SIZE = 10;
export const BRIEFS_MISSING_LIMIT = 8;

/** The viewer's own bookings as a specialist (not those they might see as an organization member). */
const ownBookings = (viewer: Actor): SQL =>
  and(inArray(bookings.specialistId, viewer.specialistIds), bookingVisibilityCondition(viewer))!;

/** The calendar zone of the viewer's (first) specialist record; UTC when none is set. */
export async function specialistZoneOf(db: DbOrTx, viewer: Actor): Promise<string> {
  if (viewer.specialistIds.length === 0) return "UTC";
  const [row] = await db
    .select({ timezone: specialists.timezone })
    .from(specialists)
    .where(inArray(specialists.id, viewer.specialistIds))
    .orderBy(asc(specialists.id))
    .limit(1);
  const zone = row?.timezone;
  return zone && isValidTimeZone(zone) ? zone : "UTC";
}

/** `?week=YYYY-MM-DD` → the Monday of that week; anything else → this week's Monday in `zone`. */
export function weekStartFor(param: string | undefined, now: Date, zone: string): string {
  const valid = param && /^\d{4}-\d{2}-\d{2}$/.test(param) && !Number.isNaN(Date.parse(`${param}T00:00:00Z`));
  return mondayOf(valid ? param : localDateIn(now, zone));
}

export interface WeekDay {
  /** YYYY-MM-DD in the specialist's zone. */
  day: string;
  isToday: boolean;
  examinations: HomeBookingRow[];
}

export interface SpecialistWeek {
  /** Monday, YYYY-MM-DD. */
  start: string;
  zone: string;
  /** Monday to Sunday, always seven. */
  days: WeekDay[];
  /** Examinations in the week beyond WEEK_LIMIT (not shown). */
  hidden: number;
}

/**
 * The week starting `start` (a Monday) in `zone`: Monday 00:00 to the next Monday 00:00 on the
 * specialist's clock (DST weeks are 167 or 169 hours), cancelled examinations left out.
 */
export async function loadSpecialistWeek(
  db: DbOrTx,
  viewer: Actor,
  start: string,
  zone: string,
  now: Date,
): Promise<SpecialistWeek> {
  const keys = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  const days: WeekDay[] = keys.map((day) => ({
    day,
    isToday: day === localDateIn(now, zone),
    examinations: [],
  }));
  if (viewer.specialistIds.length === 0) return { start, zone, days, hidden: 0 };
  const where = and(
    ownBookings(viewer),
    notCancelled(),
    gte(bookings.appointmentDate, zonedTimeToInstant(start, "00:00", zone)),
    lt(bookings.appointmentDate, zonedTimeToInstant(addDays(start, 7), "00:00", zone)),
  );
  const { rows, ...count } = await boundedHomeLines(
    db,
    where,
    [asc(bookings.appointmentDate), asc(bookings.id)],
    { limit: WEEK_LIMIT },
  );
  for (const row of rows) days[keys.indexOf(localDateIn(row.appointmentDate, zone))]?.examinations.push(row);
  return { start, zone, days, hidden: Math.max(0, count.total - rows.length) };
}

export interface OwedReport extends HomeBookingRow {
  /** Days past the due day (> 0 overdue), or until it (≤ 0), in the specialist's days. */
  daysOverdue: number;
  overdue: boolean;
  /** The examination time passed but nobody has said whether it took place (still scheduled). */
  attendanceUnconfirmed: boolean;
}

/** Reports the viewer owes, by due day — so the overdue ones come first — one page at a time. */
export async function listOwedReports(
  db: DbOrTx,
  viewer: Actor,
  now: Date,
  page = 1,
  pageSize = OWED_PAGE_SIZE,
): Promise<Bounded<OwedReport> & { page: number; pageSize: number }> {
  if (viewer.specialistIds.length === 0) return { rows: [], total: 0, capped: false, page, pageSize };
  const where = and(ownBookings(viewer), reportOwedCondition(now));
  const { rows, ...count } = await boundedHomeLines(
    db,
    where,
    [asc(bookings.reportDueOn), asc(bookings.appointmentDate), asc(bookings.id)],
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  return {
    rows: rows.map((row) => {
      const zone = row.specialistTimezone ?? "UTC";
      const due = row.reportDueOn ?? localDateIn(row.appointmentDate, zone);
      return {
        ...row,
        daysOverdue: daysBetween(due, localDateIn(now, zone)),
        overdue: isReportOverdue(due, now, zone),
        attendanceUnconfirmed: row.currentProgress !== "generating_report",
      };
    }),
    ...count,
    page,
    pageSize,
  };
}

/** Examinations still ahead (not cancelled) whose brief is not in, soonest first. */
export async function listBriefsMissing(
  db: DbOrTx,
  viewer: Actor,
  now: Date,
  limit = BRIEFS_MISSING_LIMIT,
): Promise<Bounded<HomeBookingRow>> {
  if (viewer.specialistIds.length === 0) return { rows: [], total: 0, capped: false };
  const where = and(
    ownBookings(viewer),
    isActive(),
    isAwaiting(),
    gte(bookings.appointmentDate, now),
    not(hasDocument("brief")),
  );
  return boundedHomeLines(db, where, [asc(bookings.appointmentDate), asc(bookings.id)], { limit });
}

/**
 * Examinations whose time has passed while the booking still waits for them (scheduled or
 * rescheduled): the specialist should say whether it took place — start the report — or mark a
 * no-show. Oldest first. (Owed reports narrowed to these are exactly the awaiting, active
 * bookings examined before now: migration 0017's awaiting index holds them in date order.)
 */
export async function listAttendanceToConfirm(
  db: DbOrTx,
  viewer: Actor,
  now: Date,
  limit = BRIEFS_MISSING_LIMIT,
): Promise<Bounded<HomeBookingRow>> {
  if (viewer.specialistIds.length === 0) return { rows: [], total: 0, capped: false };
  const where = and(ownBookings(viewer), isActive(), isAwaiting(), lt(bookings.appointmentDate, now));
  return boundedHomeLines(db, where, [asc(bookings.appointmentDate), asc(bookings.id)], { limit });
}

export interface SpecialistHome {
  zone: string;
  week: SpecialistWeek;
  owed: Awaited<ReturnType<typeof listOwedReports>>;
  briefsMissing: Bounded<HomeBookingRow>;
  toConfirm: Bounded<HomeBookingRow>;
}

/** Everything the specialist's home shows for `?week=` and `?owed=` (page), queried side by side. */
export async function loadSpecialistHome(
  db: DbOrTx,
  viewer: Actor,
  now: Date,
  params: { week?: string; owedPage?: number },
): Promise<SpecialistHome> {
  const zone = await specialistZoneOf(db, viewer);
  const start = weekStartFor(params.week, now, zone);
  const [week, owed, briefsMissing, toConfirm] = await Promise.all([
    loadSpecialistWeek(db, viewer, start, zone, now),
    listOwedReports(db, viewer, now, params.owedPage ?? 1),
    listBriefsMissing(db, viewer, now),
    listAttendanceToConfirm(db, viewer, now),
  ]);
  return { zone, week, owed, briefsMissing, toConfirm };
}
