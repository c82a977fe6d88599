import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import type { BookingListState } from "./booking-list-params";
import { BOOKING_COUNT_CAP, countBookingViews, type BookingViewCounts } from "./count-bookings";
import { listBookingsForViewer, type BookingListRow } from "./list-bookings";

export interface BookingPage {
  rows: BookingListRow[];
  total: number;
  /** true when there are more than `total` (the count stops at a cap). */
  totalIsCapped: boolean;
  /** There is a page after this one (known even when the total is capped). */
  hasNextPage: boolean;
  /** Each tab's count with the same search and filters; `total` is the current view's. */
  viewCounts: BookingViewCounts;
}

/** One page of the bookings table for the viewer, with the counts the tabs and the pager need. */
export async function listBookingPageForViewer(
  db: DbOrTx,
  viewer: Actor,
  state: BookingListState,
  timeZone: string,
  now: Date = new Date(),
): Promise<BookingPage> {
  const filters = { ...state.filters, timeZone };
  const options = { filters, search: state.search, now };
  const [rows, viewCounts] = await Promise.all([
    listBookingsForViewer(db, viewer, {
      ...options,
      view: state.view,
      sort: state.sort,
      limit: state.pageSize + 1,
      offset: (state.page - 1) * state.pageSize,
    }),
    // At least through this page, so a deep page never reads "5,001–5,025 of 1,000+".
    countBookingViews(db, viewer, options, Math.max(BOOKING_COUNT_CAP, state.page * state.pageSize)),
  ]);
  const count = viewCounts[state.view];
  return {
    rows: rows.slice(0, state.pageSize),
    total: count.total,
    totalIsCapped: count.capped,
    hasNextPage: rows.length > state.pageSize,
    viewCounts,
  };
}
