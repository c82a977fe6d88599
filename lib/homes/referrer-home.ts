/**
 * The referrer's home (`/`): counts by stage, the next 14 days, and what needs them — papers
 * missing before an examination, reports ready, changes made by the specialist's side, overdue
 * reports. Every query is scoped by bookingVisibilityCondition (the policy in SQL), bounded,
 * and counted in the database.
 */
import { and, asc, desc, eq, gte, inArray, lt, not, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { inEnumWords } from "@/db/enum-words";
import { hiddenFromPlanner, limitInText, queryNamed, selectNamed } from "@/db/named-statement";
import { qualifiedColumn } from "@/db/qualified-column";
import { bookingProgress, bookings, documents, members, organizations, specialists } from "@/db/schema";
import { PROGRESS_STAGES, type ProgressStage } from "@/db/schema/enums";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition, memberVisibilityParts } from "@/lib/authz/booking-scope";
import {
  selectHomeLines,
  boundedHomeLines,
  COUNT_CAP,
  countBookingsCapped,
  hasDocument,
  homeBookingColumns,
  isActive,
  isAwaiting,
  papersMissing,
  loadSpecialistZones,
  notArchived,
  notCancelled,
  overdueCondition,
  type Bounded,
  type HomeBookingRow,
  type SpecialistZones,
} from "./shared";

/** How far ahead "upcoming" looks, and how far back "recently changed" looks. */
export const UPCOMING_DAYS = 14;
export const RECENT_CHANGE_DAYS = 14;
/** Each list on the home shows at most this many; "See all" leads to the bookings list. */
export const HOME_LIST_LIMIT = 6;

const DAY_MS = 86_400_000;

/**
 * Past this many, a stage's count reads "1,000+" — as the bookings list it links to counts (its
 * tabs stop at 1,000). To 10,000, a team member's counts walked ≈ 85,000 index entries a home
 * (≈ 8.5 ms of PostgreSQL at 1,000,000 bookings; 3.6 ms an owner's), and the list behind the
 * tile then said "1,000+" anyway.
 */
export const STAGE_COUNT_CAP = 1_000;

export type StageCounts = Record<ProgressStage, { total: number; capped: boolean }>;

/**
 * How many bookings the viewer sees in each stage — archived ones left out, as the bookings list
 * does — each counted in the database up to STAGE_COUNT_CAP (an index-only walk of migration
 * 0015's organization/specialist index that stops there, not a count of a whole provider's book).
 */
export async function countBookingsByStage(db: DbOrTx, viewer: Actor): Promise<StageCounts> {
  const stages = sql.join(
    PROGRESS_STAGES.map((stage) => sql`(${stage})`),
    sql`, `,
  );
  // A team member's view counted part by part (their teams, team-less, their own elsewhere): each
  // part an index range holding only what they see, not the organization's range tested row by row.
  // The parts do not overlap, and one limit over them all stops at the cap: once their teams' part
  // has passed it, the others are not read (each part counted to the cap on its own read them all).
  const parts = memberVisibilityParts(viewer) ?? [bookingVisibilityCondition(viewer)];
  const limit = limitInText(STAGE_COUNT_CAP + 1);
  const inStage = parts.map(
    (part) => sql`(select 1 from ${bookings}
           where ${part} and ${notArchived()} and ${bookings.currentProgress} = stage.name
           limit ${limit})`,
  );
  // Named: no value in it changes its plan (each part one index range per stage), and planning
  // its 7 × parts subqueries against every index on bookings cost ≈ 2 ms a home (issue 14).
  const rows = await queryNamed<{ stage: ProgressStage; n: number }>(
    db,
    sql`
    select stage.name as stage,
           (select count(*) from (
              select 1 from (${sql.join(inStage, sql` union all `)}) as parts limit ${limit}
            ) capped)::int as n
      from (values ${stages}) as stage(name)`,
  );
  const counts = Object.fromEntries(
    PROGRESS_STAGES.map((stage) => [stage, { total: 0, capped: false }]),
  ) as StageCounts;
  for (const row of rows) {
    counts[row.stage] = { total: Math.min(row.n, STAGE_COUNT_CAP), capped: row.n > STAGE_COUNT_CAP };
  }
  return counts;
}

