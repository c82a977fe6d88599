/**
 * The `.ics` of a booking e-mail, made with the `ics` package. A calendar client matches the
 * messages of one booking by UID and keeps the one with the highest SEQUENCE: the confirmation
 * (REQUEST), each reschedule (REQUEST, higher), the cancellation (CANCEL, higher still).
 */
import { createEvent, type EventAttributes } from "ics";

/**
 * The portal stores no appointment length: Acuity's appointment types hold it, and the portal's
 * two examination kinds (the demo types 501 and 502 too) are one hour. Asking Acuity for it at
 * send time would make every e-mail depend on Acuity being up, for a number that does not change.
 */
export const APPOINTMENT_MINUTES = 60;

export interface BookingCalendarInput {
  bookingId: string;
  method: "REQUEST" | "CANCEL";
  /** How many of the booking's booked/rescheduled/cancelled events came before this one. */
  sequence: number;
  start: Date;
  durationMinutes?: number;
  title: string;
  description: string;
  /** The in-person address, or the telehealth meeting link. */
  location: string | null;
  url: string;
  organizer: { name: string; email: string };
  attendeeEmail: string;
}

/** Stable per booking, so every message about it updates the same calendar entry. */
export const calendarUid = (bookingId: string) => `${bookingId}@ime-portal`;

export function bookingCalendar(input: BookingCalendarInput): string {
  const attributes: EventAttributes = {
    productId: "ime-portal/notifications",
    method: input.method,
    uid: calendarUid(input.bookingId),
    sequence: input.sequence,
    start: input.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: input.durationMinutes ?? APPOINTMENT_MINUTES },
    title: input.title,
    description: input.description,
    ...(input.location ? { location: input.location } : {}),
    url: input.url,
    status: input.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    organizer: input.organizer,
    attendees: [
      {
        name: input.attendeeEmail,
        email: input.attendeeEmail,
        rsvp: false,
        partstat: "ACCEPTED",
        role: "REQ-PARTICIPANT",
      },
    ],
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error("ics produced no calendar");
  return value;
}
