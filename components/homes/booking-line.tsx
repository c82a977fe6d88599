import type { ReactNode } from "react";
import { ROW_LINK } from "@/components/ui/row-link";
import { ProgressBadge } from "@/components/bookings/progress-badge";
import { ZonedTime } from "@/components/bookings/zoned-time";
import type { HomeBookingRow } from "@/lib/homes/shared";

/** Brief / consent present or missing, in words (never colour alone). */
export function PaperFlag({ present, label, testId }: { present: boolean; label: string; testId: string }) {
  return (
    <span data-testid={testId} data-present={present} className="paper-flag">
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
    <li className="home-line" data-testid={testId} data-booking-id={row.id}>
      <span className="home-line-time">
        <ZonedTime
          instant={row.appointmentDate}
          zone={row.specialistTimezone ?? "UTC"}
          viewerZone={viewerZone}
          dateStyle="weekday"
          secondaryClassName="zoned-time-note"
        />
      </span>
      <span className="home-line-main">
        <span className="home-line-title">
          <a href={`/bookings/${row.id}`} className="list-link" data-testid="examinee" {...ROW_LINK}>
            {row.examineeName}
          </a>
          <ProgressBadge stage={row.currentProgress} testId="stage" />
        </span>
        <span className="text-slate-600">
          {row.specialistName} · {row.organizationName}
        </span>
        {showPapers && (
          <span className="flag-row">
            <PaperFlag present={row.hasBrief} label="Brief" testId="brief-flag" />
            <PaperFlag present={row.hasConsentForm} label="Consent form" testId="consent-flag" />
          </span>
        )}
      </span>
      {children && <span className="home-line-detail">{children}</span>}
    </li>
  );
}
