import { and, asc, desc, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { enumWordRows } from "@/db/enum-words";
import {
  hiddenFromPlanner,
  limitInText,
  offsetHiddenFromPlanner,
  runForArrays,
  textValuesHiddenFromPlanner,
} from "@/db/named-statement";
import { bookings, specialists } from "@/db/schema";
import { PROGRESS_STAGES, type BookingStatus, type ProgressStage } from "@/db/schema/enums";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition, searchScopesOf, type SearchScopes } from "@/lib/authz/booking-scope";
import { bookingListStatement } from "./booking-list-statement";
import { BEFORE_EXAM } from "./progress/transitions";
import {
  DEFAULT_BOOKING_SORT,
  filterConditions,
  readsScopedTrigrams,
  searchCondition,
  searchRowTest,
  testedOnRowsAsCommon,
  testedOnRowsOnly,
  viewCondition,
  type BookingListFilters,
  type BookingSort,
  type BookingView,
} from "./booking-list-query";

export interface BookingListRow {
  id: string;
  examineeName: string;
  examineePhone: string;
  appointmentDate: Date;
  appointmentType: "in_person" | "telehealth";
  meetingLink: string | null;
  currentProgress: ProgressStage;
  status: BookingStatus;
  source: string;
  claimNumber: string | null;
  caseManagerReference: string | null;
  specialistId: string;
  specialistName: string;
  specialistTimezone: string | null;
  organizationId: string;
  organizationName: string;
  organizationSlug: string;
  teamId: string | null;
  teamName: string | null;
  createdById: string;
  createdForId: string | null;
  createdAt: Date | null;
  /** Document indicators: a confirmed document of the category exists on the booking. */
  hasBrief: boolean;
  hasConsentForm: boolean;
  /** The newest report, for the row's download action; null when there is none. */
  reportDocumentId: string | null;
  reportFileName: string | null;
}

export interface BookingListOptions {
  limit?: number;
  offset?: number;
  filters?: BookingListFilters;
  /** Examinee name (any part), phone digits (any part), claim number or case manager reference. */
  search?: string;
  /** Upcoming / past / cancelled; none (or "all") lists every booking. */
  view?: BookingView;
  /** The instant "upcoming" and "past" divide at: one value for the list and its counts (or hiddenFromPlanner's). */
  now?: Date | SQL;
  sort?: BookingSort;
  /**
   * How a search's matches are reached (none given: the planner's choice among the plain indexes).
   * - "scoped-keys": through the viewer's scoped trigrams (searchCondition) — a search's count.
   *   (Its rows, when that count was complete, are picked from the ids it found: { matchIds }.)
   * - "walk": its rows past the cap. The planner reads the scoped trigrams as nearly unique and
   *   then fetches and sorts every match, where a search matching thousands is better walked in
   *   the list's order until the page is full; the search is then tested on the rows walked only
   *   and estimated as common (testedOnRowsAsCommon), so no pattern moves the plan off the walk
   *   and the statement keeps one plan (plannedOnce).
   * - { matchIds }: its rows among the matches its count has just found, all of them (a count
   *   under its cap: countSearchMatches). The page's rows are picked from those ids through the
   *   primary key, sorted and paged there — the search's trigrams are not read a second time, and
   *   the statement keeps one plan whatever was searched (issue 14). The viewer's visibility, the
   *   view and the filters are still tested on every row.
   */
  searchBy?: "scoped-keys" | "walk" | { matchIds: readonly string[] };
}

/** Sorts by specialist or stage: each group's page walked in date order (pickInGroups). */
const sortedInGroups = (column: BookingSort["column"]): column is "specialist" | "progress" =>
  column === "specialist" || column === "progress";

/** The WHERE of the list and of every count: visibility first, then view, search and filters. */
export function bookingListWhere(viewer: Actor, options: BookingListOptions): SQL | undefined {
  const visibility = bookingVisibilityCondition(viewer);
  const view = viewCondition(options.view, options.now ?? new Date());
  if (typeof options.searchBy === "object") {
    // Reached through the primary key alone: ANDed with the scope's or a filter's index, the
    // planner would walk that instead when it misjudges how few the ids are.
    return and(
      sql`${bookings.id} = any(${sql.param(options.searchBy.matchIds)}::text[])`,
      testedOnRowsOnly(and(visibility, view, ...filterConditions(options.filters))),
    );
  }
  const { scopes, stages } = scopedTrigramsFor(viewer, options);
  // Found through keys of the viewer's own scopes, the rows are still each held to the policy's
  // condition and the view — only not reached through them (testedOnRowsOnly): ANDed with the
  // scope's index or the view's date range, a rare name's page of 4 read 87,000 index entries.
  const byKeys = readsScopedTrigrams(options.search, scopes);
  // In name order the walk reads a name index, which holds no folded text (booking-list-query.ts, nameTest).
  const byName = options.sort?.column === "examineeName";
  const search = searchCondition(options.search, scopes, stages, byName);
  return and(
    byKeys ? testedOnRowsOnly(visibility) : visibility,
    byKeys ? testedOnRowsOnly(view) : view,
    // Walked, the search is a test of each row passed: read folded where the index holds the folded text.
    options.searchBy === "walk" ? testedOnRowsAsCommon(searchRowTest(options.search, byName)) : search,
    ...filterConditions(options.filters, { stageInKeys: byKeys && stages.length > 0 }),
  );
}

