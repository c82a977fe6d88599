/**
 * The ledger of Acuity appointments the portal is making (`acuity_booking_attempts`): an attempt
 * is written before Acuity is asked, so whatever fails afterwards — an answer lost, Acuity gone,
 * the save failing, the process dying — the database still knows an appointment may stand
 * that no booking backs, and the worker cancels it once Acuity answers
 * (lib/acuity-sync/cancel-abandoned-appointments.ts).
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { acuityBookingAttempts } from "@/db/schema";

export interface BookingAttempt {
  bookingReference: string;
  requestedById: string;
  idempotencyKey: string;
  acuityCalendarId: string;
  appointmentAt: Date;
}

export async function recordBookingAttempt(db: DbOrTx, attempt: BookingAttempt): Promise<void> {
  await db.insert(acuityBookingAttempts).values(attempt);
}

/** Acuity named the appointment: from now on it is found by id. */
export async function noteAttemptAppointment(
  db: DbOrTx,
  bookingReference: string,
  acuityAppointmentId: string,
): Promise<void> {
  await db
    .update(acuityBookingAttempts)
    .set({ acuityAppointmentId })
    .where(eq(acuityBookingAttempts.bookingReference, bookingReference));
}

/** Nothing stands in Acuity for this attempt (refused, or cancelled again): nothing is owed. */
export async function forgetBookingAttempt(db: DbOrTx, bookingReference: string): Promise<void> {
  await db.delete(acuityBookingAttempts).where(eq(acuityBookingAttempts.bookingReference, bookingReference));
}

/** The portal gives up: whatever Acuity holds for this attempt must be cancelled, starting now. */
export async function abandonBookingAttempt(
  db: DbOrTx,
  bookingReference: string,
  acuityAppointmentId?: string,
): Promise<void> {
  await db
    .update(acuityBookingAttempts)
    .set({
      abandonedAt: sql`coalesce(${acuityBookingAttempts.abandonedAt}, now())`,
      nextAttemptAt: sql`now()`,
      ...(acuityAppointmentId ? { acuityAppointmentId } : {}),
    })
    .where(
      and(
        eq(acuityBookingAttempts.bookingReference, bookingReference),
        isNull(acuityBookingAttempts.resolvedAt),
      ),
    );
}

export class BookingAttemptAbandonedError extends Error {
  constructor(bookingReference: string) {
    super(`booking attempt ${bookingReference} was given up while it was being saved`);
    this.name = "BookingAttemptAbandonedError";
  }
}

/**
 * Inside the booking's transaction: the booking now backs the appointment, so the attempt is done.
 * Refused when the worker already gave the attempt up (it had counted as abandoned): the
 * appointment is being cancelled, so the booking must not be saved.
 */
export async function completeBookingAttempt(tx: Tx, bookingReference: string): Promise<void> {
  const done = await tx
    .delete(acuityBookingAttempts)
    .where(
      and(
        eq(acuityBookingAttempts.bookingReference, bookingReference),
        isNull(acuityBookingAttempts.abandonedAt),
      ),
    )
    .returning({ reference: acuityBookingAttempts.bookingReference });
  if (done.length !== 1) throw new BookingAttemptAbandonedError(bookingReference);
}
