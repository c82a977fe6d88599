import Link from "next/link";
import { LinkPendingHint } from "@/components/ui/link-pending-hint";
import { bookingListQuery, type BookingListState } from "@/lib/bookings/booking-list-params";
import { BOOKING_VIEWS, defaultSortFor, type BookingView } from "@/lib/bookings/booking-list-query";
import type { BookingCount, BookingViewCounts } from "@/lib/bookings/count-bookings";

export interface ViewTab {
  view: string;
  label: string;
  href: string;
  /** Already worded ("12", "1,000+"); empty when not known. */
  count: string;
}

/**
 * Upcoming / Past / Cancelled / All as links (each a URL: shareable, Back works), the current
 * one marked with aria-current. Each shows how many bookings it holds with the same search and filters.
 */
export function ListViewTabs({ tabs, current }: { tabs: ViewTab[]; current: string }) {
  return (
    <nav aria-label="Booking views" className="border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {tabs.map((tab) => {
          const active = tab.view === current;
          return (
            <li key={tab.view}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                data-testid={`view-tab-${tab.view}`}
                className={`relative inline-flex min-h-11 items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium ${
                  active
                    ? "border-indigo-600 text-indigo-800"
                    : "border-transparent text-slate-700 hover:border-slate-400 hover:text-slate-900"
                }`}
              >
                {tab.label}
                {tab.count && (
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs ${active ? "bg-indigo-100 text-indigo-900" : "bg-slate-100 text-slate-700"}`}
                    data-testid="view-tab-count"
                  >
                    {tab.count}
                  </span>
                )}
                <LinkPendingHint />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

const VIEW_LABELS: Record<BookingView, string> = {
  upcoming: "Upcoming",
  past: "Past",
  cancelled: "Cancelled",
  all: "All",
};

/**
 * "12", or "1,000+" when the count stopped at its cap — what the reader sees stays true. Nothing
 * for a tab a search's capped pass saw none of (count-bookings.ts): "0+" would say nothing either.
 */
export const countWords = (count: BookingCount) =>
  count.capped && count.total === 0 ? "" : `${count.total.toLocaleString("en-US")}${count.capped ? "+" : ""}`;

/** The four tabs for a list state: same search and filters, first page, each view's natural order. */
export function viewTabsFor(path: string, state: BookingListState, counts: BookingViewCounts): ViewTab[] {
  return BOOKING_VIEWS.map((view) => ({
    view,
    label: VIEW_LABELS[view],
    href: `${path}${bookingListQuery({ ...state, view, page: 1, sort: defaultSortFor(view) })}`,
    count: countWords(counts[view]),
  }));
}