/**
 * Which scoped trigram keys a search reads (searchCondition): none unless asked for
 * (searchBy). The scoped indexes are partial — live bookings (migrations 0026, 0027, 0029)
 * and archived ones (0030) — so the Status filter says which serve: both at once (a hand-written
 * URL; the filter offers one status) and the scoped condition would be tested row by row through
 * scoped_trigrams (≈ 45 µs a row), so the plain trigram indexes serve that search. The stage-keyed
 * ones (0027) hold live bookings only: among archived ones the stage is tested on the rows found.
 */
function scopedTrigramsFor(
  viewer: Actor,
  options: BookingListOptions,
): { scopes: SearchScopes | null; stages: readonly ProgressStage[] } {
  const statuses = options.filters?.status ?? [];
  const archived = statuses.includes("archived");
  if (options.searchBy !== "scoped-keys" || (archived && statuses.length > 1))
    return { scopes: null, stages: [] };
  return { scopes: searchScopesOf(viewer), stages: archived ? [] : (options.filters?.progress ?? []) };
}

/**
 * Whether the list's statements (its page and its tabs' counts) may keep one plan per connection
 * (db/named-statement.ts): not with a search, whose plan hangs on the pattern — unless its rows are
 * walked (searchBy "walk": the pattern is tested on the rows only, so every pattern's best plan is
 * the same walk; planned per call, a search's page spent 1.2–1.9 ms planning it at 1,000,000
 * bookings, more than walking) — nor a date range, whose plan hangs on its width. Stage, specialist and team filters lead an index of their own,
 * and their generic plans were the custom ones (checked at 1,000,000 bookings); Status, Type and
 * Source are written as literal words, so each value is a statement of its own whose kept plan
 * sees it — a scope may hold almost none of one type, and a plan blind to the value counted an
 * insurer's 9 telehealth bookings by walking all its cancelled ones. Planned per call instead,
 * a type-filtered page spent 5–10 ms planning its list and 4–8 ms its counts (54 indexes to weigh).
 */
export const plannedOnce = (options: Pick<BookingListOptions, "search" | "searchBy" | "filters">) => {
  // Picked among the matches' ids, every row is reached through the primary key: one plan serves
  // every search and every date range (their conditions are tested on the rows only).
  if (typeof options.searchBy === "object") return true;
  const filters = options.filters ?? {};
  return (!options.search || options.searchBy === "walk") && !filters.from && !filters.to;
};

/** The order a page's booking ids are picked in (then the id); by specialist or stage: pickInGroups. */
const INNER_SORT = {
  appointmentDate: bookings.appointmentDate,
  examineeName: bookings.examineeName,
  createdAt: bookings.createdAt,
} as const satisfies Record<Exclude<BookingSort["column"], "specialist" | "progress">, unknown>;

/** Groups a sort walks one by one: their key, the order they come in, the booking column they match. */
interface Grouping {
  groups: typeof specialists | SQL;
  key: SQLWrapper;
  order: SQLWrapper;
  bookingColumn: typeof bookings.specialistId | typeof bookings.currentProgress;
}

const BY_SPECIALIST: Grouping = {
  groups: specialists,
  key: specialists.id,
  order: specialists.name,
  bookingColumn: bookings.specialistId,
};

/**
 * The stages a page sorted by progress walks: only those its view and its Progress filter can
 * hold. The view's "not cancelled" is tested on the rows walked, not in the stage index's key, so
 * the cancelled stage's walk in Upcoming or Past read every cancelled booking of the scope and kept
 * none (an administrator's Past by progress at 1,000,000 bookings: 84,600 entries, 31 ms).
 */
export function stagesToWalk(view: BookingView | undefined, asked: readonly ProgressStage[] = []) {
  const inView = PROGRESS_STAGES.filter((stage) =>
    view === "cancelled"
      ? stage === "cancelled"
      : view === "upcoming" || view === "past"
        ? stage !== "cancelled"
        : true,
  );
  return asked.length ? inView.filter((stage) => asked.includes(stage)) : inView;
}

