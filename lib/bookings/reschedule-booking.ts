import { eq } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { bookings } from "@/db/schema";
import { ConflictError, NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { parseAcuityDatetime, type AcuityAppointment, type AcuityClient } from "@/lib/acuity";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditContext } from "@/lib/audit/request-context";
import type { Actor } from "@/lib/authz/actor";
import { log, LOG_EVENTS } from "@/lib/log";
import { canRescheduleOrCancel } from "@/lib/authz/policy";
import { forgetCalendarAvailability } from "@/lib/availability/cache";
import { zoneOf } from "@/lib/availability/calendar-of";
import { changeProgress } from "@/lib/bookings/progress";
import { BOOKING_CHANGED_MESSAGE } from "@/lib/bookings/progress/messages";
import { meetingLinkOf } from "./acuity-booking-input";
import { toAcuityDatetime } from "./acuity-datetime-in-zone";
import { acuityUserError } from "./acuity-user-error";
import { getBookingForViewer } from "./get-booking";
import type { RescheduleBookingInput } from "./schemas";

export interface BookingChangeDeps {
  db: Database;
  acuity: AcuityClient;
  /** Test seam: runs inside the transaction after every write, before commit. */
  beforeCommit?: (tx: Tx) => Promise<void>;
}

/**
 * Moves a booking to a new time: Acuity reschedule → appointment_date (and meeting link) →
 * `rescheduled` progress row → audit rows, all decided by the progress state machine.
 *
 * Why the Acuity call sits *inside* the transaction (as changeProgress's side effect): the
 * booking row is locked first, so two people moving one booking are serialized, and an Acuity
 * refusal (slot taken) throws before anything is written. The remaining gap — Acuity agreed,
 * then our write or commit failed — is closed by moving the appointment back to its old time
 * (admin mode, so the old slot is ours again even if Acuity's notice rules would now refuse
 * it). If even that fails, Acuity's `rescheduled` webhook brings the booking to Acuity's
 * time later: Acuity is the source of truth for when the appointment is.
 */
export async function rescheduleBooking(
  deps: BookingChangeDeps,
  who: { actor: Actor; auditContext: AuditContext },
  input: RescheduleBookingInput,
): Promise<{ bookingId: string; appointmentDate: Date }> {
  const booking = await getBookingForViewer(deps.db, who.actor, input.bookingId);
  if (!booking) throw new NotFoundError("That booking");
  if (!canRescheduleOrCancel(who.actor, booking.booking))
    throw new UserFacingError("forbidden", "You can't reschedule this booking.");
  const zone = zoneOf(booking.specialist);
  const calendarID = Number(booking.specialist.acuityCalendarId);
  let moved: { appointment: AcuityAppointment; previous: Date } | null = null;

  try {
    const result = await deps.db.transaction(async (tx) => {
      await changeProgress(
        tx,
        who,
        {
          bookingId: booking.booking.id,
          expectedFrom: input.expectedProgress,
          to: "rescheduled",
          note: input.note,
        },
        async (kind, locked) => {
          if (kind !== "reschedule") throw new Error(`unexpected transition kind ${kind}`);
          // Read under the row lock: the time we would restore if the write fails — and the
          // time the user saw, or someone else moved it first (two tabs, two people).
          const [current] = await tx
            .select({ at: bookings.appointmentDate })
            .from(bookings)
            .where(eq(bookings.id, booking.booking.id));
          if (current!.at.getTime() !== new Date(input.expectedAppointmentDate).getTime())
            throw new ConflictError(BOOKING_CHANGED_MESSAGE);
          try {
            const appointment = await deps.acuity.rescheduleAppointment(Number(locked.acuityAppointmentId), {
              datetime: input.datetime,
              calendarID,
            });
            moved = { appointment, previous: current!.at };
          } catch (error) {
            throw acuityUserError(error);
          }
          return {
            appointmentFrom: moved.previous,
            appointmentTo: parseAcuityDatetime(moved.appointment.datetime),
          };
        },
      );
      const { appointment, previous } = moved!;
      const appointmentDate = parseAcuityDatetime(appointment.datetime);
      const meetingLink =
        meetingLinkOf(booking.booking.appointmentType, appointment) ?? booking.booking.meetingLink;
      await tx
        .update(bookings)
        .set({ appointmentDate, meetingLink })
        .where(eq(bookings.id, booking.booking.id));
      await recordAudit(tx, who.auditContext, {
        action: "booking.rescheduled",
        resourceType: "booking",
        resourceId: booking.booking.id,
        metadata: {
          from: previous.toISOString(),
          to: appointmentDate.toISOString(),
          acuityAppointmentId: appointment.id,
          note: input.note,
        },
      });
      await deps.beforeCommit?.(tx);
      return { bookingId: booking.booking.id, appointmentDate };
    });
    forgetCalendarAvailability(booking.specialist.acuityCalendarId);
    return result;
  } catch (error) {
    const agreed = moved as { appointment: AcuityAppointment; previous: Date } | null;
    if (agreed) {
      await deps.acuity
        .rescheduleAppointment(
          agreed.appointment.id,
          { datetime: toAcuityDatetime(agreed.previous, zone), calendarID },
          { admin: true },
        )
        .catch((revertError) =>
          log.error(
            {
              event: LOG_EVENTS.rescheduleNotReverted,
              bookingId: booking.booking.id,
              acuityAppointmentId: agreed.appointment.id,
              err: revertError,
            },
            "a reschedule was not saved and moving the Acuity appointment back failed; its webhook brings the booking to Acuity's time",
          ),
        );
      forgetCalendarAvailability(booking.specialist.acuityCalendarId);
    }
    throw error;
  }
}