/** Examinations in the next 14 days (not cancelled), soonest first. */
export function listUpcomingExaminations(db: DbOrTx, viewer: Actor, now: Date, limit = HOME_LIST_LIMIT) {
  return boundedHomeLines(
    db,
    and(
      bookingVisibilityCondition(viewer),
      notCancelled(),
      gte(bookings.appointmentDate, hiddenFromPlanner(now)),
      lt(bookings.appointmentDate, hiddenFromPlanner(new Date(now.getTime() + UPCOMING_DAYS * DAY_MS))),
    )!,
    [asc(bookings.appointmentDate), asc(bookings.id)],
    { limit },
  );
}

/**
 * Needs you: examinations still ahead whose brief or consent form is not in yet, soonest first.
 * Past examinations are not listed (too late to matter), nor cancelled or closed bookings.
 */
export function listMissingPapers(db: DbOrTx, viewer: Actor, now: Date, limit = HOME_LIST_LIMIT) {
  return boundedHomeLines(
    db,
    and(
      bookingVisibilityCondition(viewer),
      isActive(),
      isAwaiting(),
      gte(bookings.appointmentDate, hiddenFromPlanner(now)),
      papersMissing(),
    )!,
    [asc(bookings.appointmentDate), asc(bookings.id)],
    { limit },
  );
}

/** Needs you (to chase): reports past their due day and still not delivered, the longest overdue first. */
export async function listOverdueReports(
  db: DbOrTx,
  viewer: Actor,
  now: Date,
  limit = HOME_LIST_LIMIT,
  zones?: SpecialistZones,
) {
  return boundedHomeLines(
    db,
    and(bookingVisibilityCondition(viewer), overdueCondition(now, zones ?? (await loadSpecialistZones(db))))!,
    [asc(bookings.reportDueOn), asc(bookings.appointmentDate), asc(bookings.id)],
    { limit },
  );
}

export interface ReadyReport extends HomeBookingRow {
  documentId: string;
  fileName: string;
  uploadedAt: Date;
}

/**
 * Needs you: reports ready to download — bookings in "report ready" that have a report, the
 * latest examinations first (walked in date order on the organization's index, so a large book
 * costs no sort), each with its newest report document.
 */
