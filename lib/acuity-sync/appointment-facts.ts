import type { AppointmentType } from "@/db/schema/enums";
import { parseAcuityDatetime, type AcuityAppointment } from "@/lib/acuity";
import { DEMO_APPOINTMENT_TYPES } from "@/lib/acuity/demo-calendars";
import { toE164 } from "@/lib/phone/normalize-phone";

/** Acuity appointment type ids that are telehealth (comma-separated env; the demo type by default). */
function telehealthTypeIds(): Set<number> {
  const configured = process.env.ACUITY_TELEHEALTH_TYPE_IDS;
  const ids = configured ? configured.split(",").map((id) => Number(id.trim())) : [DEMO_APPOINTMENT_TYPES.telehealth.id];
  return new Set(ids.filter((id) => Number.isInteger(id)));
}

const isUrl = (value: string) => /^https?:\/\//i.test(value.trim());

/** What a booking row should say about the appointment, read from Acuity's record of it. */
export function bookingFactsFromAppointment(appointment: AcuityAppointment) {
  const telehealth = telehealthTypeIds().has(appointment.appointmentTypeID) || isUrl(appointment.location);
  const appointmentType: AppointmentType = telehealth ? "telehealth" : "in_person";
  const name = `${appointment.firstName} ${appointment.lastName}`.trim();
  return {
    appointmentDate: parseAcuityDatetime(appointment.datetime),
    appointmentType,
    // Video integrations put the meeting link in `location`.
    meetingLink: telehealth && isUrl(appointment.location) ? appointment.location.trim() : null,
    examineeName: name || "(no name in Acuity)",
    examineePhone: toE164(appointment.phone) ?? (appointment.phone.trim() || "unknown"),
    examineeEmail: appointment.email.trim() || null,
  };
}
