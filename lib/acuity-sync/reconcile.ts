import type { Database } from "@/db/client";
import type { AcuityAppointment, AcuityClient } from "@/lib/acuity";
import { applyAcuityAppointment, type ApplyOutcome } from "./apply-appointment";
import { databaseNow } from "./database-now";
import { describeSyncError } from "./process-events";
import { settleAnsweredEvents } from "./settle-events";
import { getSystemUserId } from "./system-user";

export interface ReconcileReport {
  window: { from: string; to: string };
  seen: number;
  outcomes: Partial<Record<ApplyOutcome["outcome"], number>>;
  failed: { appointmentId: number; error: string }[];
}

const DAY = 86_400_000;
/** Acuity lists at most `max` per call: read the window a week at a time. */
const CHUNK_DAYS = 7;
const PAGE_MAX = 2000;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Reads every appointment of a date window from Acuity — active and cancelled — and makes
 * each booking match, so a webhook that never arrived is repaired. Pending events about an
 * appointment are answered by the same read.
 */
export async function reconcileWindow(db: Database, client: AcuityClient, window: { from: Date; to: Date }): Promise<ReconcileReport> {
  const systemUserId = await getSystemUserId(db);
  const report: ReconcileReport = { window: { from: isoDate(window.from), to: isoDate(window.to) }, seen: 0, outcomes: {}, failed: [] };
  for (let start = window.from.getTime(); start <= window.to.getTime(); start += CHUNK_DAYS * DAY) {
    const chunk = { minDate: isoDate(new Date(start)), maxDate: isoDate(new Date(Math.min(start + (CHUNK_DAYS - 1) * DAY, window.to.getTime()))) };
    const readStartedAt = await databaseNow(db);
    const appointments: AcuityAppointment[] = [
      ...(await client.listAppointments({ ...chunk, max: PAGE_MAX })),
      ...(await client.listAppointments({ ...chunk, max: PAGE_MAX, canceled: true })),
    ];
    for (const appointment of appointments) {
      report.seen += 1;
      try {
        const outcome = await db.transaction(async (tx) => {
          const result = await applyAcuityAppointment(tx, appointment, { systemUserId, readStartedAt, eventIds: [], trigger: "reconcile" });
          await settleAnsweredEvents(tx, String(appointment.id), [], readStartedAt);
          return result.outcome;
        });
        report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
      } catch (error) {
        report.failed.push({ appointmentId: appointment.id, error: describeSyncError(error) });
      }
    }
  }
  return report;
}
