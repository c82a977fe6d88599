import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { MAX_ATTEMPTS, retryDelaySeconds } from "./retry-policy";

/**
 * Marks as processed every pending event for the appointment received before the Acuity read
 * started: each one only said "read appointment N now", and that read answered them all —
 * the claimed ones and any other worker's unclaimed ones alike. Returns their ids, so the
 * audit row can name every event the read answered.
 */
export async function settleAnsweredEvents(db: DbOrTx, appointmentId: string, claimedIds: string[], readStartedAt: Date): Promise<string[]> {
  const settled = await db
    .update(webhookEvents)
    .set({ processedAt: sql`now()`, error: null })
    .where(
      and(
        isNull(webhookEvents.processedAt),
        eq(webhookEvents.resourceId, appointmentId),
        or(inArray(webhookEvents.id, claimedIds), lte(webhookEvents.createdAt, readStartedAt)),
      ),
    )
    .returning({ id: webhookEvents.id });
  return settled.map((row) => row.id).sort();
}

/** Keeps the failure on each event and schedules the next attempt; after the last, waits for a replay. */
export async function recordFailedAttempt(db: DbOrTx, events: { id: string; attempts: number }[], message: string) {
  for (const event of events) {
    const retry = event.attempts < MAX_ATTEMPTS;
    await db
      .update(webhookEvents)
      .set({
        error: message.slice(0, 2000),
        nextAttemptAt: retry ? sql`now() + make_interval(secs => ${retryDelaySeconds(event.attempts)})` : null,
      })
      .where(and(eq(webhookEvents.id, event.id), isNull(webhookEvents.processedAt)));
  }
}
