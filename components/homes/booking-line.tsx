import type { ReactNode } from "react";
import { ROW_LINK } from "@/components/ui/row-link";
import { ProgressBadge } from "@/components/bookings/progress-badge";
import { ZonedTime } from "@/components/bookings/zoned-time";
import type { HomeBookingRow } from "@/lib/homes/shared";

/** Brief / consent present or missing, in words (never colour alone). */
export function PaperFlag({ present, label, testId }: { present: boolean; label: string; testId: string }) {
  return (
    <span
      data-testid={testId}
      data-present={present}
      className={`rounded px-1.5 py-0.5 text-xs whitespace-nowrap ${present ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800"}`}
    >
      {label} {present ? "in" : "missing"}
    </span>
  );
}

/**
 * One booking on a home: the examination time (the specialist's zone, the viewer's under it when
 * it differs), the examinee as a link to the booking, specialist and organization, its stage —
 * and whatever the list adds (`children`: a due day, a download, what changed).
 */
export function BookingLine({
  row,
  viewerZone,
  testId,
  showPapers = false,
  children,
}: {
  row: HomeBookingRow;
  viewerZone: string | null;
  testId: string;
  showPapers?: boolean;
  children?: ReactNode;
}) {
  return (
    <li
      className="flex flex-col gap-1 py-3 text-sm sm:flex-row sm:items-start sm:gap-4"
      data-testid={testId}
      data-booking-id={row.id}
    >
      <span className="shrink-0 font-medium text-slate-900 sm:w-44">
        <ZonedTime
          instant={row.appointmentDate}
          zone={row.specialistTimezone ?? "UTC"}
          viewerZone={viewerZone}
          dateStyle="weekday"
          secondaryClassName="text-xs font-normal text-slate-600"
        />
      </span>
      <span className="flex min-w-0 flex-1 flex-col gap-1">
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <a
            href={`/bookings/${row.id}`}
            className="font-medium text-indigo-700 underline hover:text-indigo-900"
            data-testid="examinee"
            {...ROW_LINK}
          >
            {row.examineeName}
          </a>
          <ProgressBadge stage={row.currentProgress} testId="stage" />
        </span>
        <span className="text-slate-600">
          {row.specialistName} · {row.organizationName}
        </span>
        {showPapers && (
          <span className="flex flex-wrap gap-1">
            <PaperFlag present={row.hasBrief} label="Brief" testId="brief-flag" />
            <PaperFlag present={row.hasConsentForm} label="Consent form" testId="consent-flag" />
          </span>
        )}
      </span>
      {children && <span className="flex shrink-0 flex-col items-start gap-1 sm:items-end">{children}</span>}
    </li>
  );
}
