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
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import Link from "next/link";
import { useListUrl } from "./use-list-url";

export interface BookingTableRow {
  id: string;
  examineeName: string;
  phone: string;
  /** Pre-formatted on the server: the specialist's zone, and the viewer's when different. */
  when: string;
  whenViewer: string | null;
  specialistName: string;
  organizationName: string;
  teamName: string | null;
  appointmentType: "in_person" | "telehealth";
  meetingLink: string | null;
  progressLabel: string;
  progressTone: string;
  source: string;
  created: string;
}

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
        <div className="text-xs text-slate-500">{row.original.phone}</div>
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
          <div className="text-xs text-slate-500">{row.original.whenViewer} your time</div>
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
        <div data-testid="booking-organization">{row.original.organizationName}</div>
        <div className="text-xs text-slate-500">{row.original.teamName ?? "No team"}</div>
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
  column.accessor("progressLabel", {
    id: "progress",
    header: "Progress",
    cell: ({ row }) => (
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${row.original.progressTone}`}>
        {row.original.progressLabel}
      </span>
    ),
  }),
  column.accessor("created", { id: "createdAt", header: "Created" }),
]);

interface Props {
  rows: BookingTableRow[];
  sorting: SortingState;
  pagination: PaginationState;
  rowCount: number;
  /** The count stops at a cap; then "next" follows hasNextPage. */
  rowCountIsCapped: boolean;
  hasNextPage: boolean;
}

const PAGE_SIZES = [10, 25, 50, 100];

const resolve = <T,>(updater: Updater<T>, current: T): T =>
  typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;

export function BookingsTable({ rows, sorting, pagination, rowCount, rowCountIsCapped, hasNextPage }: Props) {
  const list = useListUrl();
  const pending = list.pending;
  // Sorting and paging are clicks: each one a history step of its own.
  const navigate = (changes: Record<string, string | null>) =>
    list.navigate(changes, { field: Object.keys(changes)[0] ?? "", typing: false });

  const table = useTable({
    features,
    columns,
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
    <div className="space-y-3">
      <div
        className={`overflow-x-auto rounded-lg border border-slate-200 bg-white transition-opacity ${pending ? "opacity-60" : ""}`}
        aria-busy={pending}
      >
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="bookings-table">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
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