/** The stages as groups, in the text (as the views write theirs: db/enum-words.ts); none: a group-less list. */
function byStage(stages: readonly ProgressStage[]): Grouping {
  return {
    groups: stages.length
      ? sql`(values ${enumWordRows(PROGRESS_STAGES, stages)}) as "stage"("name")`
      : sql`(select null::text as "name" where false) as "stage"`,
    key: sql`"stage"."name"`,
    order: sql`"stage"."name"`,
    bookingColumn: bookings.currentProgress,
  };
}

/**
 * The page's booking ids sorted by specialist (their name) or by progress (the stage), then by the
 * appointment (then the id). Ordered by the group alone, PostgreSQL joined and sorted a whole scope
 * to show 25 rows (by specialist 0.3–0.9 s at a large insurer's size, issue 14), or walked every
 * stage's bookings outside the view before reaching one inside it (Upcoming by stage: every past
 * stage's, 0.2–0.4 s). Here each group's first `offset + limit` bookings are walked in date order
 * (a LATERAL subquery: an index-only walk of the scope's date or stage index, bounded by the view),
 * and only those few are sorted: ≈ 1–12 ms. A sort by a group groups the list, so the appointment
 * orders each group.
 */
function pickInGroups(
  db: DbOrTx,
  viewer: Actor,
  options: BookingListOptions,
  grouping: Grouping,
  direction: typeof asc,
  limit: number,
  offset: number,
) {
  const ofGroup = db
    .select({
      id: sql<string>`${bookings.id}`.as("picked_id"),
      at: sql<Date>`${bookings.appointmentDate}`.as("picked_at"),
    })
    .from(bookings)
    .where(and(eq(grouping.bookingColumn, grouping.key), bookingListWhere(viewer, options)))
    .orderBy(direction(bookings.appointmentDate), direction(bookings.id))
    .limit(limitInText(offset + limit))
    .as("of_group");
  return db
    .select({ id: ofGroup.id })
    .from(grouping.groups)
    .crossJoinLateral(ofGroup)
    .orderBy(direction(grouping.order), direction(ofGroup.at), direction(ofGroup.id))
    .limit(limitInText(limit))
    .offset(offset)
    .$dynamic();
}

/**
 * A few ids (searchBy { matchIds }: a view's count found them all) in a grouped sort's order:
 * each fetched through the primary key and sorted by the specialist's name or the stage, then the
 * appointment — one pass over the ids, not one walk per group testing each of them.
 */
function pickFromIdsInGroupOrder(
  db: DbOrTx,
  viewer: Actor,
  options: BookingListOptions,
  column: "specialist" | "progress",
  direction: typeof asc,
  limit: number,
  offset: number,
) {
  const picking = db
    .select({ id: sql<string>`${bookings.id}`.as("picked_id") })
    .from(bookings)
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    .where(bookingListWhere(viewer, options));
  const group = column === "specialist" ? specialists.name : bookings.currentProgress;
  return picking
    .orderBy(direction(group), direction(bookings.appointmentDate), direction(bookings.id))
    .limit(limitInText(limit))
    .offset(offsetHiddenFromPlanner(offset))
    .$dynamic();
}

/**
 * The view or the Progress filter holds only bookings whose examination is ahead or just behind:
 * Upcoming, or only stages before the examination (scheduled, rescheduled — what has not moved on
 * is a backlog of days, not the history). Their oldest-created are not the table's oldest, and
 * the set is bounded by how far ahead the business books (pickedByCreationFromDates).
 */
function holdsOnlyBookingsAhead(options: BookingListOptions): boolean {
  const asked = options.filters?.progress ?? [];
  return (
    options.view === "upcoming" ||
    (options.view !== "cancelled" && asked.length > 0 && asked.every((stage) => BEFORE_EXAM.includes(stage)))
  );
}

/**
 * Upcoming (or only stages before the examination: holdsOnlyBookingsAhead) sorted by creation,
 * oldest first: the view's bookings read through a date-walk index and the page's oldest-created
 * kept (a top-N sort), not the creation index walked. The oldest-created bookings
 * are the past ones, so that walk tested every past booking before its first upcoming one — an
 * administrator's first page passed 500,049 entries at 1,000,000 bookings (117–167 ms; an insurer's
 * 35–53), growing with the history kept. Upcoming is bounded by how far ahead the business books:
 * read through the scope's date-walk index, which carries the creation time (migration 0037), it
 * stays index-only. Fenced (OFFSET 0): no plan — a kept generic one, blind to the instant Upcoming
 * starts at, included — can fold the read back into the creation walk.
 */
