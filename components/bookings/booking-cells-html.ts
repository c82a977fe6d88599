/**
 * The bookings table's cells as HTML strings (the pieces and why: booking-html-parts.ts). The table
 * view (bookings-table-view.tsx) sets a page's rows as its body's inner HTML; Admin → Bookings,
 * whose tools are React's (forms), sets each other cell's.
 */
import { escapeHtml } from "@/lib/html/escape-html";
import type { BookingColumnId } from "./bookings-table-model";
import {
  bookingLinkHtml,
  documentChipsHtml,
  meetingLinkHtml,
  noteHtml,
  organizationNameHtml,
  referralNotesHtml,
  reportDownloadHtml,
  selectBookingHtml,
  stageBadgeHtml,
  whenHtml,
} from "./booking-html-parts";
import { teamLine, type BookingTableRow } from "./booking-table-row";

export type StringColumnId = Exclude<BookingColumnId, "tools">;

const CELLS: Record<StringColumnId, (row: BookingTableRow) => string> = {
  select: selectBookingHtml,
  examineeName: (row) => bookingLinkHtml(row, "booking-link") + noteHtml(row.phone) + referralNotesHtml(row),
  appointmentDate: whenHtml,
  specialist: (row) => escapeHtml(row.specialistName),
  organization: (row) => organizationNameHtml(row) + noteHtml(teamLine(row)),
  type: (row) =>
    row.appointmentType === "telehealth"
      ? "Telehealth" + meetingLinkHtml(row, "block text-xs text-indigo-700 hover:underline")
      : "In person",
  status: (row) => escapeHtml(row.statusLabel),
  progress: (row) => stageBadgeHtml(row.stage),
  documents: (row) => documentChipsHtml(row.documents) + reportDownloadHtml(row, "mt-2 block"),
  createdAt: (row) => escapeHtml(row.created),
};

/** One cell's inner HTML. */
export const bookingCellHtml = (column: StringColumnId, row: BookingTableRow) => CELLS[column](row);

/** A page's rows (`<tr>`s) for the table's body, the columns in the header's order. */
export const bookingRowsHtml = (rows: BookingTableRow[], columns: StringColumnId[]) =>
  rows
    .map((row) => `<tr>${columns.map((column) => `<td>${CELLS[column](row)}</td>`).join("")}</tr>`)
    .join("");
