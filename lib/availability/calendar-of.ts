import type { AppointmentType } from "@/db/schema/enums";
import type { CalendarQuery } from "./available-dates";

/** The fields of a specialist that say which Acuity calendar to ask, and in which zone. */
export interface SpecialistCalendar {
  acuityCalendarId: string;
  /** The calendar's IANA zone; older rows may lack it. */
  timezone: string | null;
}

/** Without a stored zone we still answer, in UTC, rather than guess a local one. */
export const FALLBACK_TIME_ZONE = "UTC";

export const zoneOf = (specialist: SpecialistCalendar) => specialist.timezone || FALLBACK_TIME_ZONE;

export function calendarQuery(
  specialist: SpecialistCalendar,
  appointmentType: AppointmentType,
): CalendarQuery {
  return { calendarId: specialist.acuityCalendarId, appointmentType, timezone: zoneOf(specialist) };
}
