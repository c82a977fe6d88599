import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { AcuityAppointment, AcuityClient } from "@/lib/acuity";
import { applyAcuityAppointment } from "@/lib/acuity-sync/apply-appointment";
import { databaseNow } from "@/lib/acuity-sync/database-now";
import { getSystemUserId } from "@/lib/acuity-sync/system-user";

/** One read of an appointment from Acuity, as a sync worker takes it: when it started, what it saw. */
export interface AcuityRead {
  at: Date;
  appointment: AcuityAppointment;
}

export async function readFromAcuity(
  client: AcuityClient,
  appointmentId: number | string,
): Promise<AcuityRead> {
  const at = await databaseNow(getDb());
  return { at, appointment: await client.getAppointment(Number(appointmentId)) };
}

/**
 * What a sync worker does with its read: apply it in a transaction of its own. `onSession` gets the
 * transaction's backend pid first (so a test can see it wait for a lock); `beforeCommit` holds the
 * transaction open after the apply (so a test can race another against it).
 */
export async function applyReadInItsOwnTransaction(
  read: AcuityRead,
  hooks: { onSession?: (pid: number) => void; beforeCommit?: () => Promise<void> } = {},
) {
  const systemUserId = await getSystemUserId(getDb());
  return getDb().transaction(async (tx) => {
    const { rows } = await tx.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`);
    hooks.onSession?.(rows[0]!.pid);
    const outcome = await applyAcuityAppointment(tx, read.appointment, {
      systemUserId,
      readStartedAt: read.at,
      eventIds: [],
      trigger: "webhook",
    });
    await hooks.beforeCommit?.();
    return outcome;
  });
}
