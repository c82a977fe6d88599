import { ROW_LINK } from "@/components/ui/row-link";
import { ProgressBadge } from "@/components/bookings/progress-badge";
import { ZonedTime } from "@/components/bookings/zoned-time";
import type { HomeBookingRow } from "@/lib/homes/shared";
import { PaperFlag } from "./booking-line";

/** One examination in a day of the specialist's week: time, examinee (the link the arrow keys move between), kind, papers, stage. */
export function WeekItem({ row, viewerZone }: { row: HomeBookingRow; viewerZone: string | null }) {
  return (
    <li className="week-item" data-testid="agenda-item" data-booking-id={row.id}>
      <span className="week-item-time">
        <ZonedTime
          instant={row.appointmentDate}
          zone={row.specialistTimezone ?? "UTC"}
          viewerZone={viewerZone}
          dateStyle="none"
          secondaryClassName="zoned-time-note"
        />
      </span>
      <a
        href={`/bookings/${row.id}`}
        data-week-item
        data-testid="examinee"
        {...ROW_LINK}
        className="week-item-link"
      >
        {row.examineeName}
      </a>
      <span className="week-item-kind">
        {row.appointmentType === "in_person" ? "In person" : "Telehealth"} · {row.organizationName}
      </span>
      <span className="flag-row">
        <PaperFlag present={row.hasBrief} label="Brief" testId="brief-flag" />
        <PaperFlag present={row.hasConsentForm} label="Consent" testId="consent-flag" />
      </span>
      <ProgressBadge stage={row.currentProgress} testId="stage" />
    </li>
  );
}
