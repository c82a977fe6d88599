import type { DbOrTx } from "@/db/client";
import type { BookingEventPlan } from "./booking-change-events";
import { recordNotificationEvent } from "./record-event";

/**
 * Records a booking change's event (when the change is news — see booking-change-events.ts) in
 * the change's transaction `tx`. `actorUserId` is null for changes that came from Acuity.
 */
export async function recordBookingChange(
  tx: DbOrTx,
  change: { bookingId: string; actorUserId: string | null },
  plan: BookingEventPlan | null,
): Promise<string | null> {
  if (!plan) return null;
  return recordNotificationEvent(tx, {
    kind: plan.kind,
    bookingId: change.bookingId,
    actorUserId: change.actorUserId,
    facts: plan.facts,
  });
}
