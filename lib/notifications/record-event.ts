import type { DbOrTx } from "@/db/client";
import { notificationEvents } from "@/db/schema";
import type { NotificationEventFacts, NotificationEventKind } from "./kinds";

export interface NotificationEventInput {
  kind: NotificationEventKind;
  bookingId: string | null;
  /** Who made the change (the impersonated user when an admin acted for someone); null for Acuity. */
  actorUserId: string | null;
  facts?: NotificationEventFacts;
}

/**
 * Records one real change in `tx` — the change's own transaction: one row, which is also the
 * fan-out's queue entry (a transactional outbox; fan-out-loop.ts takes it after the commit and works
 * out readers and recipients). Call it where the change is applied (not where a request arrives),
 * so a duplicate webhook, which changes nothing, records nothing, and a rolled-back change leaves
 * no trace.
 */
export async function recordNotificationEvent(tx: DbOrTx, input: NotificationEventInput): Promise<string> {
  const [row] = await tx
    .insert(notificationEvents)
    .values({
      kind: input.kind,
      bookingId: input.bookingId,
      actorUserId: input.actorUserId,
      facts: input.facts ?? {},
    })
    .returning({ id: notificationEvents.id });
  if (!row) throw new Error("notification event insert returned no row");
  return row.id;
}
