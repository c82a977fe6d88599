import { desc, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { hiddenFromPlanner, limitInText, queryNamed } from "@/db/named-statement";
import { bookings } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { searchRowTest, viewCondition, type BookingView } from "./booking-list-query";
import { dateWalkBudget, dateWalkTrigrams, nameTrigramStatistics } from "./common-name-trigrams";
import { bookingListWhere, plannedOnce, type BookingListOptions } from "./list-bookings";
import { searchTerms } from "./search-terms";

/**
 * Past this many matches a tab says "1,000+". Each tab's count walks its index entries up to the
 * cap, and at a large insurer's size (333,000 bookings) every tab is past it: to 10,000 that was
 * ≈ 8 ms of PostgreSQL per tab, three tabs a page, the largest part of the database's share of a
 * page — to 1,000, under 1 ms (issue 14). "1,000+" (40 pages of 25) says as much to someone paging
 * a list, and the home's counts by stage, which lead here, stop there too. A deep page keeps the
 * cap: its own rows say how far its view goes at least (viewOnThisPage in list-booking-page.ts).
 */
export const BOOKING_COUNT_CAP = 1_000;

/**
 * The tabs the reader is not on count to 100 ("Past 100+"): a badge is a glance, and the list's own
 * view keeps its 1,000. At a large insurer's size each tab's walk to 1,001 was ≈ 0.5 ms of
 * PostgreSQL, the largest part of the database's share of an unsearched page; two of them to 101,
 * ≈ 0.1 (issue 14).
 */
export const TAB_BADGE_CAP = 100;

/**
 * A search's matches are counted to 250 ("250+ bookings match the search"), not 1,000: its count
 * pass fetches each match from the table (or, for two letters, walks the date index with a regex a
 * name) until one past the cap, so the work is the cap's. At 1,000,000 bookings that pass was most
 * of a broad search's PostgreSQL time — two letters ≈ 8.8 → 4.8 ms a page over HTTP, an insurer's
 * "brenn" 1–2 ms less. 250 is ten pages of 25: past that, the page asks to narrow the search, and someone
 * looking for one examinee does. Lower caps walk further for a page's rows: a search with more
 * matches than the cap finds them in date order (list-booking-page.ts), and one just past 250 in
 * an insurer's 333,000 bookings walked as much as finding all 260 through the trigrams cost.
 */
export const SEARCH_COUNT_CAP = 250;

const isWordStartSearch = (search: string | undefined) => searchTerms(search).name?.match === "word-start";

export interface BookingCount {
  total: number;
  /**
   * true when there may be more than `total` — the count stopped at its cap, or it is what a
   * search's capped pass saw of this tab (countBookingViews). Read "1,000+": at least `total`.
   */
  capped: boolean;
}

// `now` a Date here: hiddenFromPlanner's subquery is made from it where a count keeps its plan.
type CountOptions = Pick<BookingListOptions, "filters" | "search" | "view"> & { now?: Date };

/**
 * The rows a count walks, to the cap: a search's through its trigram indexes; everything else —
 * and two letters, which the trigram index serves only platform-wide — in date order, so the
 * planner walks a (…, appointment_date) index and stops at the cap (unordered, it took a
 * sequential scan for the cheapest way to the first 10,001 rows; the name index reached the first
 * "Li…" after 136,000 rows, where names and dates are uncorrelated).
 */
function cappedMatches(
  db: DbOrTx,
  viewer: Actor,
  options: Pick<BookingListOptions, "filters" | "search" | "view" | "now">,
  cap: number,
  /** Each match's id (as `picked_id`) rather than a bare 1. */
  withIds = false,
) {
  const matching = db
    .select(withIds ? { pickedId: sql<string>`${bookings.id}`.as("picked_id") } : { one: sql`1` })
    .from(bookings)
    .where(bookingListWhere(viewer, options))
    .$dynamic();
  const walked =
    options.search && !isWordStartSearch(options.search)
      ? matching
      : matching.orderBy(desc(bookings.appointmentDate));
  return walked.limit(limitInText(cap + 1));
}

const capped = (total: number, cap: number): BookingCount =>
  total > cap ? { total: cap, capped: true } : { total, capped: false };

/** How many bookings the viewer's list holds with these filters — exact up to the cap. */
export async function countBookingsForViewer(
  db: DbOrTx,
  viewer: Actor,
  options: CountOptions = {},
  cap = BOOKING_COUNT_CAP,
): Promise<BookingCount> {
  const view = options.view ?? "all";
  return (await countViewsInOneStatement(db, viewer, options, [{ view, cap }])).counts[view]!;
}

/**
 * Views' counts in ONE statement, a scalar subquery each: a page's three tab counts were three
 * round trips, each taking a pooled connection — at a large insurer's size the statements
 * themselves take under a millisecond, and their protocol and pool work was as much again (issue 14).
 */
async function countViewsInOneStatement(
  db: DbOrTx,
  viewer: Actor,
  options: Omit<CountOptions, "view">,
  views: readonly { view: BookingView; cap: number }[],
  alongside?: SQL,
  /** A view whose matches' ids come along (column `ids`: a JSON array) when they are no more than `upTo`. */
  idsOf?: { view: BookingView; upTo: number },
): Promise<{ counts: Partial<Record<BookingView, BookingCount>>; row: Record<string, unknown> }> {
  // Another cap (a caller's own bound) is a text of its own: planned for its one use, not kept.
  const kept =
    plannedOnce(options) && views.every(({ cap }) => cap === BOOKING_COUNT_CAP || cap === TAB_BADGE_CAP);
  // A kept plan is not shown the instant (db/named-statement.ts, hiddenFromPlanner).
  const viewOptions = kept ? { ...options, now: hiddenFromPlanner(options.now ?? new Date()) } : options;
  const counted = sql.join(
    views.map(
      ({ view, cap }, i) =>
        sql`(select count(*)::int from ${cappedMatches(db, viewer, { ...viewOptions, view }, cap)} as ${sql.identifier(`m${i}`)}) as ${sql.identifier(view)}`,
    ),
    sql`, `,
  );
  const ids = idsOf
    ? sql`, (select case when count(*) <= ${sql.raw(String(idsOf.upTo))} then coalesce(json_agg("few"."picked_id"), '[]') end
              from ${cappedMatches(db, viewer, { ...viewOptions, view: idsOf.view }, idsOf.upTo, true)} as "few") as "ids"`
    : sql``;
  const statement = alongside ? sql`select ${counted}${ids}, ${alongside}` : sql`select ${counted}${ids}`;
  const rows = kept
    ? await queryNamed<Record<string, unknown>>(db, statement)
    : (await db.execute<Record<string, unknown>>(statement)).rows;
  const row = rows[0]!;
  return {
    counts: Object.fromEntries(views.map(({ view, cap }) => [view, capped(Number(row[view]), cap)])),
    row,
  };
}

export type BookingViewCounts = Record<BookingView, BookingCount>;

const exact = (total: number): BookingCount => ({ total, capped: false });

/**
 * A search's matches are found through its trigram index — once per tab, that is the same rows
 * fetched from the table three times (a name search at 1,000,000 bookings: 7,143 rows, three
 * times over, for 1,385 matches). One pass sorts up to `cap` + 1 matches into their tabs instead:
 * complete when they are all there is; otherwise `found` is how many each tab had among them.
 * Two letters find names with a word starting with them: the trigram index cannot narrow that to an
 * organization or a specialist ("ko" is every "Ko…" on the platform), so they are walked in date
 * order through the scope's date index, which carries the name (migration 0018).
 */
async function countSearchViewsInOnePass(
  db: DbOrTx,
  viewer: Actor,
  options: Omit<CountOptions, "view"> & { now: Date },
  cap: number,
  alongside?: SQL,
): Promise<SearchPass> {
  const tab = tabOf(options.now);
  const picking = db
    .select({ tab: tab.as("tab"), id: sql<string>`${bookings.id}`.as("match_id") })
    .from(bookings)
    .where(bookingListWhere(viewer, { ...options, view: "all", searchBy: "scoped-keys" }))
    .$dynamic();
  // Two letters: in date order, as countBookingsForViewer walks them.
  const matching = (
    isWordStartSearch(options.search) ? picking.orderBy(desc(bookings.appointmentDate)) : picking
  )
    .limit(cap + 1)
    .as("matching");
  // Each tab's matches' ids come along (the pass has the rows in hand) when they are all there
  // is: the page's rows are then picked from them rather than found through the trigrams again.
  // Past the cap they are no use (the page walks), so they are not sent.
  const { tabs, row } = await tabsInOneRow<{ tab: Tab; total: number; ids: string[] | null }>(
    db,
    db
      .select({
        tab: matching.tab,
        total: sql<number>`count(*)::int`.as("total"),
        ids: sql<string[] | null>`case when sum(count(*)) over () <= ${sql.raw(String(cap))}
          then array_agg(${matching.id}) end`.as("ids"),
      })
      .from(matching)
      .groupBy(matching.tab),
    alongside,
  );
  const found = eachTab(tabs, (t) => t.total, 0);
  const complete = found.upcoming + found.past + found.cancelled <= cap;
  return { found, matchIds: complete ? eachTab(tabs, (t) => t.ids ?? [], []) : null, alongside: row };
}

/**
 * A statement's rows grouped by tab, as one JSON column (`tabs`), with `alongside`'s columns
 * beside it in the same one row: a search's count pass carries the page's filter choices, one
 * statement fewer a page (issue 14) — and a pass that finds nothing still returns its row.
 */
async function tabsInOneRow<TabRow>(
  db: DbOrTx,
  grouped: SQLWrapper,
  alongside?: SQL,
): Promise<{ tabs: TabRow[]; row: Record<string, unknown> }> {
  const tabs = sql`coalesce((select json_agg("by_tab") from ${grouped} as "by_tab"), '[]'::json) as "tabs"`;
  const statement = alongside ? sql`select ${tabs}, ${alongside}` : sql`select ${tabs}`;
  const row = (await db.execute<Record<string, unknown>>(statement)).rows[0]!;
  return { tabs: row.tabs as TabRow[], row };
}

type Tab = Exclude<BookingView, "all">;
type FoundInTabs = Record<Tab, number>;

/** A search's count pass: each tab's matches among the first `cap` + 1. */
interface SearchPass {
  found: FoundInTabs;
  /** Each tab's matches' ids when the pass found them all (its counts are then exact); null past the cap. */
  matchIds: Record<Tab, string[]> | null;
  /** The row the pass's statement returned, with the columns asked for alongside (tabsInOneRow). */
  alongside: Record<string, unknown>;
}

/** A value for each tab from rows grouped by tab; `none` for a tab without a row. */
function eachTab<Row extends { tab: BookingView }, T>(
  rows: Row[],
  value: (row: Row) => T,
  none: T,
): Record<Tab, T> {
  const of = (tab: Tab) => {
    const row = rows.find((r) => r.tab === tab);
    return row ? value(row) : none;
  };
  return { upcoming: of("upcoming"), past: of("past"), cancelled: of("cancelled") };
}

/** The same conditions as the tabs' (viewCondition), in the order that tells them apart. */
const tabOf = (now: Date) => sql<BookingView>`case when ${viewCondition("cancelled", now)} then 'cancelled'
    when ${viewCondition("upcoming", now)} then 'upcoming' else 'past' end`;

/**
 * A common fragment's first `cap` + 1 matches among the viewer's newest `budget` bookings, sorted
 * into tabs — or null when fewer are there (the walk proves nothing; the trigram pass counts).
 * The budget bounds the bookings read, the cap stops the walk as soon as it is reached: the
 * newest `budget` are walked in date order through the scope's date index (which carries the name,
 * claim and reference, migrations 0028 and 0033), each tested with the exact match
 * (common-name-trigrams.ts).
 */
export async function countSearchViewsByDateWalk(
  db: DbOrTx,
  viewer: Actor,
  options: Omit<CountOptions, "view"> & { now: Date },
  cap: number,
  budget: number,
): Promise<FoundInTabs | null> {
  return (await dateWalkPass(db, viewer, options, cap, budget)).found;
}

/** countSearchViewsByDateWalk's pass, with `alongside`'s columns in its row (tabsInOneRow). */
async function dateWalkPass(
  db: DbOrTx,
  viewer: Actor,
  options: Omit<CountOptions, "view"> & { now: Date },
  cap: number,
  budget: number,
  alongside?: SQL,
): Promise<{ found: FoundInTabs | null; row: Record<string, unknown> }> {
  const walked = db
    .select({
      tab: tabOf(options.now).as("tab"),
      hit: sql<boolean>`${searchRowTest(options.search)}`.as("hit"),
    })
    .from(bookings)
    .where(bookingListWhere(viewer, { ...options, search: undefined, view: "all" }))
    .orderBy(desc(bookings.appointmentDate))
    .limit(budget)
    .as("walked");
  const matching = db
    .select({ tab: walked.tab })
    .from(walked)
    .where(sql`${walked.hit}`)
    .limit(cap + 1)
    .as("matching");
  const { tabs, row } = await tabsInOneRow<{ tab: Tab; total: number }>(
    db,
    db
      .select({ tab: matching.tab, total: sql<number>`count(*)::int`.as("total") })
      .from(matching)
      .groupBy(matching.tab),
    alongside,
  );
  const found = eachTab(tabs, (t) => t.total, 0);
  return { found: found.upcoming + found.past + found.cancelled > cap ? found : null, row };
}

/** A search's first `cap` + 1 matches by tab: by a date walk where the fragment is common, else through its trigrams. */
async function countSearchViews(
  db: DbOrTx,
  viewer: Actor,
  options: Omit<CountOptions, "view"> & { now: Date },
  cap: number,
  alongside?: SQL,
): Promise<SearchPass> {
  // The shape first: a search of several words, or with a filter, needs no statistics at all.
  const budget =
    dateWalkTrigrams(options.search, options.filters) !== null
      ? dateWalkBudget(await nameTrigramStatistics(db), viewer, options.search, options.filters, cap)
      : null;
  const walked = budget === null ? null : await dateWalkPass(db, viewer, options, cap, budget, alongside);
  return walked?.found
    ? { found: walked.found, matchIds: null, alongside: walked.row }
    : countSearchViewsInOnePass(db, viewer, options, cap, alongside);
}

/** A search's tab counts (as countBookingViews) and, when they are complete, every match's id: the page's rows are among them. */
export interface SearchMatches<Alongside = Record<string, unknown>> {
  counts: BookingViewCounts;
  /** The view's matches' ids when the count found them all (under its cap); null past it. */
  matchIds: (view: BookingView) => string[] | null;
  /** The row of the count's statement, with the columns asked for alongside (a select list that reads no bookings). */
  alongside: Alongside;
}

/**
 * countBookingViews for a search, keeping the ids its count pass found, and reading `alongside`
 * (the page's filter choices) in the same statement (list-booking-page.ts).
 */
export async function countSearchMatches<Alongside = Record<string, unknown>>(
  db: DbOrTx,
  viewer: Actor,
  options: Omit<CountOptions, "view"> & { now: Date; search: string },
  cap = SEARCH_COUNT_CAP,
  alongside?: SQL,
): Promise<SearchMatches<Alongside>> {
  const pass = await countSearchViews(db, viewer, options, cap, alongside);
  const { found, matchIds } = pass;
  const row = pass.alongside as Alongside;
  if (matchIds) {
    const idsOf = (view: BookingView) =>
      view === "all" ? [...matchIds.upcoming, ...matchIds.past, ...matchIds.cancelled] : matchIds[view];
    return {
      counts: {
        upcoming: exact(found.upcoming),
        past: exact(found.past),
        cancelled: exact(found.cancelled),
        all: exact(found.upcoming + found.past + found.cancelled),
      },
      matchIds: idsOf,
      alongside: row,
    };
  }
  const atLeast = (total: number): BookingCount => ({ total: Math.min(total, cap), capped: true });
  return {
    counts: {
      upcoming: atLeast(found.upcoming),
      past: atLeast(found.past),
      cancelled: atLeast(found.cancelled),
      all: atLeast(cap),
    },
    matchIds: () => null,
    alongside: row,
  };
}

/**
 * The count on each tab, with the same search and filters. Upcoming, Past and Cancelled do not
 * overlap and together are All, so All is their sum — three capped counts, not four (unless All is
 * the reader's view: then it is counted to the cap and the three to their badges'). When one is
 * capped the sum is a lower bound and reads "N+", which stays true.
 *
 * A search is counted in one pass over its first `cap` + 1 matches, sorted into tabs: exact when
 * they are all there is — any one person's bookings, by name, phone or claim. Past the cap (a name
 * shared by thousands: "brenn" matches 9,791 bookings in one insurer's view at 1,000,000) each tab
 * reads what the pass saw of it as a lower bound ("122+") and All the cap ("250+"): counting them
 * exactly fetched every match from the table (≈ 55 ms for "brenn", five times the rest of the page's
 * queries), and counting each tab to the cap fetched the matches once a tab (≈ 130 ms). The list's
 * page makes its own view's count exact where it ends on that page (list-booking-page.ts).
 * A word whose trigrams the statistics call common is first looked for among the newest bookings
 * (common-name-trigrams.ts): the tabs then read what the newest matches were.
 */
export async function countBookingViews(
  db: DbOrTx,
  viewer: Actor,
  options: Omit<CountOptions, "view"> & { now: Date },
  /** The view the reader is on: the other tabs are badges (TAB_BADGE_CAP) — but a search's one pass counts all alike. */
  current: BookingView,
  cap = options.search ? SEARCH_COUNT_CAP : BOOKING_COUNT_CAP,
): Promise<BookingViewCounts> {
  if (options.search)
    return (await countSearchMatches(db, viewer, { ...options, search: options.search }, cap)).counts;
  return (await countUnsearchedViews(db, viewer, options, current, cap)).counts;
}

/**
 * countBookingViews without a search, with more columns read in the same statement (`alongside`,
 * a select list that reads no bookings: the page's filter choices) — one round trip for both.
 */
export async function countBookingViewsAlongside<Alongside>(
  db: DbOrTx,
  viewer: Actor,
  options: Omit<CountOptions, "view" | "search"> & { now: Date },
  current: BookingView,
  alongside: SQL,
  /** The current view's matches' ids too, when they are no more than this many (else `ids` is null). */
  idsUpTo?: number,
): Promise<{ counts: BookingViewCounts; alongside: Alongside; ids: string[] | null }> {
  const { counts, row } = await countUnsearchedViews(
    db,
    viewer,
    options,
    current,
    BOOKING_COUNT_CAP,
    alongside,
    idsUpTo === undefined ? undefined : { view: current, upTo: idsUpTo },
  );
  const ids = idsUpTo === undefined ? null : ((row.ids as string[] | null) ?? null);
  return { counts, alongside: row as Alongside, ids };
}

async function countUnsearchedViews(
  db: DbOrTx,
  viewer: Actor,
  options: Omit<CountOptions, "view"> & { now: Date },
  current: BookingView,
  cap: number,
  alongside?: SQL,
  idsOf?: { view: BookingView; upTo: number },
): Promise<{ counts: BookingViewCounts; row: Record<string, unknown> }> {
  // The reader's view to the cap, the other tabs to their badges' (TAB_BADGE_CAP); All, when it is
  // the view, counted itself rather than summed from three badges.
  const badge = Math.min(cap, TAB_BADGE_CAP);
  const { counts: counted, row } = await countViewsInOneStatement(
    db,
    viewer,
    options,
    [
      ...TABS.map((view) => ({ view, cap: view === current ? cap : badge })),
      ...(current === "all" ? [{ view: "all" as const, cap }] : []),
    ],
    alongside,
    idsOf,
  );
  const tabs = sumViews(TABS.map((view) => counted[view]!));
  if (current === "all") return { counts: { ...tabs, all: counted.all! }, row };
  // All's badge no higher than its own view would count ("1,000+", not "1,200+" and then "1,000+").
  return { counts: { ...tabs, all: tabs.all.total > cap ? { total: cap, capped: true } : tabs.all }, row };
}

const TABS = ["upcoming", "past", "cancelled"] as const;

/** Upcoming, Past and Cancelled as counted; All their sum ("N+" when one is capped, which stays true). */
function sumViews([upcoming, past, cancelled]: BookingCount[]): BookingViewCounts {
  return {
    upcoming: upcoming!,
    past: past!,
    cancelled: cancelled!,
    all: {
      total: upcoming!.total + past!.total + cancelled!.total,
      capped: upcoming!.capped || past!.capped || cancelled!.capped,
    },
  };
}
