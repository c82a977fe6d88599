import type { AppointmentType } from "@/db/schema/enums";
import { parseAcuityDatetime, type AcuityAppointment } from "@/lib/acuity";
import { acuityAppointmentTypeId } from "@/lib/availability/appointment-types";
import { normalizePhone } from "@/lib/bookings/phone";

const isUrl = (value: string) => /^https?:\/\//i.test(value.trim());

/**
 * In person or telehealth, as the appointment's type says (ACUITY_IN_PERSON_TYPE_ID /
 * ACUITY_TELEHEALTH_TYPE_ID). A type the portal doesn't map — one staff added in Acuity — is
 * telehealth when its location is a video link, as video integrations write it there.
 */
export function appointmentTypeFromAcuity(
  appointment: Pick<AcuityAppointment, "appointmentTypeID" | "location">,
): AppointmentType {
  if (appointment.appointmentTypeID === acuityAppointmentTypeId("telehealth")) return "telehealth";
  if (appointment.appointmentTypeID === acuityAppointmentTypeId("in_person")) return "in_person";
  return isUrl(appointment.location) ? "telehealth" : "in_person";
}

/** What a booking row should say about the appointment, read from Acuity's record of it. */
export function bookingFactsFromAppointment(appointment: AcuityAppointment) {
  const appointmentType = appointmentTypeFromAcuity(appointment);
  const name = `${appointment.firstName} ${appointment.lastName}`.trim();
  return {
    appointmentDate: parseAcuityDatetime(appointment.datetime),
    appointmentType,
    // Video integrations put the meeting link in `location`; an in-person location is an address.
    meetingLink:
      appointmentType === "telehealth" && isUrl(appointment.location) ? appointment.location.trim() : null,
    examineeName: name || "(no name in Acuity)",
    examineePhone: normalizePhone(appointment.phone) ?? (appointment.phone.trim() || "unknown"),
    examineeEmail: appointment.email.trim() || null,
  };
}
