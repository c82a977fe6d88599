"use client";
/**
 * The bookings table in the browser: the rows as data and the model the server worked out
 * (bookings-table-model.ts — columns, sort state, each click's URL change). Header and pager
 * clicks become URL changes, one history step each, so every view can be shared and survives
 * reload; the rows dim while the next ones are on their way. Below 640 px each booking is a card.
 * One layout is in the page, not both hidden by CSS (half the markup of a page of rows): the
 * server renders its guess from the request (`phoneGuess`), the browser the one its width calls for.
 */
import { useMemo, type MouseEvent, type ReactNode } from "react";
import { bookingCellHtml, bookingRowsHtml, type StringColumnId } from "./booking-cells-html";
import { BookingCards } from "./booking-cards";
import { unpackBookingRows, type BookingRowTuple } from "./booking-row-tuples";
import type { BookingColumnId, BookingHeader, BookingsPager, UrlChanges } from "./bookings-table-model";
import { useListUrl } from "./use-list-url";
import { useNarrowScreen } from "./use-narrow-screen";
import { onDelegatedDownloadClick } from "@/components/documents/delegated-downloads";
import { useRowLinks } from "@/components/ui/row-links";

// The rows' hover and the cells' padding once for the body, not on each of a page's hundreds of cells.
const BODY_CLASSES =
  "divide-y divide-slate-100 [&>tr:hover]:bg-slate-50 [&>tr>td]:px-4 [&>tr>td]:py-3 [&>tr>td]:align-top [&>tr>td]:leading-tight";

/** Columns whose header is for screen readers only (a checkbox, a tool). */
const UNSEEN_HEADERS = new Set<BookingColumnId>(["select", "tools"]);

interface Props {
  /** The page's rows as tuples (booking-row-tuples.ts): half the bytes of objects. */
  packedRows: BookingRowTuple[];
  headers: BookingHeader[];
  pager: BookingsPager;
  pageIndex: number;
  pageSize: number;
  rowCount: number;
  /** The count stops at a cap; then "next" follows hasNextPage. */
  rowCountIsCapped: boolean;
  hasNextPage: boolean;
  selectable: boolean;
  showStatus: boolean;
  tools?: Record<string, ReactNode>;
  cardTools?: Record<string, ReactNode>;
  id?: string;
  /** The server's guess that the screen is a phone's (cards), until the browser measures it. */
  phoneGuess: boolean;
}

export function BookingsTableView({
  packedRows,
  headers,
  pager,
  pageIndex,
  pageSize,
  rowCount,
  rowCountIsCapped,
  hasNextPage,
  selectable,
  showStatus,
  tools,
  cardTools,
  id,
  phoneGuess,
}: Props) {
  const rows = useMemo(() => unpackBookingRows(packedRows), [packedRows]);
  // Without the admin's tools every cell is a string: the whole body is one (booking-cells-html.ts).
  const bodyHtml = useMemo(
    () =>
      tools
        ? null
        : bookingRowsHtml(
            rows,
            headers.map((header) => header.id as StringColumnId),
          ),
    [rows, headers, tools],
  );
  const list = useListUrl();
  const narrow = useNarrowScreen(phoneGuess);
  const rowLinks = useRowLinks();
  const onClick = (event: MouseEvent) => {
    rowLinks.onClick(event);
    onDelegatedDownloadClick(event);
  };
  const pending = list.pending;
  // Sorting and paging are clicks: each one a history step of its own.
  const navigate = (changes: UrlChanges) =>
    list.navigate(changes, { field: Object.keys(changes)[0] ?? "", typing: false });

  const first = pageIndex * pageSize + 1;
  const last = first + rows.length - 1;
  return (
    <div className="space-y-3" id={id} {...rowLinks} onClick={onClick}>
      {narrow ? (
        // A phone gets cards: progress in view, no sideways scrolling.
        <BookingCards
          rows={rows}
          selectable={selectable}
          showStatus={showStatus}
          tools={cardTools ?? tools}
          pending={pending}
        />
      ) : (
        <div
          className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white transition-opacity ${pending ? "opacity-60" : ""}`}
          aria-busy={pending}
        >
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="bookings-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                {headers.map((header) => (
                  <th
                    key={header.id}
                    className="px-4 py-3"
                    aria-sort={
                      header.sorted === "asc"
                        ? "ascending"
                        : header.sorted === "desc"
                          ? "descending"
                          : undefined
                    }
                  >
                    {UNSEEN_HEADERS.has(header.id) ? (
                      <span className="sr-only">{header.label}</span>
                    ) : header.nextSort ? (
                      <button
                        type="button"
                        onClick={() => navigate({ sort: header.nextSort, page: null })}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-800"
                      >
                        {header.label}
                        <span aria-hidden>
                          {header.sorted === "asc" ? "▲" : header.sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      header.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            {bodyHtml !== null ? (
              <tbody className={BODY_CLASSES} dangerouslySetInnerHTML={{ __html: bodyHtml }} />
            ) : (
              <tbody className={BODY_CLASSES}>
                {rows.map((row) => (
                  // Admin → Bookings: the tools are React's (forms); the other cells are strings all the same.
                  <tr key={row.id}>
                    {headers.map(({ id: column }) =>
                      column === "tools" ? (
                        <td key={column}>{tools?.[row.id] ?? null}</td>
                      ) : (
                        <td key={column} dangerouslySetInnerHTML={{ __html: bookingCellHtml(column, row) }} />
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            )}
          </table>
        </div>
      )}
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
              value={pageSize}
              onChange={(event) => {
                const changes = pager.sizes[Number(event.target.value)];
                if (changes) navigate(changes);
              }}
              className="rounded border border-slate-300 bg-white px-1 py-1"
            >
              {Object.keys(pager.sizes).map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-2 py-1 disabled:opacity-40"
            onClick={() => navigate(pager.previous)}
            disabled={pageIndex === 0}
          >
            Previous
          </button>
          <span>Page {pageIndex + 1}</span>
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-2 py-1 disabled:opacity-40"
            onClick={() => navigate(pager.next)}
            disabled={!hasNextPage}
          >
            Next
          </button>
        </span>
      </nav>
    </div>
  );
}
