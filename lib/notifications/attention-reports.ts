/**
 * The failures that need a person, as the admins read them (in-app and in the daily digest):
 * each one is also an error-level log line with the same event name (lib/log/events.ts), where the
 * detail is. The sentences name bookings by reference and appointments by Acuity id — never the
 * examinee — and say what to do. Each is written on its own connection and never throws
 * (attention.ts, reportAttentionNeeded): the failure it reports is already handled.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings } from "@/db/schema";
import { LOG_EVENTS } from "@/lib/log";
import { reportAttentionNeeded } from "./attention";

/** The booking linked to an Acuity appointment, if any (so the admin's notification links to it). */
async function bookingOfAppointment(db: DbOrTx, appointmentId: string): Promise<string | null> {
  if (!appointmentId) return null;
  const [row] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(eq(bookings.acuityAppointmentId, appointmentId))
    .limit(1);
  return row?.id ?? null;
}

/** A webhook event stopped retrying (or cannot be fixed by retrying): it waits in Admin → Webhooks. */
export async function reportWebhookGaveUp(db: DbOrTx, appointmentId: string, reason: string): Promise<void> {
  const bookingId = await bookingOfAppointment(db, appointmentId).catch(() => null);
  await reportAttentionNeeded(
    {
      reason: LOG_EVENTS.webhookEventGaveUp,
      summary:
        `Acuity's change to appointment ${appointmentId || "(no id)"} could not be applied and the portal has stopped retrying: ${reason} ` +
        "Fix the cause, then replay it in Admin → Webhooks.",
      bookingId,
    },
    db,
  );
}

/**
 * Saving a booking failed after Acuity made its appointment. `orphaned`: cancelling that
 * appointment failed too, so Acuity holds it until the worker cancels it (it retries by itself).
 * The booking was never saved, so the event names its reference, not a booking row.
 */
export async function reportBookingNotSaved(input: {
  bookingReference: string;
  appointmentId: string;
  orphaned: boolean;
}): Promise<void> {
  const { bookingReference, appointmentId, orphaned } = input;
  await reportAttentionNeeded({
    reason: orphaned ? LOG_EVENTS.appointmentOrphaned : LOG_EVENTS.bookingSaveFailed,
    summary: orphaned
      ? `Booking ${bookingReference} could not be saved, and cancelling its Acuity appointment ${appointmentId} failed: the portal keeps trying to cancel it. ` +
        "Check in Acuity that the appointment is cancelled; the person booking was told nothing was booked."
      : `Booking ${bookingReference} could not be saved after Acuity made appointment ${appointmentId}; the portal cancelled that appointment and the person booking was told to try again. ` +
        "If this repeats, the server log (booking.save_failed) says why.",
    bookingId: null,
  });
}

/** Acuity cancelled the appointment, but the portal could not record the cancellation (twice). */
export async function reportCancelNotRecorded(input: { bookingId: string; appointmentId: string | null }) {
  await reportAttentionNeeded({
    reason: LOG_EVENTS.bookingCancelNotRecorded,
    summary:
      `Booking ${input.bookingId} was cancelled in Acuity${input.appointmentId ? ` (appointment ${input.appointmentId})` : ""}, but the portal could not record the cancellation. ` +
      "Acuity's webhook should record it within minutes; if the booking still shows as active, run a reconcile in Admin → Webhooks.",
    bookingId: input.bookingId,
  });
}
