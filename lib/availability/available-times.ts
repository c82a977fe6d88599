import { getAcuityClient, parseAcuityDatetime, type AcuityClient } from "@/lib/acuity";
import { acuityAppointmentTypeId } from "./appointment-types";
import { availabilityCache, calendarKeyPrefix } from "./cache";
import type { CalendarQuery } from "./available-dates";

export interface AvailableSlot {
  /** Acuity's datetime, verbatim (offset included): what is sent back when booking. */
  datetime: string;
  /** The same instant as ISO UTC, for formatting in any zone. */
  startsAt: string;
}

/** Free start times on `date` (YYYY-MM-DD in the calendar's zone), from Acuity, cached briefly. */
export function getAvailableTimes(
  query: CalendarQuery & { date: string },
  acuity: AcuityClient = getAcuityClient(),
): Promise<AvailableSlot[]> {
  const key = `${calendarKeyPrefix(query.calendarId)}times:${query.appointmentType}:${query.timezone}:${query.date}`;
  return availabilityCache().getOrLoad(key, async () => {
    const times = await acuity.getAvailableTimes({
      date: query.date,
      appointmentTypeID: acuityAppointmentTypeId(query.appointmentType),
      calendarID: Number(query.calendarId),
      timezone: query.timezone,
    });
    return times
      .map((t) => ({ datetime: t.time, startsAt: parseAcuityDatetime(t.time).toISOString() }))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }) as Promise<AvailableSlot[]>;
}
