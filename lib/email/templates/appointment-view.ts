/**
 * What a booking e-mail says about the appointment — never the examinee: the booking's
 * reference (its id), the specialist, the kind of examination, where, and when, read on the
 * specialist's clock and on the recipient's (or UTC when the portal does not know their zone).
 */
import type { AppointmentType } from "@/db/schema/enums";
import { APPOINTMENT_TYPE_LABELS } from "@/lib/availability/appointment-types";
import { dateTimeLabel } from "@/lib/time/people-time";
import { twoClocks } from "@/lib/time/two-clocks";

export interface AppointmentTime {
  /** "Tuesday, December 1, 2026, 9:00 AM EST" on the specialist's calendar. */
  specialist: string;
  /** The same instant on the recipient's clock ("6:00 AM PST") or in UTC; null when it reads the same. */
  other: string | null;
  otherLabel: "Your time" | "In UTC";
  /** "Tue, Dec 1, 9:00 AM EST": for subjects. */
  short: string;
}

export interface AppointmentView {
  bookingId: string;
  bookingUrl: string;
  specialistName: string;
  specialty: string;
  appointmentType: AppointmentType;
  typeLabel: string;
  /** In person: the specialist's address (null if the portal has none). */
  address: string | null;
  /** Telehealth: the meeting link (null until Acuity has one). */
  meetingLink: string | null;
  when: AppointmentTime;
}

export function appointmentTime(
  instant: Date,
  specialistZone: string,
  recipientZone: string | null,
): AppointmentTime {
  const clocks = twoClocks(instant, specialistZone, recipientZone ?? "UTC", "long");
  return {
    specialist: clocks.primary,
    other: clocks.secondary,
    otherLabel: recipientZone ? "Your time" : "In UTC",
    short: dateTimeLabel(instant, specialistZone, "weekday"),
  };
}

export interface AppointmentViewInput {
  bookingId: string;
  baseUrl: string;
  appointmentDate: Date;
  appointmentType: AppointmentType;
  meetingLink: string | null;
  specialist: { name: string; specialty: string; timeZone: string; location: string | null };
  recipientZone: string | null;
}

export const bookingUrlOf = (baseUrl: string, bookingId: string) =>
  new URL(`/bookings/${encodeURIComponent(bookingId)}`, baseUrl).toString();

export function appointmentView(input: AppointmentViewInput): AppointmentView {
  return {
    bookingId: input.bookingId,
    bookingUrl: bookingUrlOf(input.baseUrl, input.bookingId),
    specialistName: input.specialist.name,
    specialty: input.specialist.specialty,
    appointmentType: input.appointmentType,
    typeLabel: APPOINTMENT_TYPE_LABELS[input.appointmentType],
    address: input.appointmentType === "in_person" ? input.specialist.location : null,
    meetingLink: input.appointmentType === "telehealth" ? input.meetingLink : null,
    when: appointmentTime(input.appointmentDate, input.specialist.timeZone, input.recipientZone),
  };
}
