import type { AppointmentType } from "@/db/schema/enums";
import { getAcuityClient, type AcuityClient } from "@/lib/acuity";
import { getAvailableDates } from "./available-dates";
import { getAvailableTimes, type AvailableSlot } from "./available-times";
import { calendarQuery, zoneOf, type SpecialistCalendar } from "./calendar-of";
import { addMonths, todayIn } from "./months";

/** How far ahead "next free time" looks before saying there is none. */
export const NEXT_FREE_MONTHS = 3;

/** The specialist's earliest free slot within the next few months, or null. */
export async function findNextFreeSlot(
  specialist: SpecialistCalendar,
  appointmentType: AppointmentType,
  options: { now?: Date; acuity?: AcuityClient } = {},
): Promise<AvailableSlot | null> {
  const acuity = options.acuity ?? getAcuityClient();
  const query = calendarQuery(specialist, appointmentType);
  const thisMonth = todayIn(zoneOf(specialist), options.now).slice(0, 7);
  for (let i = 0; i < NEXT_FREE_MONTHS; i++) {
    const dates = await getAvailableDates({ ...query, month: addMonths(thisMonth, i) }, acuity);
    // A date can come back empty when its last slot went between the two questions.
    for (const date of dates.slice(0, 2)) {
      const [first] = await getAvailableTimes({ ...query, date }, acuity);
      if (first) return first;
    }
  }
  return null;
}
