import type { AppointmentType } from "@/db/schema/enums";
import {
  parseAcuityDatetime,
  type AcuityAppointment,
  type AcuityClient,
  type CreateAppointmentInput,
} from "@/lib/acuity";
import { portalReferenceNote } from "@/lib/acuity/portal-reference";
import { acuityAppointmentTypeId } from "@/lib/availability/appointment-types";
import type { CreateBookingInput } from "./schemas";

/** How the portal signs its appointments in Acuity, so an Acuity admin can trace them back. */

/** Acuity wants a first and a last name; a single name is sent as both parts' best guess. */
export function splitName(fullName: string): { firstName: string; lastName: string } {
  const words = fullName.trim().split(/\s+/);
  if (words.length === 1) return { firstName: words[0]!, lastName: "-" };
  return { firstName: words.slice(0, -1).join(" "), lastName: words.at(-1)! };
}

/**
 * The Acuity appointment for a portal booking. Acuity requires an e-mail; without the
 * examinee's, the booking person's address is used, so Acuity's confirmation goes to them.
 */
export function acuityCreateInput(
  bookingId: string,
  input: CreateBookingInput,
  calendar: { acuityCalendarId: string; timezone: string },
  fallbackEmail: string,
): CreateAppointmentInput {
  const notes = [portalReferenceNote(bookingId), input.notes].filter(Boolean).join("\n\n");
  return {
    datetime: input.datetime,
    appointmentTypeID: acuityAppointmentTypeId(input.appointmentType),
    calendarID: Number(calendar.acuityCalendarId),
    ...splitName(input.examineeName),
    email: input.examineeEmail ?? fallbackEmail,
    phone: input.examineePhone,
    notes,
    timezone: calendar.timezone,
  };
}

/**
 * After a timeout or a dropped connection the appointment may exist although no answer came:
 * look for it on the calendar at that time, by the portal reference in its notes. Acuity lists
 * only appointments that stand, so a cancelled one is not found.
 */
export async function findAppointmentByReference(
  acuity: AcuityClient,
  bookingId: string,
  request: Pick<CreateAppointmentInput, "calendarID" | "datetime">,
): Promise<AcuityAppointment | null> {
  const at = parseAcuityDatetime(request.datetime);
  const candidates = await acuity.listAppointments({
    calendarID: request.calendarID,
    minDate: new Date(at.getTime() - 60_000).toISOString(),
    maxDate: new Date(at.getTime() + 60_000).toISOString(),
    max: 50,
  });
  return candidates.find((a) => a.notes.includes(portalReferenceNote(bookingId))) ?? null;
}

export const meetingLinkOf = (type: AppointmentType, appointment: AcuityAppointment) =>
  type === "telehealth" && /^https?:\/\//.test(appointment.location) ? appointment.location : null;
