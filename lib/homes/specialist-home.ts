/**
 * The specialist's home (`/specialist`): a week of their examinations read in their calendar's
 * zone, the reports they owe by due day (overdue first, paged), and upcoming examinations whose
 * brief is not in. Only bookings of the specialist records linked to the viewer, and within what
 * the policy lets them see; every list bounded, every count in the database.
 */
import { and, asc, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { hiddenFromPlanner, limitInText, queryNamed } from "@/db/named-statement";
import { bookings, specialists } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition } from "@/lib/authz/booking-scope";
import { isReportOverdue } from "@/lib/bookings/report-due-date";
import { addDays, isValidTimeZone, localDateIn, zonedTimeToInstant } from "@/lib/time/zoned";
import {
  boundedHomeLines,
  daysBetween,
  briefMissing,
  selectHomeLines,
  isActive,
  isAwaiting,
  mondayOf,
  notCancelled,
  reportOwedCondition,
  type Bounded,
  type HomeBookingRow,
} from "./shared";

/**
 * A day of the week shows at most this many examinations (an examination takes one to three
 * hours: eight is a full clinic day); the rest of that day are counted and linked to the bookings list. Per day, not per week:
 * a week cut at a total would show Monday whole and Friday not at all. At a synthetic 1,000 a
 * week the home was 250 lines and 750 kB of HTML (issue 14); now at most 56 lines.
 */
export const DAY_LIMIT = 8;
/** A day's examinations are counted to this many ("92+ more"). */
export const DAY_COUNT_CAP = 100;
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
  /** The first DAY_LIMIT examinations of the day, in time order. */
  examinations: HomeBookingRow[];
  /** Examinations of the day past DAY_LIMIT (not shown). */
  more: number;
  /** The day holds more than DAY_COUNT_CAP: `more` is a lower bound ("92+ more"). */
  moreIsCapped: boolean;
}

export interface SpecialistWeek {
  /** Monday, YYYY-MM-DD. */
  start: string;
  zone: string;
  /** Monday to Sunday, always seven. */
  days: WeekDay[];
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
    more: 0,
    moreIsCapped: false,
  }));
  if (viewer.specialistIds.length === 0) return { start, zone, days };
  // Each day is its own index range on the specialist's clock (DST days are 23 or 25 hours).
  const bounds = [...keys, addDays(start, 7)].map((day) => zonedTimeToInstant(day, "00:00", zone));
  const dayRanges = sql.join(
    keys.map(
      (_, i) =>
        sql`(${i}::int, ${bounds[i]!.toISOString()}::timestamptz, ${bounds[i + 1]!.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const inDay = and(
    ownBookings(viewer),
    notCancelled(),
    gte(bookings.appointmentDate, sql`d.lo`),
    lt(bookings.appointmentDate, sql`d.hi`),
  );
  // Per day, in one statement: the first DAY_LIMIT ids in time order and the day's count (to
  // DAY_COUNT_CAP) — each a bounded walk of the specialist's date index, however full the week is
  // (a window over the week read all of a synthetic 1,000-examination week: 12 ms; issue 14).
  // Named, its limits in the text: seven fixed-width days walked in the date index's order whatever
  // the week, so one kept plan serves every week (planned per call: ≈ 0.5 ms for 0.3 ms of work).
  const perDay = await queryNamed<{ i: number; ids: string[] | null; total: number }>(
    db,
    sql`
    select d.i, shown.ids, counted.total
      from (values ${dayRanges}) as d(i, lo, hi)
      cross join lateral (
        select array_agg(first.id order by first.appointment_date, first.id) as ids
          from (select ${bookings.id} as id, ${bookings.appointmentDate} as appointment_date
                  from ${bookings} where ${inDay}
                 order by ${bookings.appointmentDate}, ${bookings.id} limit ${limitInText(DAY_LIMIT)}) as first
      ) as shown
      cross join lateral (
        select count(*)::int as total
          from (select 1 from ${bookings} where ${inDay} order by ${bookings.appointmentDate} limit ${limitInText(DAY_COUNT_CAP + 1)}) as upto
      ) as counted`,
  );
  const ids = perDay.flatMap((day) => day.ids ?? []);
  const rows = ids.length
    ? await selectHomeLines(db)
        .where(inArray(bookings.id, ids))
        .orderBy(asc(bookings.appointmentDate), asc(bookings.id))
    : [];
  for (const row of rows) days[keys.indexOf(localDateIn(row.appointmentDate, zone))]?.examinations.push(row);
  for (const { i, total } of perDay) {
    const day = days[Number(i)]!;
    day.more = Math.max(0, Math.min(total, DAY_COUNT_CAP) - day.examinations.length);
    day.moreIsCapped = total > DAY_COUNT_CAP;
  }
  return { start, zone, days };
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
    gte(bookings.appointmentDate, hiddenFromPlanner(now)),
    briefMissing(),
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
  const where = and(
    ownBookings(viewer),
    isActive(),
    isAwaiting(),
    lt(bookings.appointmentDate, hiddenFromPlanner(now)),
  );
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
