import { DEMO_CALENDARS } from "@/lib/acuity/demo-calendars";
import { appointmentTypeIdFor, type DemoBookingPlan } from "@/db/seed/demo-bookings";
import { DEFAULT_STAFF_EMAIL, type EmulatorAppointmentSeed } from "./acuity-emulator";

/** The demo bookings as the Acuity emulator's appointments, so both sides tell one story. */
export function demoAcuityAppointments(plans: DemoBookingPlan[]): EmulatorAppointmentSeed[] {
  return plans.map((plan) => ({
    id: plan.acuityAppointmentId,
    calendarID: DEMO_CALENDARS[plan.calendarIndex]!.id,
    appointmentTypeID: appointmentTypeIdFor(plan.appointmentType),
    datetime: plan.appointmentDate.toISOString(),
    firstName: plan.examinee.firstName,
    lastName: plan.examinee.lastName,
    email: plan.examinee.email ?? "",
    phone: plan.examinee.phone,
    canceled: plan.progressPath.at(-1) === "cancelled",
    noShow: plan.progressPath.at(-1) === "no_show",
    scheduledBy: plan.source === "acuity_direct" ? DEFAULT_STAFF_EMAIL : null,
  }));
}
