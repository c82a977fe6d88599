import type { Metadata } from "next";
import Link from "next/link";
import { bookingTableRow } from "@/components/bookings/booking-card-rows";
import { BookingsTable } from "@/components/bookings/bookings-table";
import { bookingCountLine } from "@/components/bookings/booking-count-line";
import { ListViewTabs, viewTabsFor } from "@/components/bookings/list-view-tabs";
import { BookingsToolbar } from "@/components/bookings/bookings-toolbar";
import { toolbarFilterOptions, toolbarFilterValues } from "@/components/bookings/bookings-toolbar-props";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { canBookForAnyOrganization } from "@/lib/authz/policy";
import { FALLBACK_TIME_ZONE } from "@/lib/availability/calendar-of";
import {
  bookingListQuery,
  hasActiveFilters,
  parseBookingListParams,
} from "@/lib/bookings/booking-list-params";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";

export const metadata: Metadata = { title: "Bookings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** "12 upcoming bookings": the count says which tab it counts. */
const VIEW_NOUN = { upcoming: "upcoming ", past: "past ", cancelled: "cancelled ", all: "" } as const;
const EMPTY_VIEW = {
  upcoming: "No upcoming examinations.",
  past: "No past examinations yet.",
  cancelled: "No cancelled bookings.",
  all: "No bookings you can see yet.",
} as const;

export default async function BookingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const state = parseBookingListParams(await searchParams);
  const viewerZone = await viewerTimeZone();
  const db = getDb();
  const page = await listBookingPageForViewer(db, actor, state, viewerZone ?? FALLBACK_TIME_ZONE);
  const filtered = hasActiveFilters(state);

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Bookings</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="booking-count">
            {page.total === 0
              ? filtered
                ? "No bookings match."
                : EMPTY_VIEW[state.view]
              : bookingCountLine(page, VIEW_NOUN[state.view])}
          </p>
        </div>
        {canBookForAnyOrganization(actor) && (
          <Link
            href="/specialists"
            className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700"
          >
            Book an examination
          </Link>
        )}
      </div>
      <ListViewTabs tabs={viewTabsFor("/bookings", state, page.viewCounts)} current={state.view} />
      <BookingsToolbar
        search={state.search}
        hasFilters={filtered}
        filters={toolbarFilterValues(state.filters)}
        options={toolbarFilterOptions(page.filterOptions)}
      />
      {page.rows.length === 0 && page.total > 0 ? (
        // A shared or bookmarked link to a page that no longer exists (bookings were cancelled, filters narrowed).
        <div
          className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center"
          data-testid="bookings-past-end"
        >
          <p className="font-medium">This page is past the end of the list.</p>
          <p className="mt-1 text-sm text-slate-600">
            <Link
              href={`/bookings${bookingListQuery({ ...state, page: 1 })}`}
              className="text-indigo-700 underline"
            >
              Go to the first page
            </Link>
          </p>
        </div>
      ) : page.rows.length === 0 ? (
        <div
          className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center"
          data-testid="bookings-empty"
        >
          <p className="font-medium">
            {filtered ? "No bookings match your search and filters." : EMPTY_VIEW[state.view]}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {filtered ? (
              <>
                Try fewer filters, or{" "}
                <Link href="/bookings" className="text-indigo-700 underline">
                  clear them all
                </Link>
                .
              </>
            ) : canBookForAnyOrganization(actor) ? (
              <>
                When you book an examination it appears here.{" "}
                <Link href="/specialists" className="text-indigo-700 underline">
                  Find a specialist
                </Link>
                .
              </>
            ) : (
              "Examinations booked with you will appear here."
            )}
          </p>
        </div>
      ) : (
        <BookingsTable
          rows={page.rows.map((row) => bookingTableRow(row, actor, viewerZone))}
          sorting={[{ id: state.sort.column, desc: state.sort.direction === "desc" }]}
          pagination={{ pageIndex: state.page - 1, pageSize: state.pageSize }}
          rowCount={page.total}
          rowCountIsCapped={page.totalIsCapped}
          hasNextPage={page.hasNextPage}
        />
      )}
    </section>
  );
}
