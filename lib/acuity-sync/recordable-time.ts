import { SyncNeedsPersonError } from "./errors";

/**
 * The seed's rule `valid_appointment_date`: an appointment is after the moment it was booked.
 * Acuity has no such rule — staff may enter an examination that already took place, or move an
 * appointment into the past — so the sync checks it first and says in words what to do,
 * instead of letting the insert fail on the constraint and retrying what can never pass.
 */
export function isRecordableTime(appointmentDate: Date, bookedAt: Date | null): boolean {
  return bookedAt === null || appointmentDate.getTime() > bookedAt.getTime();
}

export const enteredAfterItsTime = (appointmentId: number) =>
  new SyncNeedsPersonError(
    `Appointment ${appointmentId} was entered in Acuity after its own time had passed, so the portal cannot record it (a booking must be made before its appointment): ` +
      "if the examination is still to happen, move it to its new time in Acuity and the portal records it by itself; if it only records a past examination, nothing needs doing.",
  );

export const movedBeforeBooking = (appointmentId: number, bookingId: string) =>
  new SyncNeedsPersonError(
    `Appointment ${appointmentId} was moved in Acuity to a time before booking ${bookingId} was made, so the portal cannot follow (a booking must be made before its appointment): ` +
      "move it in Acuity to the examination's real time and the portal follows by itself.",
  );
