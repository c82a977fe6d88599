/**
 * The bookings table: @tanstack/table-core in manual (server-side) mode, rendered on the server.
 * The server has already filtered, sorted and paged the rows; the table lays out the columns,
 * works out each header's next sort order and each pager button's page, and the browser only
 * turns those clicks into URL changes (bookings-list-frame.tsx), so every view can be shared and
 * survives reload. Rendering here keeps the table library out of the browser's first load
 * (issue 14: ≤ 150 kB on every page).
 */
import {
  constructTable,
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { FlexRender } from "@tanstack/react-table/flex-render";
import Link from "next/link";
import type { ReactNode } from "react";
import {
  OrganizationName,
  ReferralNumbers,
  ReportDownload,
  SelectBooking,
  teamLine,
  type BookingTableRow,
} from "./booking-card-parts";
import { BookingCards } from "./booking-cards";
import { BookingsListFrame, PageButton, PageSizeSelect, SortHeaderButton } from "./bookings-list-frame";
import { DocumentIndicators } from "./document-indicators";
import { ProgressBadge } from "./progress-badge";

export type { BookingTableRow } from "./booking-card-parts";

// Plain TanStack Store reactivity: the table lives for one server render.
const features = tableFeatures({
  coreReactivityFeature: storeReactivityBindings(),
  rowSortingFeature,
  rowPaginationFeature,
});
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

/** A page of the list as the URL says it (the first page has no `page`). */
const pageChanges = ({ pageIndex, pageSize }: PaginationState) => ({
  page: pageIndex > 0 ? String(pageIndex + 1) : null,
  size: String(pageSize),
});

function columnsFor({ selectable, showStatus, tools }: Pick<Props, "selectable" | "showStatus" | "tools">) {
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
}

/**
 * The table for one render, and what a pager click would change in the URL: the table reports a
 * click's outcome through its callback, so here the click is asked, not made.
 */
export function bookingsTableOf({
  rows,
  sorting,
  pagination,
  rowCount,
  ...shown
}: Pick<Props, "rows" | "sorting" | "pagination" | "rowCount" | "selectable" | "showStatus" | "tools">) {
  const asked: PaginationState[] = [];
  const table = constructTable({
    features,
    columns: columnsFor(shown),
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, pagination },
    manualSorting: true,
    manualPagination: true,
    rowCount,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onPaginationChange: (updater: Updater<PaginationState>) => {
      asked.push(resolve(updater, pagination));
    },
  });
  const changesOf = (click: () => void): Record<string, string | null> => {
    asked.length = 0;
    click();
    const outcome = asked.at(-1);
    return outcome ? pageChanges(outcome) : {};
  };
  return { table, changesOf };
}

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
  const { table, changesOf } = bookingsTableOf({
    rows,
    sorting,
    pagination,
    rowCount,
    selectable,
    showStatus,
    tools,
  });
  const first = pagination.pageIndex * pagination.pageSize + 1;
  const last = first + rows.length - 1;
  const tableBox = (
    <div className="relative hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="bookings-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const next = header.column.getCanSort() && header.column.getNextSortingOrder();
                return (
                  <th
                    key={header.id}
                    className="px-4 py-3"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {next ? (
                      <SortHeaderButton sort={`${header.column.id}.${next}`}>
                        <FlexRender header={header} />
                        <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                      </SortHeaderButton>
                    ) : (
                      <FlexRender header={header} />
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
                  <FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <BookingsListFrame
      id={id}
      rows={
        <>
          {tableBox}
          {/* A phone gets cards (progress in view, no sideways scrolling); wider screens the table
              (first, so on a desktop the first match of a text is the visible one). */}
          <BookingCards
            rows={rows}
            selectable={selectable}
            showStatus={showStatus}
            tools={cardTools ?? tools}
          />
        </>
      }
      pager={
        <nav
          aria-label="Pages"
          className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
        >
          <span data-testid="booking-range">
            {first}–{last} of {rowCount.toLocaleString("en-US")}
            {rowCountIsCapped ? "+" : ""} {rowCount === 1 && !rowCountIsCapped ? "booking" : "bookings"}
          </span>
          <span className="flex items-center gap-2">
            <PageSizeSelect
              value={pagination.pageSize}
              changesFor={Object.fromEntries(
                PAGE_SIZES.map((size) => [size, changesOf(() => table.setPageSize(size))]),
              )}
            />
            <PageButton changes={changesOf(() => table.previousPage())} disabled={pagination.pageIndex === 0}>
              Previous
            </PageButton>
            <span>Page {pagination.pageIndex + 1}</span>
            <PageButton changes={{ page: String(pagination.pageIndex + 2) }} disabled={!hasNextPage}>
              Next
            </PageButton>
          </span>
        </nav>
      }
    />
  );
}
