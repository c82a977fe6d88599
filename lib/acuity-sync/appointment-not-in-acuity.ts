import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings } from "@/db/schema";
import type { ApplyOutcome } from "./apply-appointment";
import { SyncNeedsPersonError } from "./errors";
import { settleAnsweredEvents } from "./settle-events";

/**
 * Acuity answers "not found" for the appointment a webhook named. Retrying cannot change that
 * answer, so it is never retried: with no booking linked there is nothing to sync (the events
 * are settled as ignored, saying why); with one, a person has to find out what happened.
 */
export async function settleAppointmentNotInAcuity(
  db: DbOrTx,
  appointmentId: string,
  claimedIds: string[],
  readStartedAt: Date,
): Promise<ApplyOutcome> {
  const [booking] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(eq(bookings.acuityAppointmentId, appointmentId));
  if (booking) {
    throw new SyncNeedsPersonError(
      `Acuity has no appointment ${appointmentId} any more, yet booking ${booking.id} is linked to it: ` +
        "ask the specialist's office whether the examination still takes place, then cancel or correct the booking in the portal.",
    );
  }
  const note = `Ignored: Acuity has no appointment ${appointmentId} (it answers "not found") and no booking is linked to it, so there is nothing to sync.`;
  await settleAnsweredEvents(db, appointmentId, claimedIds, readStartedAt, note);
  return { outcome: "ignored", reason: "not in Acuity" };
}
