import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import type { BookingListState } from "./booking-list-params";
import { countBookingsForViewer } from "./count-bookings";
import { listBookingsForViewer, type BookingListRow } from "./list-bookings";

export interface BookingPage {
  rows: BookingListRow[];
  total: number;
  /** true when there are more than `total` (the count stops at a cap). */
  totalIsCapped: boolean;
  /** There is a page after this one (known even when the total is capped). */
  hasNextPage: boolean;
}

/** One page of the bookings table for the viewer, with the count the pager needs. */
export async function listBookingPageForViewer(
  db: DbOrTx,
  viewer: Actor,
  state: BookingListState,
  timeZone: string,
): Promise<BookingPage> {
  const filters = { ...state.filters, timeZone };
  const options = { filters, search: state.search, sort: state.sort };
  const [rows, count] = await Promise.all([
    listBookingsForViewer(db, viewer, {
      ...options,
      limit: state.pageSize + 1,
      offset: (state.page - 1) * state.pageSize,
    }),
    countBookingsForViewer(db, viewer, options),
  ]);
  return {
    rows: rows.slice(0, state.pageSize),
    total: count.total,
    totalIsCapped: count.capped,
    hasNextPage: rows.length > state.pageSize,
  };
}
