import { and, eq, inArray, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { AWAITING_EXAM_STAGES, REPORT_OWED_STAGES } from "@/lib/bookings/progress/stage-groups";
import { selectSpecialistBookings, type SpecialistBookingRow } from "./specialist-booking-rows";

/** Report stages once the exam has been confirmed (REPORT_OWED_STAGES minus those still awaiting it). */
const REPORT_IN_PROGRESS_STAGES = REPORT_OWED_STAGES.filter((stage) => !AWAITING_EXAM_STAGES.includes(stage));

export interface ReportOwed extends SpecialistBookingRow {
  /** Whole days since the examination time. */
  ageDays: number;
  /** The exam time passed but nobody has said whether it took place (still scheduled). */
  attendanceUnconfirmed: boolean;
}

/**
 * Examinations whose report the viewer still owes: the report is in progress, or the exam time
 * has passed and the booking still waits for it. Oldest first — the most overdue on top.
 */
export async function listReportsOwed(db: DbOrTx, viewer: Actor, now: Date): Promise<ReportOwed[]> {
  const rows = await selectSpecialistBookings(
    db,
    viewer,
    and(
      eq(bookings.status, "active"),
      or(
        inArray(bookings.currentProgress, REPORT_IN_PROGRESS_STAGES),
        and(inArray(bookings.currentProgress, AWAITING_EXAM_STAGES), lte(bookings.appointmentDate, now)),
      ),
    ),
  );
  return rows.map((row) => ({
    ...row,
    ageDays: Math.max(0, Math.floor((now.getTime() - row.appointmentDate.getTime()) / 86_400_000)),
    attendanceUnconfirmed: AWAITING_EXAM_STAGES.includes(row.currentProgress),
  }));
}
