/**
 * The bookings table's cells written as HTML strings, not React elements (issue 14). A page of
 * 25 rows is ≈ 600 elements; through React's server render each one was its own set of writes
 * (tag, each attribute, close), and that was the largest share of the page's cost that the
 * sign-in page does not also pay — as strings, a page's server CPU fell by ≈ 1.1 ms of 11
 * (paired timing at 1,000,000 bookings). The table view (bookings-table-view.tsx) sets them as
 * its rows' inner HTML, in the server's render and the browser's alike.
 *
 * Every value passes through escapeHtml — a name, a claim number or a team's name is data, never
 * markup — and an href is written only for an http(s) address. The markup is the one React wrote
 * before (the screens are pixel-identical); what repeats is styled from globals.css.
 */
import { escapeHtml, isWebAddress } from "@/lib/html/escape-html";
import type { ProgressStage } from "@/db/schema/enums";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";
import { teamLine, type BookingTableRow } from "./booking-card-parts";
import type { BookingColumnId } from "./bookings-table-model";
import { documentChipItemsHtml } from "./document-indicators";

/** A line under a cell's main value (phone, claim number, the viewer's clock, the team). */
const note = (text: string) => `<div class="cell-note">${escapeHtml(text)}</div>`;

/** A stage's pill: the markup of ProgressBadge (progress-badge.tsx; a test holds them equal). */
export const stageBadgeHtml = (stage: ProgressStage) =>
  `<span data-stage="${stage}" class="stage-badge">${escapeHtml(STAGE_NAMES[stage])}</span>`;

/**
 * The report's download button; the table's container handles its click
 * (delegated-downloads.ts), as DownloadButton does for a single one.
 */
const reportDownloadHtml = (report: NonNullable<BookingTableRow["report"]>, examineeName: string) =>
  `<span class="mt-2 block" data-testid="row-report-download"><span class="inline-flex flex-col items-end">` +
  `<button type="button" class="button button-secondary" data-download-document="${escapeHtml(report.documentId)}"` +
  ` aria-label="${escapeHtml(`Download ${report.fileName} (report of ${examineeName})`)}">Download</button></span></span>`;

const CELLS: Record<Exclude<BookingColumnId, "tools">, (row: BookingTableRow) => string> = {
  // A plain checkbox: the admin's bulk bar reads the checked ones from the page (admin-bookings-bulk.tsx).
  select: (row) =>
    `<input type="checkbox" data-booking-select value="${escapeHtml(row.id)}"` +
    ` aria-label="${escapeHtml(`Select booking of ${row.examineeName}`)}" class="size-6 accent-indigo-600">`,
  // data-row-link: the table's container navigates it in the app (row-links.ts).
  examineeName: (row) =>
    `<a href="/bookings/${escapeHtml(row.id)}" class="booking-link" data-row-link>${escapeHtml(row.examineeName)}</a>` +
    note(row.phone) +
    (row.claimNumber ? note(`Claim ${row.claimNumber}`) : "") +
    (row.caseManagerReference ? note(`Ref. ${row.caseManagerReference}`) : ""),
  appointmentDate: (row) =>
    escapeHtml(row.when) + (row.whenViewer ? note(`${row.whenViewer} your time`) : ""),
  specialist: (row) => escapeHtml(row.specialistName),
  // A booking in triage is marked in words too (the team line says what it waits for), not colour alone.
  organization: (row) =>
    (row.inTriage
      ? `<span class="rounded bg-amber-100 px-1 text-amber-900" data-testid="booking-in-triage">${escapeHtml(row.organizationName)}</span>`
      : escapeHtml(row.organizationName)) + note(teamLine(row)),
  type: (row) =>
    row.appointmentType === "telehealth"
      ? "Telehealth" +
        (row.meetingLink && isWebAddress(row.meetingLink)
          ? `<a href="${escapeHtml(row.meetingLink)}" class="block text-xs text-indigo-700 hover:underline" target="_blank" rel="noreferrer" data-testid="meeting-link">Meeting link</a>`
          : "")
      : "In person",
  status: (row) => escapeHtml(row.statusLabel),
  progress: (row) => stageBadgeHtml(row.stage),
  documents: (row) =>
    `<ul class="document-chips" aria-label="Documents">${documentChipItemsHtml(row.documents)}</ul>` +
    (row.report ? reportDownloadHtml(row.report, row.examineeName) : ""),
  createdAt: (row) => escapeHtml(row.created),
};

/** One cell's inner HTML. `tools` is React's (the admin's forms): never a string. */
export const bookingCellHtml = (column: Exclude<BookingColumnId, "tools">, row: BookingTableRow) =>
  CELLS[column](row);

/** A page's rows (`<tr>`s) for the table's body, the columns in the header's order. */
export const bookingRowsHtml = (rows: BookingTableRow[], columns: Exclude<BookingColumnId, "tools">[]) =>
  rows
    .map((row) => `<tr>${columns.map((column) => `<td>${CELLS[column](row)}</td>`).join("")}</tr>`)
    .join("");
