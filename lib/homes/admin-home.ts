/**
 * The admin's operations view (`/admin`): today's examinations across all specialists, overdue
 * reports by specialist, webhook events and e-mails that need a person, and two charts' numbers
 * — bookings per week by stage, and median days from examination to report per specialist per
 * month. Callers check canUseAdminConsole; the booking queries still carry the policy's SQL
 * condition (true for an admin) so no booking query here is unscoped by construction.
 */
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { hiddenFromPlanner, limitInText, queryNamed, selectNamed } from "@/db/named-statement";
import type { DbOrTx } from "@/db/client";
import { bookings, outboxEmails, specialists, webhookEvents } from "@/db/schema";
import { PROGRESS_STAGES, type ProgressStage } from "@/db/schema/enums";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition } from "@/lib/authz/booking-scope";
import { isPlatformAdmin } from "@/lib/authz/policy";
import type { EmailKind } from "@/lib/notifications/kinds";
import { addDays, localDateIn, zonedTimeToInstant } from "@/lib/time/zoned";
import {
  countsBetweenHourEdges,
  instantArray,
  onWholeUtcHour,
  type BucketCount,
} from "./booking-hour-counts";
import { chartMonths, medianReportDaysBySpecialist, type ReportTurnaround } from "./report-turnaround";
import {
  COUNT_CAP,
  countBookingsCapped,
  inOwedStages,
  latestTodayOnEarth,
  loadSpecialistZones,
  mondayOf,
  notArchived,
  notCancelled,
  selectHomeLines,
  type Bounded,
  type HomeBookingRow,
  type SpecialistZones,
} from "./shared";

export const TODAY_LIMIT = 12;
export const OVERDUE_SPECIALISTS_LIMIT = 15;
export const NEEDS_PERSON_LIMIT = 5;
export const CHART_WEEKS = 12;

const HOUR_MS = 3_600_000;

/** One zone's calendar day as instants, and the specialists whose calendars keep it. */
interface ZoneDay {
  starts: Date;
  ends: Date;
  specialistIds: string[];
}

const zoneDaysOf = (zones: SpecialistZones, now: Date): ZoneDay[] =>
  [...zones].map(([zone, specialistIds]) => {
    const today = localDateIn(now, zone);
    return {
      starts: zonedTimeToInstant(today, "00:00", zone),
      ends: zonedTimeToInstant(addDays(today, 1), "00:00", zone),
      specialistIds,
    };
  });

/**
 * The ids of the first `limit` of today's examinations, soonest first: each specialist's own first
 * `limit` (an index-only walk of their date index over their today), then the soonest of those.
 * As one WHERE over every zone's range, the planner could not tell how many a day holds and fetched
 * and sorted all of them — 1,006 rows, 41 ms, at 1,000 examinations a day (issue 14).
 */
function todaysFirstIds(viewer: Actor, days: ZoneDay[], limit: number): SQL {
  const zoneDays = sql.join(
    days.map(
      (day) =>
        sql`(${day.starts.toISOString()}::timestamptz, ${day.ends.toISOString()}::timestamptz, array[${sql.join(
          day.specialistIds.map((id) => sql`${id}`),
          sql`, `,
        )}]::text[])`,
    ),
    sql`, `,
  );
  return sql`select "first"."id" from (values ${zoneDays}) as "zone_day"("starts", "ends", "specialist_ids")
    cross join unnest("zone_day"."specialist_ids") as "zone_specialist"("id")
    cross join lateral (
      select ${bookings.id} as "id", ${bookings.appointmentDate} as "at" from ${bookings}
       where ${bookings.specialistId} = "zone_specialist"."id"
         and ${bookings.appointmentDate} >= "zone_day"."starts" and ${bookings.appointmentDate} < "zone_day"."ends"
         and ${notCancelled()} and ${bookingVisibilityCondition(viewer)}
       order by ${bookings.appointmentDate}, ${bookings.id} limit ${limitInText(limit)}) as "first"
    order by "first"."at", "first"."id" limit ${limitInText(limit)}`;
}

/**
 * Examinations on each specialist's today (their calendar's day, so a Sydney and a Denver
 * calendar each show their own), soonest first, and how many in all (capped).
 */
