import { UserFacingError } from "@/lib/actions/errors";
import { AcuityError, type AcuityClient } from "@/lib/acuity";
import { acuityErrorCode } from "../acuity-user-error";
import type { ProgressSideEffect } from "./change-progress";

/** Acuity's answer when the appointment is already cancelled: the state we wanted already holds. */
const ALREADY_CANCELED = "already_canceled";

/**
 * The progress moves that change the appointment in Acuity: cancel → cancel (the note becomes
 * Acuity's cancel note), no-show → cancel with `noShow`. Rescheduling needs a new time and
 * belongs to the booking flow, so it is refused here. Acuity's refusals become messages the
 * user can read; changeProgress runs this before writing, so a refusal writes nothing.
 */
export function acuityProgressSideEffect(client: AcuityClient): ProgressSideEffect {
  return async (kind, booking) => {
    if (kind === "reschedule") {
      throw new Error(
        "Rescheduling changes the appointment time: use the booking flow's reschedule, not a progress change.",
      );
    }
    const appointmentId = Number(booking.acuityAppointmentId);
    if (!Number.isSafeInteger(appointmentId)) {
      throw new Error(
        `Booking ${booking.bookingId} has no numeric Acuity appointment id (${booking.acuityAppointmentId}).`,
      );
    }
    try {
      await client.cancelAppointment(appointmentId, {
        cancelNote: booking.note ?? undefined,
        noShow: kind === "no_show" ? true : undefined,
      });
    } catch (error) {
      if (error instanceof AcuityError && error.code === ALREADY_CANCELED) return;
      if (error instanceof AcuityError)
        throw new UserFacingError(acuityErrorCode(error), `${error.userMessage} Nothing was changed.`);
      throw error;
    }
  };
}
