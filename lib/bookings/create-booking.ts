import type { Database, Tx } from "@/db/client";
import { UserFacingError } from "@/lib/actions/errors";
import { AcuityError, AcuitySlotUnavailableError, type AcuityAppointment, type AcuityClient } from "@/lib/acuity";
import type { AuditContext } from "@/lib/audit/request-context";
import type { Actor } from "@/lib/authz/actor";
import { forgetCalendarAvailability } from "@/lib/availability/cache";
import { logRedactedError } from "@/lib/errors/redact-error";
import { zoneOf } from "@/lib/availability/calendar-of";
import { newId } from "@/lib/ids";
import { portalReferenceNote } from "@/lib/acuity/portal-reference";
import { acuityCreateInput, findAppointmentByReference, outcomeUnknown } from "./acuity-booking-input";
import { claimBookingRequest, recordAcuityAppointment, releaseBookingRequest, waitForBookingRequest } from "./booking-requests";
import { SLOT_TAKEN } from "./acuity-user-error";
import { insertPortalBooking } from "./insert-portal-booking";
import type { CreateBookingInput } from "./schemas";
import { validateBookingTarget } from "./validate-booking-target";

export interface CreateBookingDeps {
  db: Database;
  acuity: AcuityClient;
  /** Test seam: runs inside the booking transaction after the inserts, before commit. */
  beforeCommit?: (tx: Tx) => Promise<void>;
}

export interface CreateBookingResult {
  bookingId: string;
  /** true when this was a resubmission of a form that had already booked. */
  alreadyBooked: boolean;
}


/**
 * Books an IME: (1) the Acuity appointment, (2) in one transaction the booking, its
 * `scheduled` progress row and the audit row; (3) if (2) fails, the appointment is cancelled
 * in Acuity so nothing is left half-done. The form's idempotency key makes a double submit
 * or a resubmission return the first booking instead of making a second one.
 */
export async function createBooking(
  deps: CreateBookingDeps,
  who: { actor: Actor; auditContext: AuditContext },
  input: CreateBookingInput,
): Promise<CreateBookingResult> {
  const { db, acuity } = deps;
  const specialist = await validateBookingTarget(db, who.actor, input);

  for (;;) {
    const claim = await claimBookingRequest(db, input.idempotencyKey, who.auditContext.actorUserId);
    if (claim.status === "done") return { bookingId: claim.bookingId, alreadyBooked: true };
    if (claim.status === "foreign") throw new UserFacingError("This form has expired — reload the page and try again.");
    if (claim.status === "claimed") break;
    const outcome = await waitForBookingRequest(db, input.idempotencyKey);
    if (outcome === "timeout") throw new UserFacingError("This booking is still being saved — check your bookings in a moment before trying again.");
    if (outcome) return { bookingId: outcome, alreadyBooked: true };
    // The other submission failed and let go of the key: this one books.
  }

  const bookingId = newId();
  const request = acuityCreateInput(bookingId, input, { acuityCalendarId: specialist.acuityCalendarId, timezone: zoneOf(specialist) }, who.actor.email);
  let appointment: AcuityAppointment;
  try {
    appointment = await acuity.createAppointment(request);
  } catch (error) {
    const found = outcomeUnknown(error) ? await findAppointmentByReference(acuity, bookingId, request).catch(() => null) : null;
    if (!found) {
      await releaseBookingRequest(db, input.idempotencyKey);
      if (error instanceof AcuitySlotUnavailableError) {
        forgetCalendarAvailability(specialist.acuityCalendarId);
        throw new UserFacingError(SLOT_TAKEN, { datetime: [SLOT_TAKEN] });
      }
      if (error instanceof AcuityError) throw new UserFacingError(`${error.userMessage} Nothing was booked.`);
      throw error;
    }
    appointment = found;
  }
  forgetCalendarAvailability(specialist.acuityCalendarId);

  try {
    await recordAcuityAppointment(db, input.idempotencyKey, String(appointment.id));
    await db.transaction(async (tx) => {
      await insertPortalBooking(tx, who.auditContext, { id: bookingId, specialistId: specialist.id, input, appointment });
      await deps.beforeCommit?.(tx);
    });
  } catch (error) {
    logRedactedError(`saving booking ${bookingId} failed after Acuity appointment ${appointment.id} was made`, error);
    await compensate(deps, input.idempotencyKey, bookingId, appointment);
  }
  return { bookingId, alreadyBooked: false };
}

/** Undo step 1 after step 2 failed, and tell the user plainly what happened. */
async function compensate(deps: CreateBookingDeps, key: string, bookingId: string, appointment: AcuityAppointment): Promise<never> {
  try {
    await deps.acuity.cancelAppointment(appointment.id, {
      cancelNote: `${portalReferenceNote(bookingId)} could not be saved; cancelled automatically by the portal.`,
      admin: true,
    });
  } catch (cancelError) {
    // Keep the idempotency row: it names the orphaned appointment for whoever reconciles.
    logRedactedError(`ORPHANED Acuity appointment ${appointment.id}: cancelling it failed`, cancelError);
    throw new UserFacingError(
      `We couldn't save the booking, and couldn't cancel appointment #${appointment.id} in the specialist's calendar either. ` +
        "Please contact support with that number before booking again.",
    );
  }
  await releaseBookingRequest(deps.db, key).catch(() => {});
  throw new UserFacingError(
    "We couldn't save the booking, so we cancelled the appointment we had just made in the specialist's calendar. Nothing was booked — please try again.",
  );
}
