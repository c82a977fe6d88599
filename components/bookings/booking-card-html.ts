/**
 * A booking as a phone card (< 640 px), as an HTML string (the pieces and why:
 * booking-html-parts.ts): examinee, when, specialist, progress and documents in view without
 * scrolling sideways. booking-cards.tsx sets it as each card's inner HTML.
 */
import { escapeHtml } from "@/lib/html/escape-html";
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
  teamLineHtml,
  whenHtml,
} from "./booking-html-parts";
import type { BookingTableRow } from "./booking-table-row";

const term = (words: string) => `<dt class="text-slate-600">${words}</dt>`;

export function bookingCardHtml(
  row: BookingTableRow,
  { selectable, showStatus }: { selectable: boolean; showStatus: boolean },
) {
  const head =
    `<div class="flex items-start justify-between gap-2"><div class="flex min-w-0 items-start gap-2">` +
    (selectable ? selectBookingHtml(row) : "") +
    `<div class="min-w-0">` +
    bookingLinkHtml(row, "font-medium break-words text-indigo-700 underline", "booking-card-link") +
    noteHtml(row.phone) +
    referralNotesHtml(row) +
    `</div></div>${stageBadgeHtml(row.stage, "booking-card-progress")}</div>`;
  const meetingLink = meetingLinkHtml(row, "text-indigo-700 underline");
  const type =
    (row.appointmentType === "telehealth" ? "Telehealth" : "In person") +
    (meetingLink && ` · ${meetingLink}`);
  const facts =
    `<dl class="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">` +
    `${term("When")}<dd>${whenHtml(row)}</dd>` +
    `${term("Specialist")}<dd class="break-words">${escapeHtml(row.specialistName)}</dd>` +
    `${term("For")}<dd class="break-words">${organizationNameHtml(row)} · ${teamLineHtml(row)}</dd>` +
    `${term("Type")}<dd>${type}</dd>` +
    (showStatus ? `${term("Status")}<dd>${escapeHtml(row.statusLabel)}</dd>` : "") +
    `</dl>`;
  const papers =
    `<div class="mt-2 flex flex-wrap items-center justify-between gap-2">` +
    documentChipsHtml(row.documents) +
    reportDownloadHtml(row) +
    `</div>`;
  return head + facts + papers;
}
