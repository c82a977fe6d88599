import { dueDayLabel, type ReportDueStatus } from "@/lib/bookings/report-due-status";

/** What the booking page labels the due day: owed, or (after the report) the day it was due. */
export const reportDueLabel = (status: NonNullable<ReportDueStatus>) =>
  status.kind === "delivered" ? "Report was due" : "Report due";

/**
 * The report's due day on the booking page, with an "Overdue" badge once the specialist's today
 * is past it. A day of the specialist's calendar, so it is written as a date without a zone.
 */
export function ReportDue({ status }: { status: NonNullable<ReportDueStatus> }) {
  return (
    <span data-testid="report-due" className="inline-flex flex-wrap items-center gap-2">
      <time dateTime={status.dueOn}>{dueDayLabel(status.dueOn)}</time>
      {status.kind === "owed" && status.overdue && (
        <span className="rounded-full bg-rose-100 px-2 py-0.5 text-xs font-semibold text-rose-800">
          Overdue
        </span>
      )}
    </span>
  );
}
