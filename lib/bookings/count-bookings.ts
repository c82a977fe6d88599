import { desc, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { viewCondition, type BookingView } from "./booking-list-query";
import { bookingListWhere, type BookingListOptions } from "./list-bookings";
import { searchTerms } from "./search-terms";

/**
 * Past this many matches a tab says "1,000+". Each tab's count walks its index entries up to the
 * cap, and at a large insurer's size (333,000 bookings) every tab is past it: to 10,000 that was
 * ≈ 8 ms of PostgreSQL per tab, three tabs a page, the largest part of the database's share of a
 * page — to 1,000, under 1 ms (issue 14). "1,000+" (40 pages of 25) says as much to someone paging
 * a list; the homes count stages to 10,000 for the overview. A deep page raises the cap to reach
 * it (list-booking-page.ts), so the pager never reads "5,001–5,025 of 1,000+".
 */
export const BOOKING_COUNT_CAP = 1_000;

/**
 * Two letters find names with a word starting with them: the trigram index cannot narrow that to
 * an organization or a specialist ("ko" is every "Ko…" on the platform), so their matches are
 * counted walking the scope's date index, which carries the name (migration 0018), row by row.
 */
/** How far a search's one pass over all tabs goes (countBookingViews). */
export const SEARCH_ONE_PASS_CAP = 10_000;

const isWordStartSearch = (search: string | undefined) => searchTerms(search).name?.match === "word-start";

export interface BookingCount {
  total: number;
  /** true when there are more than `total` (the count stopped at the cap). */
  capped: boolean;
}

type CountOptions = Pick<BookingListOptions, "filters" | "search" | "view" | "now">;

/** How many bookings the viewer's list holds with these filters — exact up to the cap. */
export async function countBookingsForViewer(
  db: DbOrTx,
  viewer: Actor,
  options: CountOptions = {},
  cap = BOOKING_COUNT_CAP,
): Promise<BookingCount> {
  const where = bookingListWhere(viewer, options);
  const matching = (
    options.search && !isWordStartSearch(options.search)
      ? db
          .select({ one: sql`1` })
          .from(bookings)
          .where(where)
      : // In date order, so the planner walks a (…, appointment_date) index and stops at the cap —
        // unordered, it took a sequential scan for the cheapest way to the first 10,001 rows.
        // A search keeps its trigram indexes (a date walk past rare matches would be the slow way),
        // but for two letters, which the trigram index serves only platform-wide: walked in date
        // order (uncorrelated with names: the name index reached the first "Li…" after 136,000 rows).
        db
          .select({ one: sql`1` })
          .from(bookings)
          .where(where)
          .orderBy(desc(bookings.appointmentDate))
  )
    .limit(cap + 1)
    .as("matching");
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(matching);
  const total = row?.total ?? 0;
  return total > cap ? { total: cap, capped: true } : { total, capped: false };
}

export type BookingViewCounts = Record<BookingView, BookingCount>;

const exact = (total: number): BookingCount => ({ total, capped: false });

/**
 * A search's matches are found through its trigram index — once per tab, that is the same rows
 * fetched from the table three times (a name search at 1,000,000 bookings: 7,143 rows, three
 * times over, for 1,385 matches). One pass sorts up to `cap` + 1 matches into their tabs instead:
 * complete when they are all there is; otherwise `found` is how many each tab had among them.
 */
async function countSearchViewsInOnePass(
  db: DbOrTx,
  viewer: Actor,
  options: Omit<CountOptions, "view"> & { now: Date },
  cap: number,
): Promise<{ complete: boolean; found: Record<Exclude<BookingView, "all">, number> }> {
  // The same conditions as the tabs' (viewCondition), in the order that tells them apart.
  const tab = sql<BookingView>`case when ${viewCondition("cancelled", options.now)} then 'cancelled'
    when ${viewCondition("upcoming", options.now)} then 'upcoming' else 'past' end`;
  const picking = db
    .select({ tab: tab.as("tab") })
    .from(bookings)
    .where(bookingListWhere(viewer, { ...options, view: "all" }))
    .$dynamic();
  // Two letters: in date order, as countBookingsForViewer walks them.
  const matching = (
    isWordStartSearch(options.search) ? picking.orderBy(desc(bookings.appointmentDate)) : picking
  )
    .limit(cap + 1)
    .as("matching");
  const rows = await db
    .select({ tab: matching.tab, total: sql<number>`count(*)::int` })
    .from(matching)
    .groupBy(matching.tab);
  const of = (view: BookingView) => rows.find((r) => r.tab === view)?.total ?? 0;
  const found = { upcoming: of("upcoming"), past: of("past"), cancelled: of("cancelled") };
  return { complete: found.upcoming + found.past + found.cancelled <= cap, found };
}

/**
 * The count on each tab, with the same search and filters. Upcoming, Past and Cancelled do not
 * overlap and together are All, so All is their sum — three capped counts, not four. When one is
 * capped the sum is a lower bound and reads "N+", which stays true.
 */
export async function countBookingViews(
  db: DbOrTx,
  viewer: Actor,
  options: Omit<CountOptions, "view"> & { now: Date },
  cap = BOOKING_COUNT_CAP,
  /** How far a search's one pass goes (two letters: `cap`; else at least SEARCH_ONE_PASS_CAP). */
  onePassCap = isWordStartSearch(options.search) ? cap : Math.max(cap, SEARCH_ONE_PASS_CAP),
): Promise<BookingViewCounts> {
  if (options.search) {
    // A search's one pass goes on to 10,000 (two letters aside, walked row by row): a name shared by
    // thousands ("brenn": 9,791 in one insurer's view) is counted exactly in that one pass (≈ 80 ms),
    // where stopping at 1,000 led to the three tab counts, each fetching the matches again (≈ 130 ms).
    const { complete, found } = await countSearchViewsInOnePass(db, viewer, options, onePassCap);
    if (complete)
      return {
        upcoming: exact(found.upcoming),
        past: exact(found.past),
        cancelled: exact(found.cancelled),
        all: exact(found.upcoming + found.past + found.cancelled),
      };
    // More than the pass took: a tab that already showed more than the cap in it reads "1,000+"
    // as it is (a platform-wide "brenn": 50,000 matches, every tab past 1,000 within the first
    // 10,000); only the others are counted, each fetching the matches again.
    return sumViews(
      await Promise.all(
        TABS.map(async (view) =>
          found[view] > cap
            ? { total: cap, capped: true }
            : countBookingsForViewer(db, viewer, { ...options, view }, cap),
        ),
      ),
    );
  }
  return sumViews(
    await Promise.all(TABS.map((view) => countBookingsForViewer(db, viewer, { ...options, view }, cap))),
  );
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
