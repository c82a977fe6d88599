import type { AppointmentType } from "@/db/schema/enums";
import { parseAcuityDatetime, type AcuityAppointment } from "@/lib/acuity";
import { acuityAppointmentTypeId } from "@/lib/availability/appointment-types";
import { normalizePhone } from "@/lib/bookings/phone";

const isUrl = (value: string) => /^https?:\/\//i.test(value.trim());

/** What a booking row should say about the appointment, read from Acuity's record of it. */
export function bookingFactsFromAppointment(appointment: AcuityAppointment) {
  // The configured telehealth type, or any appointment whose location is a video link.
  const telehealth = appointment.appointmentTypeID === acuityAppointmentTypeId("telehealth") || isUrl(appointment.location);
  const appointmentType: AppointmentType = telehealth ? "telehealth" : "in_person";
  const name = `${appointment.firstName} ${appointment.lastName}`.trim();
  return {
    appointmentDate: parseAcuityDatetime(appointment.datetime),
    appointmentType,
    // Video integrations put the meeting link in `location`.
    meetingLink: telehealth && isUrl(appointment.location) ? appointment.location.trim() : null,
    examineeName: name || "(no name in Acuity)",
    examineePhone: normalizePhone(appointment.phone) ?? (appointment.phone.trim() || "unknown"),
    examineeEmail: appointment.email.trim() || null,
  };
}
