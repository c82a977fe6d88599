import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { log, LOG_EVENTS } from "@/lib/log";
import { reportWebhookGaveUp } from "@/lib/notifications/attention-reports";
import { MAX_ATTEMPTS, retryDelaySeconds } from "./retry-policy";
import type { SyncFailure } from "./sync-failure";

/**
 * Marks as processed every pending event for the appointment received before the Acuity read
 * started: each one only said "read appointment N now", and that read answered them all —
 * the claimed ones and any other worker's unclaimed ones alike. Returns their ids, so the
 * audit row can name every event the read answered. `note` says why, when the events were
 * answered without a sync (shown as "Ignored").
 */
export async function settleAnsweredEvents(
  db: DbOrTx,
  appointmentId: string,
  claimedIds: string[],
  readStartedAt: Date,
  note: string | null = null,
): Promise<string[]> {
  const settled = await db
    .update(webhookEvents)
    .set({ processedAt: sql`now()`, error: note })
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

/**
 * Keeps the failure's sentence on each event and schedules the next attempt, saying so; after
 * the last attempt — or at once when retrying cannot help — the event waits for a person.
 */
export async function recordFailedAttempt(
  db: DbOrTx,
  events: { id: string; attempts: number; resourceId?: string }[],
  failure: SyncFailure,
) {
  const gaveUp: string[] = [];
  for (const event of events) {
    const retry = failure.retry && event.attempts < MAX_ATTEMPTS;
    const next = !failure.retry
      ? ""
      : retry
        ? " The portal tries again by itself."
        : " The portal has stopped retrying: replay it once the cause is fixed.";
    const parked = await db
      .update(webhookEvents)
      .set({
        error: `${failure.message}${next}`.slice(0, 2000),
        nextAttemptAt: retry
          ? sql`now() + make_interval(secs => ${retryDelaySeconds(event.attempts)})`
          : null,
      })
      .where(and(eq(webhookEvents.id, event.id), isNull(webhookEvents.processedAt)))
      .returning({ id: webhookEvents.id });
    // The message is the admin's sentence: plain words and the appointment id, no personal data.
    if (!retry && parked.length > 0) {
      gaveUp.push(event.resourceId ?? "");
      log.error(
        {
          event: LOG_EVENTS.webhookEventGaveUp,
          webhookEventId: event.id,
          appointmentId: event.resourceId,
          attempts: event.attempts,
          reason: failure.message,
        },
        "a webhook event stopped retrying: it waits in Admin → Webhooks for a person",
      );
    }
  }
  // One line in the admins' list (in-app, daily digest) per appointment, however many events it had.
  for (const appointmentId of new Set(gaveUp)) await reportWebhookGaveUp(db, appointmentId, failure.message);
}
