"use client";
/**
 * The bookings table: @tanstack/react-table v9 in manual (server-side) mode. The server has
 * already filtered, sorted and paged the rows; the table renders them and turns header clicks
 * and pager clicks into URL changes, so every view can be shared and survives reload.
 */
import {
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import {
  OrganizationName,
  ReferralNumbers,
  ReportDownload,
  SelectBooking,
  teamLine,
  type BookingTableRow,
} from "./booking-card-parts";
import { BookingCards } from "./booking-cards";
import { DocumentIndicators } from "./document-indicators";
import { ProgressBadge } from "./progress-badge";
import { useListUrl } from "./use-list-url";

export type { BookingTableRow } from "./booking-card-parts";

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const column = createColumnHelper<typeof features, BookingTableRow>();

const columns = column.columns([
  column.accessor("examineeName", {
    id: "examineeName",
    header: "Examinee",
    cell: ({ row }) => (
      <div>
        <Link
          href={`/bookings/${row.original.id}`}
          className="font-medium text-indigo-700 hover:underline"
          data-testid="booking-link"
        >
          {row.original.examineeName}
        </Link>
        <div className="text-xs text-slate-600">{row.original.phone}</div>
        <ReferralNumbers row={row.original} />
      </div>
    ),
  }),
  column.accessor("when", {
    id: "appointmentDate",
    header: "Appointment",
    cell: ({ row }) => (
      <div className="leading-tight">
        <div>{row.original.when}</div>
        {row.original.whenViewer && (
          <div className="text-xs text-slate-600">{row.original.whenViewer} your time</div>
        )}
      </div>
    ),
  }),
  column.accessor("specialistName", { id: "specialist", header: "Specialist" }),
  column.accessor("organizationName", {
    id: "organization",
    header: "Organization / team",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="leading-tight">
        <div data-testid="booking-organization">
          <OrganizationName row={row.original} />
        </div>
        <div className="text-xs text-slate-600">{teamLine(row.original)}</div>
      </div>
    ),
  }),
  column.accessor("appointmentType", {
    id: "type",
    header: "Type",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.appointmentType === "telehealth" ? (
        <div className="leading-tight">
          <div>Telehealth</div>
          {row.original.meetingLink && (
            <a
              href={row.original.meetingLink}
              className="text-xs text-indigo-700 hover:underline"
              target="_blank"
              rel="noreferrer"
              data-testid="meeting-link"
            >
              Meeting link
            </a>
          )}
        </div>
      ) : (
        "In person"
      ),
  }),
  column.accessor("stage", {
    id: "progress",
    header: "Progress",
    cell: ({ row }) => <ProgressBadge stage={row.original.stage} testId="booking-progress-badge" />,
  }),
  column.accessor("documents", {
    id: "documents",
    header: "Documents",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="flex flex-col items-start gap-2">
        <DocumentIndicators documents={row.original.documents} />
        <ReportDownload row={row.original} />
      </div>
    ),
  }),
  column.accessor("created", { id: "createdAt", header: "Created" }),
]);

const statusColumn = column.accessor("statusLabel", {
  id: "status",
  header: "Status",
  enableSorting: false,
  cell: ({ row }) => <span data-testid="admin-booking-status">{row.original.statusLabel}</span>,
});

interface Props {
  rows: BookingTableRow[];
  sorting: SortingState;
  pagination: PaginationState;
  rowCount: number;
  /** The count stops at a cap; then "next" follows hasNextPage. */
  rowCountIsCapped: boolean;
  hasNextPage: boolean;
  /** Admin → Bookings: a checkbox per booking (read by the bulk bar via `data-booking-select`). */
  selectable?: boolean;
  /** Admin → Bookings: the Status column. */
  showStatus?: boolean;
  /** Admin → Bookings: tools per booking id (rendered on the server), in a last column / the card's foot. */
  tools?: Record<string, ReactNode>;
  /** The cards' own copy of `tools`, when the tools carry ids (both layouts are in the page). */
  cardTools?: Record<string, ReactNode>;
  /** The id of the element holding the rows (the bulk bar looks for checkboxes inside it). */
  id?: string;
}

