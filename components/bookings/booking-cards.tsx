"use client";
/**
 * The bookings list on a phone (< 640 px): one card per booking — examinee, when, specialist,
 * progress and documents in view without scrolling sideways. Same rows, same pager as the table.
 */
import type { ReactNode } from "react";
import { DocumentIndicators } from "./document-indicators";
import { ProgressBadge } from "./progress-badge";
import { ROW_LINK } from "@/components/ui/row-link";
import {
  OrganizationName,
  ReferralNumbers,
  ReportDownload,
  SelectBooking,
  teamLine,
  type BookingTableRow,
} from "./booking-card-parts";

export function BookingCards({
  rows,
  selectable,
  showStatus,
  tools,
  pending,
}: {
  rows: BookingTableRow[];
  selectable: boolean;
  showStatus: boolean;
  tools?: Record<string, ReactNode>;
  pending: boolean;
}) {
  return (
    <ul
      className={`space-y-3 transition-opacity ${pending ? "opacity-60" : ""}`}
      aria-busy={pending}
      aria-label="Bookings"
      data-testid="booking-cards"
    >
      {rows.map((row) => (
        <li
          key={row.id}
          data-testid="booking-card"
          className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
        >
          <div className="flex items-start justify-between gap-2">
            <div className="flex min-w-0 items-start gap-2">
              {selectable && <SelectBooking row={row} />}
              <div className="min-w-0">
                <a
                  href={`/bookings/${row.id}`}
                  className="font-medium break-words text-indigo-700 underline"
                  data-testid="booking-card-link"
                  {...ROW_LINK}
                >
                  {row.examineeName}
                </a>
                <div className="cell-note">{row.phone}</div>
                <ReferralNumbers row={row} />
              </div>
            </div>
            <ProgressBadge stage={row.stage} testId="booking-card-progress" />
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">When</dt>
            <dd>
              {row.when}
              {row.whenViewer && <div className="cell-note">{`${row.whenViewer} your time`}</div>}
            </dd>
            <dt className="text-slate-600">Specialist</dt>
            <dd className="break-words">{row.specialistName}</dd>
            <dt className="text-slate-600">For</dt>
            <dd className="break-words">
              <OrganizationName row={row} /> · {teamLine(row)}
            </dd>
            <dt className="text-slate-600">Type</dt>
            <dd>
              {row.appointmentType === "telehealth" ? "Telehealth" : "In person"}
              {row.meetingLink && (
                <>
                  {" · "}
                  <a
                    href={row.meetingLink}
                    className="text-indigo-700 underline"
                    target="_blank"
                    rel="noreferrer"
                  >
                    Meeting link
                  </a>
                </>
              )}
            </dd>
            {showStatus && (
              <>
                <dt className="text-slate-600">Status</dt>
                <dd>{row.statusLabel}</dd>
              </>
            )}
          </dl>
          <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
            <DocumentIndicators documents={row.documents} />
            <ReportDownload row={row} />
          </div>
          {tools?.[row.id] && <div className="mt-2 border-t border-slate-100 pt-2">{tools[row.id]}</div>}
        </li>
      ))}
    </ul>
  );
}
