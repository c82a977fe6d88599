import type { Database, Tx } from "@/db/client";
import { UserFacingError } from "@/lib/actions/errors";
import { AcuityValidationError, type AcuityAppointment, type AcuityClient } from "@/lib/acuity";
import type { AuditContext } from "@/lib/audit/request-context";
import type { Actor } from "@/lib/authz/actor";
import { forgetCalendarAvailability } from "@/lib/availability/cache";
import { log, LOG_EVENTS } from "@/lib/log";
import { zoneOf } from "@/lib/availability/calendar-of";
import { newId } from "@/lib/ids";
import { portalReferenceNote } from "@/lib/acuity/portal-reference";
import { reportBookingNotSaved } from "@/lib/notifications/attention-reports";
import { acuityCreateInput } from "./acuity-booking-input";
import {
  abandonBookingAttempt,
  completeBookingAttempt,
  forgetBookingAttempt,
  noteAttemptAppointment,
} from "./booking-attempts";
import {
  claimBookingRequest,
  recordAcuityAppointment,
  releaseBookingRequest,
  waitForBookingRequest,
} from "./booking-requests";
import { insertPortalBooking } from "./insert-portal-booking";
import { makeAcuityAppointment } from "./make-acuity-appointment";
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
 * Books an IME: (1) the Acuity appointment (make-acuity-appointment.ts, which records the attempt
 * first), (2) in one transaction the booking, its `scheduled` progress row, the audit row and the
 * end of the attempt; (3) if (2) fails, the appointment is cancelled in Acuity — or, if Acuity
 * doesn't answer, left to the worker to cancel — so nothing is left half-done. The form's
 * idempotency key makes a double submit or a resubmission return the first booking instead of
 * making a second one.
 */
export async function createBooking(
  deps: CreateBookingDeps,
  who: { actor: Actor; auditContext: AuditContext },
  input: CreateBookingInput,
): Promise<CreateBookingResult> {
  const { db } = deps;
  const specialist = await validateBookingTarget(db, who.actor, input);

  for (;;) {
    const claim = await claimBookingRequest(db, input.idempotencyKey, who.auditContext.actorUserId);
    if (claim.status === "done") return { bookingId: claim.bookingId, alreadyBooked: true };
    if (claim.status === "foreign")
      throw new UserFacingError("expired", "This form has expired — reload the page and try again.");
    if (claim.status === "claimed") break;
    const outcome = await waitForBookingRequest(db, input.idempotencyKey);
    if (outcome === "timeout")
      throw new UserFacingError(
        "conflict",
        "This booking is still being saved — check your bookings in a moment before trying again.",
      );
    if (outcome) return { bookingId: outcome, alreadyBooked: true };
    // The other submission failed and let go of the key: this one books.
  }

  const bookingId = newId();
  const request = acuityCreateInput(
    bookingId,
    input,
    { acuityCalendarId: specialist.acuityCalendarId, timezone: zoneOf(specialist) },
    who.actor.email,
  );
  const appointment = await makeAcuityAppointment(deps, {
    key: input.idempotencyKey,
    bookingId,
    requestedById: who.auditContext.actorUserId,
    acuityCalendarId: specialist.acuityCalendarId,
    request,
  });
  forgetCalendarAvailability(specialist.acuityCalendarId);

  try {
    await recordAcuityAppointment(db, input.idempotencyKey, String(appointment.id));
    await noteAttemptAppointment(db, bookingId, String(appointment.id));
    await db.transaction(async (tx) => {
      await insertPortalBooking(tx, who.auditContext, {
        id: bookingId,
        specialistId: specialist.id,
        input,
        appointment,
      });
      await completeBookingAttempt(tx, bookingId);
      await deps.beforeCommit?.(tx);
    });
  } catch (error) {
    log.error(
      { event: LOG_EVENTS.bookingSaveFailed, bookingId, acuityAppointmentId: appointment.id, err: error },
      "saving a booking failed after Acuity made its appointment; cancelling that appointment",
    );
    await compensate(deps, input.idempotencyKey, bookingId, appointment);
  }
  return { bookingId, alreadyBooked: false };
}

const alreadyCancelled = (error: unknown) =>
  error instanceof AcuityValidationError && error.code === "already_canceled";

/** Undo step 1 after step 2 failed, and tell the user plainly what happened — and what will. */
async function compensate(
  deps: CreateBookingDeps,
  key: string,
  bookingId: string,
  appointment: AcuityAppointment,
): Promise<never> {
  try {
    await deps.acuity.cancelAppointment(appointment.id, {
      cancelNote: `${portalReferenceNote(bookingId)} could not be saved; cancelled automatically by the portal.`,
      admin: true,
    });
  } catch (cancelError) {
    if (!alreadyCancelled(cancelError)) {
      // The attempt row says what is owed; the worker cancels the appointment once Acuity answers.
      log.error(
        {
          event: LOG_EVENTS.appointmentOrphaned,
          bookingId,
          acuityAppointmentId: appointment.id,
          err: cancelError,
        },
        "Acuity holds an appointment of an unsaved booking: cancelling it failed; the worker cancels it once Acuity answers",
      );
      await abandonBookingAttempt(deps.db, bookingId, String(appointment.id)).catch(() => {});
      await releaseBookingRequest(deps.db, key).catch(() => {});
      await reportBookingNotSaved({
        bookingReference: bookingId,
        appointmentId: String(appointment.id),
        orphaned: true,
      });
      throw new UserFacingError(
        "upstream_unavailable",
        `We couldn't save the booking, and the specialist's calendar didn't answer when we cancelled appointment #${appointment.id}. ` +
          "Nothing is booked: the portal cancels that appointment by itself as soon as the calendar answers. Please try again in a few minutes.",
      );
    }
  }
  await forgetBookingAttempt(deps.db, bookingId).catch(() => {});
  await releaseBookingRequest(deps.db, key).catch(() => {});
  await reportBookingNotSaved({
    bookingReference: bookingId,
    appointmentId: String(appointment.id),
    orphaned: false,
  });
  throw new UserFacingError(
    "internal",
    "We couldn't save the booking, so we cancelled the appointment we had just made in the specialist's calendar. Nothing was booked — please try again.",
  );
}
