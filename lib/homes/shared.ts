/**
 * What the three homes (referrer `/`, specialist `/specialist`, admin `/admin`) share: the
 * columns of a booking line, the "report owed" and "overdue" rules as SQL, and small date keys.
 * Every query over bookings in lib/homes is ANDed with bookingVisibilityCondition (the policy's
 * SQL twin) and bounded with LIMIT; counts are COUNT(*) in the database, never rows counted here.
 */
import { and, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { inEnumWords } from "@/db/enum-words";
import { hiddenFromPlanner, limitInText, selectNamed } from "@/db/named-statement";
import { qualifiedColumn } from "@/db/qualified-column";
import { bookings, documents, organizations, specialists } from "@/db/schema";
import { PROGRESS_STAGES } from "@/db/schema/enums";
import type { AppointmentType, BookingStatus, DocumentCategory, ProgressStage } from "@/db/schema/enums";
import { addDays, isValidTimeZone, localDateIn } from "@/lib/time/zoned";

/**
 * The stages in which a report is still owed once the examination time has passed — the
 * predicate of the partial indexes `idx_bookings_report_owed_*` (migration 0014), written the
 * same way so the planner can use them.
 */
export const REPORT_OWED_STAGES = [
  "scheduled",
  "rescheduled",
  "generating_report",
] as const satisfies readonly ProgressStage[];
/** The examination is still ahead in these stages (what "before the examination" means). */
export const AWAITING_STAGES = ["scheduled", "rescheduled"] as const satisfies readonly ProgressStage[];

/**
 * `current_progress IN (…owed…)` with the values as literals, not parameters: the planner proves
 * a partial index's predicate only from constants it can see.
 */
export const inOwedStages = () => inEnumWords(bookings.currentProgress, PROGRESS_STAGES, REPORT_OWED_STAGES);

/**
 * "The booking has a document of this category" — the booking's id qualified
 * (db/qualified-column.ts). A scalar subquery, not EXISTS: the planner would turn an EXISTS into a
 * hash of every brief on the platform (hundreds of thousands at a large provider's size); this is
 * one probe of idx_documents_booking_category per booking the list actually reads.
 */
export const hasDocument = (category: DocumentCategory) =>
  sql<boolean>`coalesce((select true from ${documents} where ${documents.bookingId} = ${qualifiedColumn(bookings.id)} and ${documents.category} = ${category} limit 1), false)`;

/**
 * The booking is missing its brief or its consent form: the columns migration 0020 keeps from the
 * documents, written as the literal of its partial index `idx_bookings_papers_missing_organization`.
 */
export const papersMissing = () => sql`(not ${bookings.hasBrief} or not ${bookings.hasConsentForm})`;

/** No brief yet — the literal of migration 0020's `idx_bookings_brief_missing_specialist`. */
export const briefMissing = () => sql`not ${bookings.hasBrief}`;

/** Active bookings, as the literal of migrations 0016/0017's partial indexes (owed reports, awaiting examinations). */
export const isActive = () => sql`${bookings.status} = 'active'`;

/**
 * `current_progress IN ('scheduled', 'rescheduled')` as literals — the predicate of migration
 * 0017's `idx_bookings_awaiting_*`, which "papers missing", "briefs missing" and "attendance to
 * confirm" walk in date order.
 */
export const isAwaiting = () => inEnumWords(bookings.currentProgress, PROGRESS_STAGES, AWAITING_STAGES);

/** The columns of one booking line on a home (joins: specialists, organizations). */
export const homeBookingColumns = {
  id: bookings.id,
  examineeName: bookings.examineeName,
  appointmentDate: bookings.appointmentDate,
  appointmentType: bookings.appointmentType,
  meetingLink: bookings.meetingLink,
  currentProgress: bookings.currentProgress,
  status: bookings.status,
  organizationName: organizations.name,
  specialistName: specialists.name,
  specialistLocation: specialists.location,
  specialistTimezone: specialists.timezone,
  reportDueOn: bookings.reportDueOn,
  hasBrief: bookings.hasBrief,
  hasConsentForm: bookings.hasConsentForm,
};

export interface HomeBookingRow {
  id: string;
  examineeName: string;
  appointmentDate: Date;
  appointmentType: AppointmentType;
  meetingLink: string | null;
  currentProgress: ProgressStage;
  status: BookingStatus;
  organizationName: string;
  specialistName: string;
  /** The specialist's address; null = telehealth only. */
  specialistLocation: string | null;
  specialistTimezone: string | null;
  /** YYYY-MM-DD in the specialist's days (kept by the database, migration 0014). */
  reportDueOn: string | null;
  hasBrief: boolean;
  hasConsentForm: boolean;
}

/** A bounded list and how many there are in all (the "See all (n)" beside it). */
export interface Bounded<T> {
  rows: T[];
  /** Exact up to COUNT_CAP; `capped` says there are more ("1,000+"). */
  total: number;
  capped: boolean;
}

/**
 * Today as YYYY-MM-DD at the far east of the world (UTC+14): no specialist's today is later, so
 * `report_due_on < this` is an index range that holds every overdue report — the exact
 * per-specialist test (`overdueCondition`) then runs on the rows in it.
 */
export const latestTodayOnEarth = (now: Date) => localDateIn(now, "Etc/GMT-14");

/**
 * The report is owed: examined (or the examination time passed) and not delivered yet — the
 * report in progress, or the booking still waiting for the examination whose time has passed.
 * Only active bookings (closed and archived ones are done with).
 */
export function reportOwedCondition(now: Date): SQL {
  return and(
    inOwedStages(),
    isActive(),
    or(
      eq(bookings.currentProgress, "generating_report"),
      sql`${bookings.appointmentDate} <= ${hiddenFromPlanner(now)}`,
    ),
  )!;
}

/**
 * The specialists' calendar zones, grouped: zone → specialist ids (an unknown or unset zone reads
 * as UTC, as the database's `examination_local_date` does). Specialists are a platform's
 * calendars — tens, not millions — so "each specialist's today" becomes a few constant ranges in
 * the WHERE instead of a zone conversion per booking row.
 */
export async function loadSpecialistZones(db: DbOrTx): Promise<SpecialistZones> {
  const rows = await db.select({ id: specialists.id, timezone: specialists.timezone }).from(specialists);
  const zones: SpecialistZones = new Map();
  for (const row of rows) {
    const zone = row.timezone && isValidTimeZone(row.timezone) ? row.timezone : "UTC";
    zones.set(zone, [...(zones.get(zone) ?? []), row.id]);
  }
  return zones;
}
export type SpecialistZones = Map<string, string[]>;

/** `or` over the zones of `build(zone, ids)`; false when there are no specialists. */
export function perZone(
  zones: SpecialistZones,
  build: (zone: string, ids: string[]) => SQL | undefined,
): SQL {
  const parts = [...zones].map(([zone, ids]) => build(zone, ids));
  return parts.length > 0 ? or(...parts)! : sql`false`;
}

/**
 * Overdue: owed, and the specialist's today (their calendar's zone) is past the due day — the
 * rule of lib/bookings/report-due-date.ts `isReportOverdue`. `report_due_on < latestTodayOnEarth`
 * is the index range (idx_bookings_report_owed_*); the per-zone test is exact.
 */
export function overdueCondition(now: Date, zones: SpecialistZones): SQL {
  return and(
    inOwedStages(),
    isActive(),
    lt(bookings.reportDueOn, hiddenFromPlanner(latestTodayOnEarth(now))),
    perZone(zones, (zone, ids) =>
      and(
        inArray(bookings.specialistId, ids),
        lt(bookings.reportDueOn, hiddenFromPlanner(localDateIn(now, zone))),
      ),
    ),
  )!;
}

/**
 * Bookings that are not archived, written as the literal of migration 0015's partial indexes
 * (`idx_bookings_live_*`) so the planner can use them.
 */
export const notArchived = () => sql`${bookings.status} <> 'archived'`;

/** Examinations still to attend (not cancelled), in bookings that are not archived. */
export const notCancelled = () => and(sql`${bookings.currentProgress} <> 'cancelled'`, notArchived())!;

/** Whole days from `from` to `to` (YYYY-MM-DD keys; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The Monday of the week holding `day` (YYYY-MM-DD), weeks running Monday to Sunday. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * Caps a count at `cap` in SQL ("100+"): on a home a list's count says "a few" or "many"; counting
 * a large provider's thousands exactly costs more than the number tells a person.
 */
export const COUNT_CAP = 100;

/**
 * How many bookings match `where`, counted in the database up to `cap` — the inner LIMIT stops the
 * scan there. `where` reads bookings' own columns only: no join, so the planner walks the list's
 * index in the list's order and stops (joined to specialists it drove the count from the
 * specialists table and sorted every candidate — 200 ms for an organization's "papers missing").
 */
export async function countBookingsCapped(
  db: DbOrTx,
  where: SQL | undefined,
  /** The list's own order: the count walks the same index and stops at the cap (no scan of the rest). */
  order: SQL[] = [],
  cap = COUNT_CAP,
  /** Run as a named statement (db/named-statement.ts): only for a WHERE no value of which changes its plan. */
  planOnce = false,
): Promise<{ total: number; capped: boolean }> {
  const matching = db
    .select({ one: sql`1` })
    .from(bookings)
    .where(where)
    .orderBy(...order)
    .limit(limitInText(cap + 1))
    .as("matching");
  const counting = db.select({ total: sql<number>`count(*)::int` }).from(matching);
  const [row] = await (planOnce ? selectNamed(counting) : counting);
  const total = row?.total ?? 0;
  return total > cap ? { total: cap, capped: true } : { total, capped: false };
}

/** Booking lines with their specialist and organization joined: add the WHERE, order and limit. */
export function selectHomeLines(db: DbOrTx) {
  return db
    .select(homeBookingColumns)
    .from(bookings)
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    .innerJoin(organizations, eq(organizations.id, bookings.organizationId));
}

/**
 * One bounded list of a home: a page of lines in `order` and, side by side, how many match in
 * all (capped, walking the same index as the list: the count follows `order`'s first key).
 *
 * Both named (db/named-statement.ts), their limit and offset in the text: a home's lists are the
 * viewer's scope and a bound a fixed distance from now (the next 14 days, still ahead, past due),
 * walked in the order of an index whatever the values — and planned per call, each cost
 * PostgreSQL 0.5–1.3 ms of planning against 0.1–0.6 ms of execution at 1,000,000 bookings, most
 * of a home's database time (issue 14).
 */
export async function boundedHomeLines(
  db: DbOrTx,
  where: SQL | undefined,
  order: SQL[],
  page: { limit: number; offset?: number },
): Promise<Bounded<HomeBookingRow>> {
  const lines = selectHomeLines(db)
    .where(where)
    .orderBy(...order)
    .limit(limitInText(page.limit))
    .$dynamic();
  const [rows, count] = await Promise.all([
    selectNamed(page.offset ? lines.offset(limitInText(page.offset)) : lines),
    countBookingsCapped(db, where, order.slice(0, 1), COUNT_CAP, true),
  ]);
  return { rows, ...count };
}
