/**
 * What the booking page says about the report's due day (PRODUCT.md "Report due dates"): owed
 * once the examination has happened (or the report is being written) until the report is
 * generated — "overdue" when the specialist's today is past the due day — and afterwards the day
 * it was due. Nothing before the examination, nor for a cancelled or no-show booking.
 */
import type { BookingStatus, ProgressStage } from "@/db/schema/enums";
import { dateLabel } from "@/lib/time/people-time";
import { isReportOverdue } from "./report-due-date";

export type ReportDueStatus =
  { kind: "owed"; dueOn: string; overdue: boolean } | { kind: "delivered"; dueOn: string } | null;

const OWED_STAGES: ReadonlySet<ProgressStage> = new Set(["scheduled", "rescheduled", "generating_report"]);
const DELIVERED_STAGES: ReadonlySet<ProgressStage> = new Set(["report_generated", "payment_received"]);

export function reportDueStatus(
  booking: {
    currentProgress: ProgressStage;
    status: BookingStatus;
    appointmentDate: Date;
    reportDueOn: string | null;
  },
  specialistTimeZone: string,
  now: Date,
): ReportDueStatus {
  const dueOn = booking.reportDueOn;
  if (!dueOn) return null;
  if (DELIVERED_STAGES.has(booking.currentProgress)) return { kind: "delivered", dueOn };
  if (!OWED_STAGES.has(booking.currentProgress) || booking.status !== "active") return null;
  const examined =
    booking.currentProgress === "generating_report" || booking.appointmentDate.getTime() <= now.getTime();
  if (!examined) return null;
  return { kind: "owed", dueOn, overdue: isReportOverdue(dueOn, now, specialistTimeZone) };
}

/** A due day (YYYY-MM-DD) for people: "Mon, Dec 14, 2026" — a calendar day, no zone to convert. */
export const dueDayLabel = (day: string) => dateLabel(new Date(`${day}T12:00:00Z`), "UTC", "weekdayYear");
