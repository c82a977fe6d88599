import type { AppointmentType } from "@/db/schema/enums";
import { getAcuityClient, type AcuityClient } from "@/lib/acuity";
import { acuityAppointmentTypeId } from "./appointment-types";
import { availabilityCache, calendarKeyPrefix } from "./cache";

export interface CalendarQuery {
  calendarId: string;
  appointmentType: AppointmentType;
  /** The calendar's zone: dates and times are the specialist's local ones. */
  timezone: string;
}

/** Days of `month` (YYYY-MM) with at least one free slot, from Acuity, cached briefly. */
export function getAvailableDates(
  query: CalendarQuery & { month: string },
  acuity: AcuityClient = getAcuityClient(),
): Promise<string[]> {
  const key = `${calendarKeyPrefix(query.calendarId)}dates:${query.appointmentType}:${query.timezone}:${query.month}`;
  return availabilityCache().getOrLoad(key, async () => {
    const dates = await acuity.getAvailableDates({
      month: query.month,
      appointmentTypeID: acuityAppointmentTypeId(query.appointmentType),
      calendarID: Number(query.calendarId),
      timezone: query.timezone,
    });
    return dates.map((d) => d.date).sort();
  }) as Promise<string[]>;
}