export async function listReadyReports(
  db: DbOrTx,
  viewer: Actor,
  limit = HOME_LIST_LIMIT,
): Promise<Bounded<ReadyReport>> {
  const where = and(
    bookingVisibilityCondition(viewer),
    eq(bookings.currentProgress, "report_generated"),
    notArchived(),
    hasDocument("report"),
  )!;
  // Named, both: no time bound or pattern in them, one index range whatever the values — and
  // planned per call they cost PostgreSQL ≈ 1.5 ms each of planning against ≈ 1 ms of execution.
  const [rows, count] = await Promise.all([
    selectNamed(
      selectHomeLines(db)
        .where(where)
        .orderBy(desc(bookings.appointmentDate), desc(bookings.id))
        .limit(limitInText(limit)),
    ),
    countBookingsCapped(db, where, [desc(bookings.appointmentDate)], COUNT_CAP, true),
  ]);
  if (rows.length === 0) return { rows: [], ...count };
  const reports = await db
    .selectDistinctOn([documents.bookingId], {
      bookingId: documents.bookingId,
      id: documents.id,
      fileName: documents.fileName,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .where(
      and(
        inArray(
          documents.bookingId,
          rows.map((row) => row.id),
        ),
        eq(documents.category, "report"),
      ),
    )
    .orderBy(documents.bookingId, desc(documents.createdAt), desc(documents.id));
  const newest = new Map(reports.map((report) => [report.bookingId, report]));
  return {
    rows: rows.flatMap((row) => {
      const report = newest.get(row.id);
      return report
        ? [
            {
              ...row,
              documentId: report.id,
              fileName: report.fileName,
              uploadedAt: report.createdAt ?? new Date(0),
            },
          ]
        : [];
    }),
    ...count,
  };
}

export interface SpecialistSideChange extends HomeBookingRow {
  change: "rescheduled" | "cancelled";
  changedAt: Date;
  /** The time it moved from, for a reschedule that recorded it. */
  movedFrom: Date | null;
}

/** The stages a change by the specialist's side leaves a booking in, as literals (migration 0017's index predicate). */
const CHANGED_STAGES = ["rescheduled", "cancelled"] as const satisfies readonly ProgressStage[];

/**
 * Needs you: bookings rescheduled or cancelled in the last 14 days by someone outside the
 * booking's organization — the specialist, the IME office, or Acuity on their behalf — and still
 * in that stage; the latest such change per booking, latest first. A change an admin made while
 * acting as a member of the organization counts as the organization's own.
 *
 * Walked from the booking side: the viewer's bookings now rescheduled or cancelled whose latest
 * progress row is recent (`last_progress_at`, kept by the database — migration 0017), latest
 * first, each joined to its own latest reschedule or cancellation. A booking's latest progress
 * row is the change that left it in that stage, so this is the order of the changes themselves.
 */
export async function listSpecialistSideChanges(
  db: DbOrTx,
  viewer: Actor,
  now: Date,
  limit = HOME_LIST_LIMIT,
): Promise<Bounded<SpecialistSideChange>> {
  const since = hiddenFromPlanner(new Date(now.getTime() - RECENT_CHANGE_DAYS * DAY_MS));
  const latestChange = db
    .select({
      progress: bookingProgress.progress,
      createdAt: bookingProgress.createdAt,
      appointmentFrom: bookingProgress.appointmentFrom,
      changedById: bookingProgress.changedById,
      changedForId: bookingProgress.changedForId,
    })
    .from(bookingProgress)
    .where(
      and(
        sql`${bookingProgress.bookingId} = ${qualifiedColumn(bookings.id)}`,
        inEnumWords(bookingProgress.progress, PROGRESS_STAGES, CHANGED_STAGES),
      ),
    )
    .orderBy(desc(bookingProgress.createdAt), desc(bookingProgress.id))
    .limit(limitInText(1))
    .as("change");
  const byTheOrganization = sql`exists (select 1 from ${members} m where m.organization_id = ${qualifiedColumn(bookings.organizationId)} and m.user_id in (${latestChange.changedById}, ${latestChange.changedForId}))`;
  const where = and(
    bookingVisibilityCondition(viewer),
    notArchived(),
    inEnumWords(bookings.currentProgress, PROGRESS_STAGES, CHANGED_STAGES),
    gte(bookings.lastProgressAt, since),
    gte(latestChange.createdAt, since),
    not(byTheOrganization),
  );
  const order = [desc(bookings.lastProgressAt), desc(bookings.id)];
  const matching = db
    .select({ one: sql`1` })
    .from(bookings)
    .innerJoinLateral(latestChange, sql`true`)
    .where(where)
    .orderBy(order[0]!)
    .limit(limitInText(COUNT_CAP + 1))
    .as("matching");
  // Named, both, as a home's bounded lists are (shared.ts, boundedHomeLines): "the last 14 days"
  // walked in the order of migration 0017's index, whatever the values.
  const [rows, [count]] = await Promise.all([
    selectNamed(
      db
        .select({
          ...homeBookingColumns,
          change: sql<"rescheduled" | "cancelled">`${latestChange.progress}`,
          changedAt: sql<Date>`${latestChange.createdAt}`.mapWith((value: string | Date) => new Date(value)),
          movedFrom: sql<Date | null>`${latestChange.appointmentFrom}`.mapWith(
            (value: string | Date) => new Date(value),
          ),
        })
        .from(bookings)
        .innerJoinLateral(latestChange, sql`true`)
        .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
        .innerJoin(organizations, eq(organizations.id, bookings.organizationId))
        .where(where)
        .orderBy(...order)
        .limit(limitInText(limit)),
    ),
    selectNamed(db.select({ total: sql<number>`count(*)::int` }).from(matching)),
  ]);
  const total = count?.total ?? 0;
  return { rows, total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}

export interface ReferrerHome {
  stageCounts: StageCounts;
  upcoming: Bounded<HomeBookingRow>;
  missingPapers: Bounded<HomeBookingRow>;
  readyReports: Bounded<ReadyReport>;
  specialistChanges: Bounded<SpecialistSideChange>;
  overdue: Bounded<HomeBookingRow>;
}

/** Everything the referrer's home shows, queried side by side. */
export async function loadReferrerHome(db: DbOrTx, viewer: Actor, now: Date): Promise<ReferrerHome> {
  const [stageCounts, upcoming, missingPapers, readyReports, specialistChanges, overdue] = await Promise.all([
    countBookingsByStage(db, viewer),
    listUpcomingExaminations(db, viewer, now),
    listMissingPapers(db, viewer, now),
    listReadyReports(db, viewer),
    listSpecialistSideChanges(db, viewer, now),
    listOverdueReports(db, viewer, now),
  ]);
  return { stageCounts, upcoming, missingPapers, readyReports, specialistChanges, overdue };
}
