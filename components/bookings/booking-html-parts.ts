/**
 * The pieces a listed booking is written with — as HTML strings, not React elements — shared by
 * the table's rows (booking-cells-html.ts) and the phone cards (booking-card-html.ts). A page of
 * 25 bookings is ≈ 600 elements; through React's server render each was its own run of writes
 * (tag, each attribute, close), the largest share of the page's cost that the sign-in page does
 * not also pay (issue 14). The list view sets them as inner HTML, on the server and in the browser.
 *
 * Every value passes through escapeHtml — a name, a claim number or a team's name is data, never
 * markup — and an href is written only for an http(s) address. The markup is what React wrote
 * before (the screens are pixel-identical); what repeats is styled from globals.css.
 */
import type { ProgressStage } from "@/db/schema/enums";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";
import { escapeHtml, isWebAddress } from "@/lib/html/escape-html";
import { teamLine, type BookingTableRow, type DocumentPresence } from "./booking-table-row";

/** A line under a value (phone, claim number, the viewer's clock, the team). */
export const noteHtml = (text: string) => `<div class="cell-note">${escapeHtml(text)}</div>`;

/** The referral's numbers under the examinee's name, when present. */
export const referralNotesHtml = (row: BookingTableRow) =>
  (row.claimNumber ? noteHtml(`Claim ${row.claimNumber}`) : "") +
  (row.caseManagerReference ? noteHtml(`Ref. ${row.caseManagerReference}`) : "");

/** The examination's time by the specialist's clock, and the viewer's beneath when it differs. */
export const whenHtml = (row: BookingTableRow) =>
  escapeHtml(row.when) + (row.whenViewer ? noteHtml(`${row.whenViewer} your time`) : "");

/** A stage's pill: the markup of ProgressBadge (progress-badge.tsx; a test holds them equal). */
export const stageBadgeHtml = (stage: ProgressStage, testId?: string) =>
  `<span${testId ? ` data-testid="${testId}"` : ""} data-stage="${stage}" class="stage-badge">${escapeHtml(STAGE_NAMES[stage])}</span>`;

/** The organization's name, marked when the booking waits in triage (in words too: the team line). */
export const organizationNameHtml = (row: BookingTableRow) =>
  row.inTriage
    ? `<span class="rounded bg-amber-100 px-1 text-amber-900" data-testid="booking-in-triage">${escapeHtml(row.organizationName)}</span>`
    : escapeHtml(row.organizationName);

export const teamLineHtml = (row: BookingTableRow) => escapeHtml(teamLine(row));

/** The telehealth meeting's link (opens apart from the portal), only at an http(s) address. */
export const meetingLinkHtml = (row: BookingTableRow, className: string) =>
  row.meetingLink && isWebAddress(row.meetingLink)
    ? `<a href="${escapeHtml(row.meetingLink)}" class="${className}" target="_blank" rel="noreferrer" data-testid="meeting-link">Meeting link</a>`
    : "";

/** The selection checkbox, 24 × 24 px (WCAG 2.5.8): the bulk bar reads the checked ones (admin-bookings-bulk.tsx). */
export const selectBookingHtml = (row: BookingTableRow) =>
  `<input type="checkbox" data-booking-select value="${escapeHtml(row.id)}"` +
  ` aria-label="${escapeHtml(`Select booking of ${row.examineeName}`)}" class="size-6 accent-indigo-600">`;

const DOCUMENT_CHIPS = [
  { key: "brief", label: "Brief" },
  { key: "consentForm", label: "Consent" },
  { key: "report", label: "Report" },
] as const;

/**
 * Which of the documents are there — brief, consent form, report — as a short list: a shape (✓ or
 * ○, drawn by the chip's ::before with empty alternative text, so screen readers skip it) and the
 * word, so neither colour nor the symbol alone carries it, and the state in words for screen
 * readers ("Brief: not yet"). A chip is a bare <li> with its state and a bare <span> with its words;
 * the look (chip, shape, visually hidden words) is .document-chips in globals.css.
 */
export const documentChipsHtml = (documents: DocumentPresence) =>
  `<ul class="document-chips" aria-label="Documents">` +
  DOCUMENT_CHIPS.map(
    ({ key, label }) =>
      `<li data-present="${documents[key]}">${label}<span>${documents[key] ? ": uploaded" : ": not yet"}</span></li>`,
  ).join("") +
  `</ul>`;

/**
 * The report's download, named for the booking so several on a page are told apart. The list's
 * container handles its click (delegated-downloads.ts) with DownloadButton's steps.
 */
export const reportDownloadHtml = (row: BookingTableRow, className?: string) =>
  row.report
    ? `<span${className ? ` class="${className}"` : ""} data-testid="row-report-download"><span class="inline-flex flex-col items-end">` +
      `<button type="button" class="button button-secondary" data-download-document="${escapeHtml(row.report.documentId)}"` +
      ` aria-label="${escapeHtml(`Download ${row.report.fileName} (report of ${row.examineeName})`)}">Download</button></span></span>`
    : "";

/** The link to the booking: the list's container navigates it in the app (data-row-link: row-links.ts). */
export const bookingLinkHtml = (row: BookingTableRow, className: string, testId?: string) =>
  `<a href="/bookings/${escapeHtml(row.id)}" class="${className}"${testId ? ` data-testid="${testId}"` : ""} data-row-link>${escapeHtml(row.examineeName)}</a>`;
