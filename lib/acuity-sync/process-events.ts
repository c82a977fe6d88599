import type { Database } from "@/db/client";
import { AcuityNotFoundError, type AcuityClient } from "@/lib/acuity";
import { applyAcuityAppointment, type ApplyOutcome } from "./apply-appointment";
import { settleAppointmentNotInAcuity } from "./appointment-not-in-acuity";
import { databaseNow } from "./database-now";
import type { ClaimedEvent } from "./claim-events";
import { recordFailedAttempt, settleAnsweredEvents } from "./settle-events";
import { explainSyncFailure } from "./sync-failure";
import { getSystemUserId } from "./system-user";

export interface ProcessingReport {
  appointments: number;
  succeeded: number;
  failed: number;
  outcomes: ApplyOutcome["outcome"][];
  /** Claimed events not started because `shouldStop` said so: the caller releases them. */
  unstarted: ClaimedEvent[];
}

/** One read of appointment N from Acuity answers every claimed event about N. */
async function syncOneAppointment(
  db: Database,
  client: AcuityClient,
  appointmentId: string,
  events: ClaimedEvent[],
) {
  const systemUserId = await getSystemUserId(db);
  // Read Acuity outside any transaction: no connection waits on Acuity's rate limit.
  const readStartedAt = await databaseNow(db);
  const appointment = await client.getAppointment(Number(appointmentId)).catch((error: unknown) => {
    if (error instanceof AcuityNotFoundError) return null;
    throw error;
  });
  if (!appointment)
    return settleAppointmentNotInAcuity(
      db,
      appointmentId,
      events.map((e) => e.id),
      readStartedAt,
    );
  return db.transaction(async (tx) => {
    // Settle first so the audit row names every event this read answered, unclaimed ones too;
    // a failure below rolls the settling back with everything else.
    const answered = await settleAnsweredEvents(
      tx,
      appointmentId,
      events.map((e) => e.id),
      readStartedAt,
    );
    return applyAcuityAppointment(tx, appointment, {
      systemUserId,
      readStartedAt,
      eventIds: answered,
      trigger: "webhook",
    });
  });
}

/**
 * Processes claimed events grouped by appointment, a few appointments at a time. Once `shouldStop`
 * says so (the process is shutting down), appointments already started finish and the rest are
 * left unstarted, returned for the caller to release.
 */
export async function processClaimedEvents(
  db: Database,
  client: AcuityClient,
  claimed: ClaimedEvent[],
  concurrency = 8,
  shouldStop: () => boolean = () => false,
): Promise<ProcessingReport> {
  const groups = new Map<string, ClaimedEvent[]>();
  for (const event of claimed) groups.set(event.resourceId, [...(groups.get(event.resourceId) ?? []), event]);
  const queue = [...groups.entries()];
  const report: ProcessingReport = {
    appointments: groups.size,
    succeeded: 0,
    failed: 0,
    outcomes: [],
    unstarted: [],
  };

  const work = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (shouldStop()) {
        report.unstarted.push(...next[1]);
        continue;
      }
      const [appointmentId, events] = next;
      try {
        report.outcomes.push((await syncOneAppointment(db, client, appointmentId, events)).outcome);
        report.succeeded += 1;
      } catch (error) {
        report.failed += 1;
        await recordFailedAttempt(db, events, explainSyncFailure(error, appointmentId));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, work));
  return report;
}