const PAGE_SIZES = [10, 25, 50, 100];

const resolve = <T,>(updater: Updater<T>, current: T): T =>
  typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;

export function BookingsTable({
  rows,
  sorting,
  pagination,
  rowCount,
  rowCountIsCapped,
  hasNextPage,
  selectable = false,
  showStatus = false,
  tools,
  cardTools,
  id,
}: Props) {
  const list = useListUrl();
  const pending = list.pending;
  // Sorting and paging are clicks: each one a history step of its own.
  const navigate = (changes: Record<string, string | null>) =>
    list.navigate(changes, { field: Object.keys(changes)[0] ?? "", typing: false });

  const visibleColumns = useMemo(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of different value types
    const all: ColumnDef<typeof features, BookingTableRow, any>[] = [...columns];
    if (showStatus) all.splice(all.length - 2, 0, statusColumn);
    if (selectable)
      all.unshift(
        column.display({
          id: "select",
          header: () => <span className="sr-only">Select</span>,
          cell: ({ row }) => <SelectBooking row={row.original} />,
        }),
      );
    if (tools)
      all.push(
        column.display({
          id: "tools",
          header: () => <span className="sr-only">Tools</span>,
          cell: ({ row }) => tools[row.original.id] ?? null,
        }),
      );
    return all;
  }, [selectable, showStatus, tools]);

  const table = useTable({
    features,
    columns: visibleColumns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, pagination },
    manualSorting: true,
    manualPagination: true,
    rowCount,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting);
      navigate({ sort: next ? `${next.id}.${next.desc ? "desc" : "asc"}` : null, page: null });
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      navigate({ page: next.pageIndex > 0 ? String(next.pageIndex + 1) : null, size: String(next.pageSize) });
    },
  });

  const first = pagination.pageIndex * pagination.pageSize + 1;
  const last = first + rows.length - 1;
  return (
    <div className="space-y-3" id={id}>
      <div
        className={`relative hidden overflow-x-auto rounded-lg border border-slate-200 bg-white transition-opacity sm:block ${pending ? "opacity-60" : ""}`}
        aria-busy={pending}
      >
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="bookings-table">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      className="px-4 py-3"
                      aria-sort={
                        sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined
                      }
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 uppercase hover:text-slate-800"
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid="booking-row" className="hover:bg-slate-50">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-4 py-3 align-top">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* A phone gets cards (progress in view, no sideways scrolling); wider screens the table (first, so
          on a desktop the first match of a text is the visible one). */}
      <BookingCards
        rows={rows}
        selectable={selectable}
        showStatus={showStatus}
        tools={cardTools ?? tools}
        pending={pending}
      />
      <nav
        aria-label="Pages"
        className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
      >
        <span data-testid="booking-range">
          {first}–{last} of {rowCount.toLocaleString("en-US")}
          {rowCountIsCapped ? "+" : ""} {rowCount === 1 && !rowCountIsCapped ? "booking" : "bookings"}
        </span>
        <span className="flex items-center gap-2">
          <label className="flex items-center gap-1">
            Rows
            <select
              value={pagination.pageSize}
              onChange={(e) => table.setPageSize(Number(e.target.value))}
              className="rounded border border-slate-300 bg-white px-1 py-1"
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-2 py-1 disabled:opacity-40"
            onClick={() => table.previousPage()}
            disabled={pagination.pageIndex === 0}
          >
            Previous
          </button>
          <span>Page {pagination.pageIndex + 1}</span>
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-2 py-1 disabled:opacity-40"
            onClick={() => navigate({ page: String(pagination.pageIndex + 2) })}
            disabled={!hasNextPage}
          >
            Next
          </button>
        </span>
      </nav>
    </div>
  );
}
