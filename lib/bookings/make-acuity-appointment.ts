import type { Database } from "@/db/client";
import { UserFacingError } from "@/lib/actions/errors";
import {
  AcuityError,
  AcuityResponseError,
  AcuitySlotUnavailableError,
  AcuityUnavailableError,
  parseAcuityDatetime,
  type AcuityAppointment,
  type AcuityClient,
  type CreateAppointmentInput,
} from "@/lib/acuity";
import { forgetCalendarAvailability } from "@/lib/availability/cache";
import { log, LOG_EVENTS } from "@/lib/log";
import { findAppointmentByReference } from "./acuity-booking-input";
import { acuityErrorCode, SLOT_TAKEN } from "./acuity-user-error";
import { abandonBookingAttempt, forgetBookingAttempt, recordBookingAttempt } from "./booking-attempts";
import { releaseBookingRequest } from "./booking-requests";

/** What the user is told when the portal could not learn whether Acuity booked: true whatever Acuity did. */
export const GAVE_UP_MESSAGE =
  "The specialist's calendar didn't confirm the booking, so nothing is booked. If the calendar made the appointment anyway, " +
  "the portal cancels it by itself as soon as the calendar answers again. Please try again in a few minutes.";

/**
 * Refusals Acuity gives before doing anything (a taken slot, bad details, 429, credentials): no
 * appointment stands. A 5xx, a lost answer or a 2xx we cannot read may have booked.
 */
const nothingMade = (error: unknown) =>
  error instanceof AcuityError &&
  !(error instanceof AcuityUnavailableError) &&
  !(error instanceof AcuityResponseError);

export interface AppointmentRequest {
  key: string;
  bookingId: string;
  requestedById: string;
  acuityCalendarId: string;
  request: CreateAppointmentInput;
}

/**
 * Step 1 of booking: the Acuity appointment. The attempt is recorded before Acuity is asked, so
 * from here on an appointment no booking backs cannot be forgotten — not even by a process that
 * dies. A refusal leaves nothing behind; an answer that never came is looked up by the booking
 * reference, and when that fails too the portal gives the attempt up (the worker cancels whatever
 * Acuity made once it answers) and says so. The form's key is freed whenever nothing was booked.
 */
export async function makeAcuityAppointment(
  deps: { db: Database; acuity: AcuityClient },
  attempt: AppointmentRequest,
): Promise<AcuityAppointment> {
  const { db, acuity } = deps;
  const release = () => releaseBookingRequest(db, attempt.key);
  await recordBookingAttempt(db, {
    bookingReference: attempt.bookingId,
    requestedById: attempt.requestedById,
    idempotencyKey: attempt.key,
    acuityCalendarId: attempt.acuityCalendarId,
    appointmentAt: parseAcuityDatetime(attempt.request.datetime),
  }).catch(async (error: unknown) => {
    await release().catch(() => {});
    throw error;
  });

  try {
    return await acuity.createAppointment(attempt.request);
  } catch (error) {
    if (nothingMade(error)) {
      await forgetBookingAttempt(db, attempt.bookingId);
      await release();
      if (error instanceof AcuitySlotUnavailableError) {
        forgetCalendarAvailability(attempt.acuityCalendarId);
        throw new UserFacingError("slot_taken", SLOT_TAKEN, { datetime: [SLOT_TAKEN] });
      }
      throw new UserFacingError(
        acuityErrorCode(error as AcuityError),
        `${(error as AcuityError).userMessage} Nothing was booked.`,
      );
    }
    const found = await findAppointmentByReference(acuity, attempt.bookingId, attempt.request).catch(
      () => null,
    );
    if (found) return found;
    // Should these writes fail as well, the attempt still counts as abandoned once its time passes.
    await abandonBookingAttempt(db, attempt.bookingId).catch((writeError: unknown) =>
      log.warn(
        { event: LOG_EVENTS.bookingAttemptNotAbandoned, bookingId: attempt.bookingId, err: writeError },
        "could not mark a lost booking attempt abandoned; it counts as abandoned once its time passes",
      ),
    );
    await release().catch(() => {});
    forgetCalendarAvailability(attempt.acuityCalendarId);
    throw new UserFacingError("upstream_unavailable", GAVE_UP_MESSAGE);
  }
}
