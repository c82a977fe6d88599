import type { Tx } from "@/db/client";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { AcuityValidationError } from "@/lib/acuity";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditContext } from "@/lib/audit/request-context";
import { log, LOG_EVENTS } from "@/lib/log";
import { reportCancelNotRecorded } from "@/lib/notifications/attention-reports";
import type { Actor } from "@/lib/authz/actor";
import { canRescheduleOrCancel } from "@/lib/authz/policy";
import { forgetCalendarAvailability } from "@/lib/availability/cache";
import { changeProgress, type ProgressSideEffect } from "@/lib/bookings/progress";
import { acuityUserError } from "./acuity-user-error";
import { getBookingForViewer } from "./get-booking";
import type { BookingChangeDeps } from "./reschedule-booking";
import type { CancelBookingInput } from "./schemas";

/**
 * Cancels a booking: Acuity cancel → `cancelled` progress row (the reason as its note) →
 * audit rows, as the progress state machine allows. The Acuity call runs inside the
 * transaction (changeProgress's side effect) after the row lock, so a refusal writes nothing.
 * A cancellation cannot be taken back in Acuity, so if our write fails after Acuity agreed,
 * it is written once more without calling Acuity again; should that fail too, Acuity's
 * `canceled` webhook brings the booking to cancelled later.
 */
export async function cancelBooking(
  deps: BookingChangeDeps,
  who: { actor: Actor; auditContext: AuditContext },
  input: CancelBookingInput,
): Promise<{ bookingId: string }> {
  const booking = await getBookingForViewer(deps.db, who.actor, input.bookingId);
  if (!booking) throw new NotFoundError("That booking");
  if (!canRescheduleOrCancel(who.actor, booking.booking))
    throw new UserFacingError("forbidden", "You can't cancel this booking.");
  // A holder, not a `let`: TypeScript would narrow a local to `false` across the closure's write.
  const acuityCancel = { done: false };

  const cancelInAcuity: ProgressSideEffect = async (kind, locked) => {
    if (kind !== "cancel") throw new Error(`unexpected transition kind ${kind}`);
    try {
      await deps.acuity.cancelAppointment(Number(locked.acuityAppointmentId), { cancelNote: input.reason });
    } catch (error) {
      // Already cancelled directly in Acuity (its webhook not processed yet): the goal is met.
      const alreadyCancelled = error instanceof AcuityValidationError && error.code === "already_canceled";
      if (!alreadyCancelled) throw acuityUserError(error);
    }
    acuityCancel.done = true;
  };
  const write = (sideEffect: ProgressSideEffect, withHook: boolean) =>
    deps.db.transaction(async (tx: Tx) => {
      await changeProgress(
        tx,
        who,
        {
          bookingId: booking.booking.id,
          expectedFrom: input.expectedProgress,
          to: "cancelled",
          note: input.reason,
        },
        sideEffect,
      );
      await recordAudit(tx, who.auditContext, {
        action: "booking.cancelled",
        resourceType: "booking",
        resourceId: booking.booking.id,
        metadata: { reason: input.reason, acuityAppointmentId: booking.booking.acuityAppointmentId },
      });
      if (withHook) await deps.beforeCommit?.(tx);
    });

  try {
    await write(cancelInAcuity, true);
  } catch (error) {
    if (!acuityCancel.done) throw error;
    log.warn(
      { event: LOG_EVENTS.bookingCancelWriteRetried, bookingId: booking.booking.id, err: error },
      "Acuity cancelled the appointment but saving the cancellation failed; writing again",
    );
    await write(async () => {}, false).catch(async (retryError: unknown) => {
      log.error(
        { event: LOG_EVENTS.bookingCancelNotRecorded, bookingId: booking.booking.id, err: retryError },
        "Acuity cancelled the appointment but the portal could not record it; Acuity's webhook records it later",
      );
      await reportCancelNotRecorded({
        bookingId: booking.booking.id,
        appointmentId: booking.booking.acuityAppointmentId,
      });
      throw new UserFacingError(
        "internal",
        "The appointment was cancelled in the specialist's calendar, but the portal could not record it yet. It will show as cancelled within a few minutes.",
      );
    });
  } finally {
    forgetCalendarAvailability(booking.specialist.acuityCalendarId);
  }
  return { bookingId: booking.booking.id };
}
