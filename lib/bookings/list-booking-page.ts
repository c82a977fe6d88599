import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import type { BookingListState } from "./booking-list-params";
import {
  filterOptionColumns,
  filterOptionsFromRow,
  type BookingFilterOptions,
} from "./booking-filter-options";
import {
  countBookingViewsAlongside,
  countSearchMatches,
  SEARCH_COUNT_CAP,
  type BookingCount,
  type BookingViewCounts,
} from "./count-bookings";
import { listBookingsForViewer, type BookingListOptions, type BookingListRow } from "./list-bookings";

export interface BookingPage {
  rows: BookingListRow[];
  total: number;
  /** true when there are more than `total` (the count stops at a cap). */
  totalIsCapped: boolean;
  /** There is a page after this one (known even when the total is capped). */
  hasNextPage: boolean;
  /** Each tab's count with the same search and filters; `total` is the current view's. */
  viewCounts: BookingViewCounts;
  /**
   * A search matched more than its count cap: All reads "250+" and each view's count is what the
   * capped pass saw of it, a lower bound (count-bookings.ts) — the page says so and asks to narrow it.
   */
  searchCountIsPartial: boolean;
  /** The toolbar's specialist and team choices (booking-filter-options.ts). */
  filterOptions: BookingFilterOptions;
}

/**
 * Sorts whose page walks an index in their own order (name, creation) or each group's in date order
 * (specialist, stage), not the one date order the counts walk.
 */
const WALKED_IN_ANOTHER_ORDER = new Set<BookingListState["sort"]["column"]>([
  "examineeName",
  "createdAt",
  "specialist",
  "progress",
]);

/**
 * Up to this many matches in the view, a page in one of those orders is picked from their ids
 * (each fetched through the primary key, then sorted): a few hundred fetches cost less than a
 * walk that passes a scope to find them; past it the walk finds a page soon enough.
 */
const FEW_MATCHES = 250;

/** One page of the bookings table for the viewer, with the counts the tabs and the pager need and the toolbar's choices. */
export async function listBookingPageForViewer(
  db: DbOrTx,
  viewer: Actor,
  state: BookingListState,
  timeZone: string,
  now: Date = new Date(),
): Promise<BookingPage> {
  const filters = { ...state.filters, timeZone };
  const options = { filters, search: state.search, now };
  const offset = (state.page - 1) * state.pageSize;
  const listRows = (searchBy?: BookingListOptions["searchBy"]) =>
    listBookingsForViewer(db, viewer, {
      ...options,
      searchBy,
      view: state.view,
      sort: state.sort,
      limit: state.pageSize + 1,
      offset,
    });
  // The page's view counts to the cap on every page, the other tabs to their badges'
  // (TAB_BADGE_CAP). A deep page's own view needs no more: its rows say how far the list goes at
  // least (viewOnThisPage: page 200 reads "4,976–5,000 of 5,000+"), and where it ends. Counted to
  // the page instead, each of the three tabs walked 5,001 index entries in a statement planned for
  // one use — most of a deep page's PostgreSQL time (issue 14). (A search's to its own, lower cap:
  // SEARCH_COUNT_CAP.)
  // The filter choices ride along the tab counts' statement: one round trip fewer a page (issue 14).
  const countViews = (idsUpTo?: number) =>
    countBookingViewsAlongside<BookingFilterOptions>(
      db,
      viewer,
      options,
      state.view,
      filterOptionColumns(viewer),
      idsUpTo,
    );
  let rows: BookingListRow[];
  let viewCounts: BookingViewCounts;
  let filterOptions: BookingFilterOptions;
  if (state.search) {
    // A search is counted first: when nothing (or nothing this far) matches, the rows query is not
    // run — it would walk its index to prove there is nothing (a "paid" filter with a name nobody
    // has walked 77,000 entries at 1,000,000 bookings, most of a second under load).
    // The filter choices ride along the count's statement, as they do the tab counts'.
    const matches = await countSearchMatches<BookingFilterOptions>(
      db,
      viewer,
      { ...options, search: state.search },
      SEARCH_COUNT_CAP,
      filterOptionColumns(viewer),
    );
    viewCounts = matches.counts;
    filterOptions = filterOptionsFromRow(matches.alongside);
    const count = viewCounts[state.view];
    // Every match counted: the page is picked from their ids, in any order; past the cap, walked.
    const matchIds = matches.matchIds(state.view);
    rows = !count.capped && count.total <= offset ? [] : await listRows(matchIds ? { matchIds } : "walk");
  } else if (WALKED_IN_ANOTHER_ORDER.has(state.sort.column)) {
    // Sorted by name, creation, specialist or stage, the page walks an index in that order (or each
    // group's) testing the view and the filters on each entry: where they hold few bookings of the
    // scope (an insurer's 9 telehealth bookings, archived ones in Upcoming: none) the walk passed
    // the whole scope to find them — 40 ms to 2.4 s at 1,000,000 bookings (bench:list-sweep). The
    // count walks date order through indexes that carry every filter, so it is asked first, with
    // the view's ids when they are few: then the page is picked from those ids (as a search's is),
    // and from none when there are none.
    const counted = await countViews(FEW_MATCHES);
    viewCounts = counted.counts;
    filterOptions = filterOptionsFromRow(counted.alongside);
    const ids = counted.ids;
    rows = ids === null ? await listRows() : ids.length === 0 ? [] : await listRows({ matchIds: ids });
  } else {
    const [listed, counted] = await Promise.all([listRows(), countViews()]);
    rows = listed;
    viewCounts = counted.counts;
    filterOptions = filterOptionsFromRow(counted.alongside);
  }
  const count = viewOnThisPage(viewCounts[state.view], rows.length, offset, state.pageSize);
  return {
    rows: rows.slice(0, state.pageSize),
    total: count.total,
    totalIsCapped: count.capped,
    hasNextPage: rows.length > state.pageSize,
    viewCounts: { ...viewCounts, [state.view]: count },
    // A search's counts are exact whenever they fit under the cap; All is capped only past it.
    searchCountIsPartial: Boolean(state.search) && viewCounts.all.capped,
    filterOptions,
  };
}

/**
 * The view's count, made exact by its page where it can be: a capped count (a lower bound) whose
 * list ends on this page is this page's last row number — and never less than it ("1,226–1,250 of
 * 700+" cannot be). `fetched` is the rows query's length (one past the page when there is a next).
 */
export function viewOnThisPage(
  count: BookingCount,
  fetched: number,
  offset: number,
  pageSize: number,
): BookingCount {
  if (!count.capped) return count;
  const endsHere = fetched <= pageSize && (fetched > 0 || offset === 0);
  if (endsHere) return { total: offset + fetched, capped: false };
  const lastShown = fetched > 0 ? offset + Math.min(fetched, pageSize) : 0;
  return { total: Math.max(count.total, lastShown), capped: true };
}
