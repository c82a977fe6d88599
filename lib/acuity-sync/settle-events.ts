import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { MAX_ATTEMPTS, retryDelaySeconds } from "./retry-policy";

/**
 * Marks as processed every pending event for the appointment received before the Acuity read
 * started: each one only said "read appointment N now", and that read answered them all.
 */
export async function settleAnsweredEvents(db: DbOrTx, appointmentId: string, claimedIds: string[], readStartedAt: Date) {
  await db.execute(sql`
    UPDATE webhook_events SET processed_at = now(), error = NULL
    WHERE processed_at IS NULL AND resource_id = ${appointmentId}
      AND (id IN ${claimedIds} OR created_at <= ${readStartedAt.toISOString()})`);
}

/** Keeps the failure on each event and schedules the next attempt; after the last, waits for a replay. */
export async function recordFailedAttempt(db: DbOrTx, events: { id: string; attempts: number }[], message: string) {
  for (const event of events) {
    const retry = event.attempts < MAX_ATTEMPTS;
    await db.execute(sql`
      UPDATE webhook_events
      SET error = ${message.slice(0, 2000)},
          next_attempt_at = ${retry ? sql`now() + make_interval(secs => ${retryDelaySeconds(event.attempts)})` : sql`NULL`}
      WHERE id = ${event.id} AND processed_at IS NULL`);
  }
}
