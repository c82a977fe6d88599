import { ROW_LINK } from "@/components/ui/row-link";
import { ProgressBadge } from "@/components/bookings/progress-badge";
import { ZonedTime } from "@/components/bookings/zoned-time";
import type { HomeBookingRow } from "@/lib/homes/shared";
import { PaperFlag } from "./booking-line";

/** One examination in a day of the specialist's week: time, examinee (the link the arrow keys move between), kind, papers, stage. */
export function WeekItem({ row, viewerZone }: { row: HomeBookingRow; viewerZone: string | null }) {
  return (
    <li className="space-y-1 px-2 py-2 text-sm" data-testid="agenda-item" data-booking-id={row.id}>
      <span className="block font-medium text-slate-900">
        <ZonedTime
          instant={row.appointmentDate}
          zone={row.specialistTimezone ?? "UTC"}
          viewerZone={viewerZone}
          dateStyle="none"
          secondaryClassName="text-xs font-normal text-slate-600"
        />
      </span>
      <a
        href={`/bookings/${row.id}`}
        data-week-item
        data-testid="examinee"
        {...ROW_LINK}
        className="block font-medium break-words text-indigo-700 underline hover:text-indigo-900"
      >
        {row.examineeName}
      </a>
      <span className="block text-xs text-slate-700">
        {row.appointmentType === "in_person" ? "In person" : "Telehealth"} · {row.organizationName}
      </span>
      <span className="flex flex-wrap gap-1">
        <PaperFlag present={row.hasBrief} label="Brief" testId="brief-flag" />
        <PaperFlag present={row.hasConsentForm} label="Consent" testId="consent-flag" />
      </span>
      <ProgressBadge stage={row.currentProgress} testId="stage" />
    </li>
  );
}
