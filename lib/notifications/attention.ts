import type { DbOrTx } from "@/db/client";
import { getDb } from "@/db/client";
import { log, LOG_EVENTS, type LogEvent } from "@/lib/log";
import { recordNotificationEvent } from "./record-event";

export interface AttentionNeeded {
  /** The log event of the failure (LOG_EVENTS value): what kind of thing needs a person. */
  reason: LogEvent;
  /** A sentence an admin can act on: what happened and what to do. No examinee data, no SQL. */
  summary: string;
  /** The booking it concerns, when one exists (a booking that was never saved has none). */
  bookingId: string | null;
}

/**
 * Something needs a person: an `attention.needed` event, fanned out to the platform admins
 * in-app and listed in their daily digest. In the transaction of the change that found it, when
 * there is one.
 */
export function recordAttentionNeeded(tx: DbOrTx, attention: AttentionNeeded): Promise<string> {
  return recordNotificationEvent(tx, {
    kind: "attention.needed",
    bookingId: attention.bookingId,
    actorUserId: null,
    facts: { reason: attention.reason, summary: attention.summary },
  });
}

/**
 * The same, on its own connection, where the failure itself broke the transaction (or there was
 * none). Never throws: the failure being reported is already handled and logged, and telling the
 * admins must not turn it into a crash — if the record cannot be written either, the log line
 * (error level, with its stable event name) is what remains.
 */
export async function reportAttentionNeeded(attention: AttentionNeeded, db: DbOrTx = getDb()): Promise<void> {
  try {
    await recordAttentionNeeded(db, attention);
  } catch (error) {
    log.error(
      { event: LOG_EVENTS.attentionNotRecorded, reason: attention.reason, err: error },
      "something that needs a person could not be recorded for the admins; the log line before this one says what",
    );
  }
}