function pickedByCreationFromDates(
  db: DbOrTx,
  viewer: Actor,
  options: BookingListOptions,
  limit: number,
  offset: number,
) {
  const ahead = db
    .select({
      id: sql<string>`${bookings.id}`.as("dated_id"),
      createdAt: sql<Date | null>`${bookings.createdAt}`.as("dated_created_at"),
    })
    .from(bookings)
    .where(bookingListWhere(viewer, options))
    // The fence: a subquery with an OFFSET is never merged into the query around it. (limitInText
    // writes the 0 into the text, as a LIMIT's number is.)
    .offset(limitInText(0))
    .as("ahead");
  return db
    .select({ id: sql<string>`${ahead.id}`.as("picked_id") })
    .from(ahead)
    .orderBy(asc(ahead.createdAt), asc(ahead.id))
    .limit(limitInText(limit))
    .offset(offsetHiddenFromPlanner(offset))
    .$dynamic();
}

/**
 * The select picking the page's booking ids (as `picked_id`), in the sort's order: the only part
 * of the list's statement that carries the viewer's scope, the view, the search and the filters.
 */
export function pickedBookingIds(db: DbOrTx, viewer: Actor, options: BookingListOptions = {}) {
  const sort = options.sort ?? DEFAULT_BOOKING_SORT;
  const direction = sort.direction === "asc" ? asc : desc;
  const limit = options.limit ?? 100;
  const offset = options.offset ?? 0;
  if (sortedInGroups(sort.column) && typeof options.searchBy === "object")
    return pickFromIdsInGroupOrder(db, viewer, options, sort.column, direction, limit, offset);
  if (sort.column === "specialist")
    return pickInGroups(db, viewer, options, BY_SPECIALIST, direction, limit, offset);
  if (sort.column === "progress") {
    const stages = stagesToWalk(options.view, options.filters?.progress);
    return pickInGroups(db, viewer, options, byStage(stages), direction, limit, offset);
  }
  if (sort.column === "createdAt" && sort.direction === "asc" && holdsOnlyBookingsAhead(options))
    return pickedByCreationFromDates(db, viewer, options, limit, offset);
  return db
    .select({ id: sql<string>`${bookings.id}`.as("picked_id") })
    .from(bookings)
    .where(bookingListWhere(viewer, options))
    .orderBy(direction(INNER_SORT[sort.column]), direction(bookings.id))
    .limit(limitInText(limit))
    .offset(offsetHiddenFromPlanner(offset))
    .$dynamic();
}

/**
 * The bookings the viewer may see, filtered, searched and sorted (newest appointment first by
 * default). The visibility condition is always part of the WHERE: no unscoped variant exists.
 *
 * Three steps in one statement: the innermost query picks the page's booking ids (LIMIT/OFFSET)
 * reading only what the WHERE and the order need — for the date and name orders an index-only
 * walk of the scope's index, so a deep page's skipped rows are never read from the table (page
 * 200 fetched 5,000 rows to show 25); the next joins the page's rows to their specialist,
 * organization and team; the outer one adds each row's newest report — no query per row. The
 * last two are fixed for a sort (booking-list-statement.ts).
 */
export async function listBookingsForViewer(
  db: DbOrTx,
  viewer: Actor,
  options: BookingListOptions = {},
): Promise<BookingListRow[]> {
  const sort = options.sort ?? DEFAULT_BOOKING_SORT;
  // A deep page sorted by specialist or stage has a text of its own (each group's walk is as long
  // as the offset): planned for its one use, not kept.
  const named = plannedOnce(options) && !(sortedInGroups(sort.column) && (options.offset ?? 0) > 0);
  // A kept plan is not shown the instant Upcoming and Past divide at, as the tabs' counts' are not
  // (hiddenFromPlanner): each call's own plan saw it, costed the view's walk by it, judged itself
  // cheaper than the kept plan and was made again on every page after the first (issue 14).
  const now = options.now ?? new Date();
  const picking = named && now instanceof Date ? { ...options, now: hiddenFromPlanner(now) } : options;
  const built = bookingListStatement(db, pickedBookingIds(db, viewer, picking), sort);
  // A page after the first: the viewer's scope and filters hidden too (textValuesHiddenFromPlanner).
  const statement = named && (options.offset ?? 0) > 0 ? textValuesHiddenFromPlanner(built) : built;
  return (await runForArrays(db, statement, named)).map((values) => listRowFrom(statement.columns, values));
}

/**
 * A listed booking from its statement's values, in the select list's order. Built field by field:
 * a rest-and-spread copy per row cost ≈ 3.7 µs, more than the rest of the row's work (issue 14).
 * Timestamps arrive as text (runForArrays); the report as { id, fileName } or null.
 */
function listRowFrom(columns: readonly string[], values: unknown[]): BookingListRow {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const value = values[i];
    if (column === "appointmentDate") row.appointmentDate = new Date(value as string);
    else if (column === "createdAt") row.createdAt = value ? new Date(value as string) : null;
    else if (column === "report") {
      const report = value as { id: string; fileName: string } | null;
      row.reportDocumentId = report?.id ?? null;
      row.reportFileName = report?.fileName ?? null;
    } else row[column] = value;
  }
  return row as unknown as BookingListRow;
}
