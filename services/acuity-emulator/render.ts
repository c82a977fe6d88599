/** Renders a stored appointment in Acuity's JSON shape. */
import { findAppointmentType, findCalendar } from "./catalog";
import type { StoredAppointment } from "./state";
import { displayDate, displayTime, formatAcuityDatetime } from "./time-zone";

/** Video integrations put the meeting link in `location`; this is the emulator's stand-in. */
export const meetingLinkFor = (id: number) => `https://meet.example.test/ime-${id}`;

export function renderAppointment(appointment: StoredAppointment) {
  const calendar = findCalendar(appointment.calendarID);
  const type = findAppointmentType(appointment.appointmentTypeID);
  const calendarZone = calendar?.timezone ?? appointment.timezone;
  const start = new Date(appointment.startsAt);
  const duration = type?.duration ?? 60;
  const end = new Date(start.getTime() + duration * 60_000);
  const created = new Date(appointment.createdAt);
  const location = type?.telehealth ? meetingLinkFor(appointment.id) : (calendar?.location ?? "");

  return {
    id: appointment.id,
    firstName: appointment.firstName,
    lastName: appointment.lastName,
    phone: appointment.phone,
    email: appointment.email,
    // Display strings follow the client's zone, like Acuity's; datetime is in the calendar's.
    date: displayDate(start, appointment.timezone),
    time: displayTime(start, appointment.timezone),
    endTime: displayTime(end, appointment.timezone),
    dateCreated: displayDate(created, calendarZone),
    datetimeCreated: formatAcuityDatetime(created, calendarZone),
    datetime: formatAcuityDatetime(start, calendarZone),
    price: type?.price ?? "0.00",
    priceSold: type?.price ?? "0.00",
    paid: "no",
    amountPaid: "0.00",
    type: type?.name ?? "",
    appointmentTypeID: appointment.appointmentTypeID,
    classID: null,
    addonIDs: [],
    category: "",
    duration: String(duration),
    calendar: calendar?.specialistName ?? "",
    calendarID: appointment.calendarID,
    certificate: null,
    confirmationPage: `https://app.acuityscheduling.test/schedule.php?action=appt&id=${appointment.id}`,
    location,
    notes: appointment.notes,
    timezone: appointment.timezone,
    calendarTimezone: calendarZone,
    canceled: appointment.canceled,
    canClientCancel: !appointment.canceled,
    canClientReschedule: !appointment.canceled,
    noShow: appointment.noShow,
    scheduledBy: appointment.scheduledBy,
    labels: null,
    forms:
      appointment.fields.length === 0
        ? []
        : [
            {
              id: 1,
              name: "IME intake",
              values: appointment.fields.map((field, index) => ({
                id: index + 1,
                fieldID: field.id,
                value: field.value,
                name: `Field ${field.id}`,
              })),
            },
          ],
    formsText: appointment.fields.map((field) => `Field ${field.id}: ${field.value}`).join("\n"),
  };
}

export type RenderedAppointment = ReturnType<typeof renderAppointment>;
