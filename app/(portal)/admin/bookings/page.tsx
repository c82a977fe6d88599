import type { Metadata } from "next";
import { AdminBookingRowTools } from "@/components/admin/admin-booking-row-tools";
import { AdminBookingsBulk } from "@/components/admin/admin-bookings-bulk";
import { bookingTableRow } from "@/components/bookings/booking-card-rows";
import { BookingsTable } from "@/components/bookings/bookings-table";
import { BookingsToolbar } from "@/components/bookings/bookings-toolbar";
import { toolbarFilterOptions, toolbarFilterValues } from "@/components/bookings/bookings-toolbar-props";
import { bookingCountLine } from "@/components/bookings/booking-count-line";
import { ListViewTabs, viewTabsFor } from "@/components/bookings/list-view-tabs";
import { getDb } from "@/db/client";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { FALLBACK_TIME_ZONE } from "@/lib/availability/calendar-of";
import { hasActiveFilters, parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { correctionTargets } from "@/lib/bookings/progress";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { listOrganizationsWithTeams } from "@/lib/organizations/list-organizations";

export const metadata: Metadata = { title: "Booking administration" };

const TABLE_ID = "admin-bookings";

/**
 * The one bookings table (the same query, views, search as you type, sorting and URL state as
 * /bookings — an admin sees every organization's), with the admin's powers on it: selection and
 * the bulk bar (close, archive, reopen, mark payment received), and per booking the stage
 * correction, the move to another organization or team, and the audit trail.
 */
export default async function AdminBookingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireAdminConsole();
  const state = parseBookingListParams(await searchParams);
  const viewerZone = await viewerTimeZone();
  const db = getDb();
  const [page, organizations] = await Promise.all([
    listBookingPageForViewer(db, actor, state, viewerZone ?? FALLBACK_TIME_ZONE),
    listOrganizationsWithTeams(db),
  ]);
  // One set per layout: the table and the phone cards are both in the page, and each field's id
  // (its label's target) must be unique.
  const toolsFor = (layout: "table" | "card") =>
    Object.fromEntries(
      page.rows.map((row) => [
        row.id,
        <AdminBookingRowTools
          key={row.id}
          idPrefix={`${layout}-${row.id}`}
          booking={row}
          correctionTargets={correctionTargets(row)}
          organizations={organizations}
        />,
      ]),
    );

  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">Booking administration</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every organization&apos;s bookings. Mark payments, close and archive bookings (one or many), correct
          stages with a note, and move bookings between organizations and teams.
        </p>
      </div>
      <ListViewTabs tabs={viewTabsFor("/admin/bookings", state, page.viewCounts)} current={state.view} />
      <BookingsToolbar
        search={state.search}
        hasFilters={hasActiveFilters(state)}
        filters={toolbarFilterValues(state.filters, { withOrganization: true })}
        options={toolbarFilterOptions(page.filterOptions, organizations)}
      />
      <AdminBookingsBulk formId={TABLE_ID} />
      <p className="text-sm text-slate-600" data-testid="booking-count">
        {bookingCountLine(page, "")}
      </p>
      {page.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          {page.total > 0 ? "This page is past the end of the list." : "No bookings match these filters."}
        </p>
      ) : (
        <BookingsTable
          id={TABLE_ID}
          rows={page.rows.map((row) => bookingTableRow(row, actor, viewerZone))}
          sorting={[{ id: state.sort.column, desc: state.sort.direction === "desc" }]}
          pagination={{ pageIndex: state.page - 1, pageSize: state.pageSize }}
          rowCount={page.total}
          rowCountIsCapped={page.totalIsCapped}
          hasNextPage={page.hasNextPage}
          selectable
          showStatus
          tools={toolsFor("table")}
          cardTools={toolsFor("card")}
        />
      )}
    </section>
  );
}