export async function listTodaysExaminations(
  db: DbOrTx,
  viewer: Actor,
  now: Date,
  limit = TODAY_LIMIT,
  zones?: SpecialistZones,
): Promise<Bounded<HomeBookingRow>> {
  const days = zoneDaysOf(zones ?? (await loadSpecialistZones(db)), now);
  if (days.length === 0) return { rows: [], total: 0, capped: false };
  const where = and(
    bookingVisibilityCondition(viewer),
    notCancelled(),
    // The widest "today" on Earth, as one index range; the per-zone ranges below are exact.
    gte(bookings.appointmentDate, hiddenFromPlanner(new Date(now.getTime() - 38 * HOUR_MS))),
    lt(bookings.appointmentDate, hiddenFromPlanner(new Date(now.getTime() + 38 * HOUR_MS))),
    or(
      ...days.map((day) =>
        and(
          inArray(bookings.specialistId, day.specialistIds),
          gte(bookings.appointmentDate, hiddenFromPlanner(day.starts)),
          lt(bookings.appointmentDate, hiddenFromPlanner(day.ends)),
        ),
      ),
    ),
  );
  const order = [asc(bookings.appointmentDate), asc(bookings.id)];
  // Named, both, their days hidden from the planner (db/named-statement.ts): a day's worth of
  // examinations walked in date order whatever the day. Planned per call they cost PostgreSQL
  // ≈ 2.5 ms (the count, weighing every index on bookings for each zone's range) and ≈ 1.8 ms (the
  // rows) of planning a view at 1,000,000 bookings, against well under 1 ms of work.
  const [rows, count] = await Promise.all([
    selectNamed(
      selectHomeLines(db)
        .where(sql`${bookings.id} in (${todaysFirstIds(viewer, days, limit)})`)
        .orderBy(...order),
    ),
    countBookingsCapped(db, where, order.slice(0, 1), COUNT_CAP, true),
  ]);
  return { rows, ...count };
}

export interface OverdueBySpecialist {
  specialistId: string;
  name: string;
  overdue: number;
  /** More than COUNT_CAP: the count stopped there. */
  capped: boolean;
}

/**
 * Overdue reports per specialist, most first — each counted on the owed-reports index
 * (specialist, due day) up to COUNT_CAP, against that specialist's own today.
 */
export async function listOverdueBySpecialist(
  db: DbOrTx,
  viewer: Actor,
  now: Date,
  limit = OVERDUE_SPECIALISTS_LIMIT,
): Promise<OverdueBySpecialist[]> {
  // Named, its days hidden from the planner (db/named-statement.ts): each specialist's walk of
  // their owed-reports index to the cap, whatever the day (planned per call: ≈ 1.1 ms of
  // PostgreSQL's CPU a view at 1,000,000 bookings).
  const rows = await queryNamed<{ specialist_id: string; name: string; overdue: number }>(
    db,
    sql`
    select s.id as specialist_id, s.name, counted.overdue
      from ${specialists} s
      cross join lateral (
        select count(*)::int as overdue from (
          select 1 from ${bookings}
           where ${bookings.specialistId} = s.id
             and ${inOwedStages()}
             and ${bookings.status} = 'active'
             and ${bookings.reportDueOn} < ${hiddenFromPlanner(latestTodayOnEarth(now))}
             and ${bookings.reportDueOn} < examination_local_date(${hiddenFromPlanner(now)}, s.timezone)
             and ${bookingVisibilityCondition(viewer)}
           limit ${limitInText(COUNT_CAP + 1)}
        ) capped
      ) counted
     where counted.overdue > 0
     order by counted.overdue desc, s.name, s.id
     limit ${limitInText(limit)}`,
  );
  return rows.map((row) => ({
    specialistId: row.specialist_id,
    name: row.name,
    overdue: Math.min(row.overdue, COUNT_CAP),
    capped: row.overdue > COUNT_CAP,
  }));
}

export interface NeedsPerson {
  webhooks: Bounded<{
    id: string;
    eventType: string;
    resourceId: string;
    error: string | null;
    createdAt: Date;
  }>;
  emails: Bounded<{ id: string; kind: EmailKind; toAddress: string; error: string | null; createdAt: Date }>;
}

/**
 * What waits for a person: webhook deliveries that failed with no further attempt scheduled
 * (the webhooks page's "Needs a person": unprocessed, an error, no next attempt) and e-mails
 * whose retries are spent (the outbox's "failed"). Newest first, with how many in all.
 */
export async function loadNeedsPerson(db: DbOrTx, limit = NEEDS_PERSON_LIMIT): Promise<NeedsPerson> {
  const webhookWhere = and(
    isNull(webhookEvents.processedAt),
    isNotNull(webhookEvents.error),
    isNull(webhookEvents.nextAttemptAt),
  );
  const emailWhere = eq(outboxEmails.status, "failed");
  const [webhookRows, [webhookCount], emailRows, [emailCount]] = await Promise.all([
    db
      .select({
        id: webhookEvents.id,
        eventType: webhookEvents.eventType,
        resourceId: webhookEvents.resourceId,
        error: webhookEvents.error,
        createdAt: webhookEvents.createdAt,
      })
      .from(webhookEvents)
      .where(webhookWhere)
      .orderBy(desc(webhookEvents.createdAt), desc(webhookEvents.id))
      .limit(limit),
    db.select({ n: count() }).from(webhookEvents).where(webhookWhere),
    db
      .select({
        id: outboxEmails.id,
        kind: outboxEmails.kind,
        toAddress: outboxEmails.toAddress,
        error: outboxEmails.error,
        createdAt: outboxEmails.createdAt,
      })
      .from(outboxEmails)
      .where(emailWhere)
      .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
      .limit(limit),
    db.select({ n: count() }).from(outboxEmails).where(emailWhere),
  ]);
  const stamp = <T extends { createdAt: Date | null }>(rows: T[]) =>
    rows.map((row) => ({ ...row, createdAt: row.createdAt ?? new Date(0) }));
  return {
    webhooks: { rows: stamp(webhookRows), total: webhookCount?.n ?? 0, capped: false },
    emails: { rows: stamp(emailRows), total: emailCount?.n ?? 0, capped: false },
  };
}

