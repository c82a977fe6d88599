import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { acuitySyncMarks } from "@/db/schema";

/**
 * Raises an appointment's sync mark to `at` unless it already stands there or later; true when
 * it rose. The mark is the newest moment the booking is known to match Acuity from: a sync's
 * read start, or the moment Acuity answered one of the portal's own changes. The row stays
 * locked until the transaction ends, so marks of one appointment are taken one at a time.
 */
async function raiseSyncMark(tx: Tx, acuityAppointmentId: string, at: Date | SQL): Promise<boolean> {
  const raised = await tx
    .insert(acuitySyncMarks)
    .values({ acuityAppointmentId, readStartedAt: at })
    .onConflictDoUpdate({
      target: acuitySyncMarks.acuityAppointmentId,
      set: { readStartedAt: sql`excluded.read_started_at`, appliedAt: sql`now()` },
      setWhere: sql`${acuitySyncMarks.readStartedAt} < excluded.read_started_at`,
    })
    .returning({ id: acuitySyncMarks.acuityAppointmentId });
  return raised.length === 1;
}

/** A sync may apply its read of Acuity only if no newer read or portal change was applied. */
export const claimSyncMark = (tx: Tx, acuityAppointmentId: string, readStartedAt: Date) =>
  raiseSyncMark(tx, acuityAppointmentId, readStartedAt);

/**
 * The portal changed the appointment in Acuity (moved or cancelled it) and is writing the same
 * change to the booking: any read of Acuity that started before Acuity answered may hold the
 * appointment as it was, and must not be applied after this — a webhook retry that read the old
 * time while the portal was moving it would move the booking back and tell everyone so. Call it
 * after Acuity answered, with the booking row locked: syncs lock the booking before the mark too,
 * so the two never wait on each other in opposite order.
 */
export async function markPortalChangeInAcuity(tx: Tx, acuityAppointmentId: string): Promise<void> {
  await raiseSyncMark(tx, acuityAppointmentId, sql`clock_timestamp()`);
}
