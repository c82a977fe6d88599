import { and, eq, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { acuityBookingAttempts } from "@/db/schema";
import type { AcuityAppointment } from "@/lib/acuity";
import { SyncDeferredError, SyncNeedsPersonError } from "./errors";

/**
 * An appointment that carries the portal's booking reference but has no booking. The ledger of
 * booking attempts (lib/bookings/booking-attempts.ts) says which case it is:
 * - the attempt is in flight and its time is not up: the portal is still saving — wait (retried);
 * - the portal gave up on it, its process died, or it was settled before and the appointment
 *   surfaced late: it is owed a cancellation — made due now for the worker (or reconcile's sweep
 *   right after), and there is nothing to record;
 * - no attempt at all: this portal's booking flow did not make it (notes copied in Acuity, or
 *   data older than the ledger): a person decides.
 */
export async function settlePortalAppointmentWithoutBooking(
  tx: Tx,
  appointment: AcuityAppointment,
  bookingReference: string,
): Promise<string> {
  const owed = await tx
    .update(acuityBookingAttempts)
    .set({
      nextAttemptAt: sql`now()`,
      resolvedAt: null,
      resolution: null,
      acuityAppointmentId: String(appointment.id),
    })
    .where(
      and(
        eq(acuityBookingAttempts.bookingReference, bookingReference),
        or(
          isNotNull(acuityBookingAttempts.abandonedAt),
          isNotNull(acuityBookingAttempts.resolvedAt),
          lte(acuityBookingAttempts.nextAttemptAt, sql`now()`),
        ),
      ),
    )
    .returning({ reference: acuityBookingAttempts.bookingReference });
  if (owed.length === 1)
    return `the portal gave up on booking ${bookingReference}; this appointment is being cancelled`;

  const [inFlight] = await tx
    .select({ reference: acuityBookingAttempts.bookingReference })
    .from(acuityBookingAttempts)
    .where(eq(acuityBookingAttempts.bookingReference, bookingReference));
  if (inFlight)
    throw new SyncDeferredError(
      `The portal has not finished saving booking ${bookingReference} for this appointment yet.`,
    );
  throw new SyncNeedsPersonError(
    `Appointment ${appointment.id} carries the portal's reference to booking ${bookingReference}, but the portal has no record of making it: ` +
      "if it was copied in Acuity, remove the reference from its notes (the portal then records it as booked in Acuity); otherwise cancel it in Acuity.",
  );
}