export interface WeekOfBookings {
  /** The week's Monday, YYYY-MM-DD in the viewer's zone. */
  week: string;
  counts: Record<ProgressStage, number>;
}

/**
 * Examinations per week (by appointment time, weeks Monday–Sunday in `zone`) for the last
 * `weeks` weeks including this one, split by each booking's current stage. A platform admin's
 * weeks are summed from the hours the database keeps (booking-hour-counts.ts) when the zone's
 * Mondays start on whole UTC hours (every zone but the half- and quarter-hour ones); otherwise, and
 * for anyone who sees less than every booking, the bookings themselves are grouped in SQL.
 */
export async function bookingsPerWeekByStage(
  db: DbOrTx,
  viewer: Actor,
  now: Date,
  zone: string,
  weeks = CHART_WEEKS,
): Promise<WeekOfBookings[]> {
  const { mondays, edges } = chartWeekEdges(now, zone, weeks);
  const rows =
    isPlatformAdmin(viewer) && edges.every(onWholeUtcHour)
      ? await countsBetweenHourEdges(db, edges)
      : await countBookingsBetweenEdges(db, viewer, edges);
  const byWeek = new Map(
    mondays.map((week) => [
      week,
      Object.fromEntries(PROGRESS_STAGES.map((stage) => [stage, 0])) as Record<ProgressStage, number>,
    ]),
  );
  for (const row of rows) {
    const counts = byWeek.get(mondays[row.bucket - 1] ?? "");
    if (counts) counts[row.stage] += row.n;
  }
  return mondays.map((week) => ({ week, counts: byWeek.get(week)! }));
}

/** The chart's weeks: their Mondays (YYYY-MM-DD in `zone`) and the instants they start, and the next. */
export function chartWeekEdges(now: Date, zone: string, weeks = CHART_WEEKS) {
  const thisMonday = mondayOf(localDateIn(now, zone));
  const mondays = Array.from({ length: weeks }, (_, i) => addDays(thisMonday, (i - weeks + 1) * 7));
  const edges = [...mondays, addDays(thisMonday, 7)].map((monday) =>
    zonedTimeToInstant(monday, "00:00", zone),
  );
  return { mondays, edges };
}

/** The viewer's live bookings per stage between consecutive `edges`, grouped from the bookings. */
export async function countBookingsBetweenEdges(
  db: DbOrTx,
  viewer: Actor,
  edges: Date[],
): Promise<BucketCount[]> {
  // Week edges as instants: no zone conversion per row.
  const bucket = sql<number>`width_bucket(${bookings.appointmentDate}, ${instantArray(edges)})`;
  return (
    db
      .select({ bucket, stage: bookings.currentProgress, n: sql<number>`count(*)::int` })
      .from(bookings)
      .where(
        and(
          bookingVisibilityCondition(viewer),
          notArchived(),
          gte(bookings.appointmentDate, edges[0]!),
          lt(bookings.appointmentDate, edges.at(-1)!),
        ),
      )
      // By position: a repeated expression would carry its parameters again.
      .groupBy(sql.raw("1"), sql.raw("2"))
  );
}

export interface AdminHome {
  today: Bounded<HomeBookingRow>;
  overdueBySpecialist: OverdueBySpecialist[];
  needsPerson: NeedsPerson;
  weekly: WeekOfBookings[];
  turnaround: ReportTurnaround[];
  months: string[];
}

/** Everything the operations view shows, queried side by side. */
export async function loadAdminHome(db: DbOrTx, viewer: Actor, now: Date, zone: string): Promise<AdminHome> {
  const [today, overdueBySpecialist, needsPerson, weekly, turnaround] = await Promise.all([
    listTodaysExaminations(db, viewer, now),
    listOverdueBySpecialist(db, viewer, now),
    loadNeedsPerson(db),
    bookingsPerWeekByStage(db, viewer, now, zone),
    medianReportDaysBySpecialist(db, viewer, now, zone),
  ]);
  return { today, overdueBySpecialist, needsPerson, weekly, turnaround, months: chartMonths(now, zone) };
}
