import type { AppointmentType } from "@/db/schema/enums";
import { getAcuityClient, type AcuityClient } from "@/lib/acuity";
import { getAvailableDates } from "./available-dates";
import { getAvailableTimes, type AvailableSlot } from "./available-times";
import { calendarQuery, type SpecialistCalendar } from "./calendar-of";
import { monthsBetween } from "./months";

export interface FirstAvailableSlot<S> extends AvailableSlot {
  specialist: S;
}

export interface FirstAvailableResult<S> {
  slots: FirstAvailableSlot<S>[];
  /** Specialists whose calendar could not be read; the rest are still shown. */
  unreachable: S[];
}

/** Per specialist, only the first days with free time are opened: the earliest slots are there. */
const DAYS_PER_SPECIALIST = 2;

/**
 * The earliest free slots across several specialists between two dates (inclusive, each
 * specialist's own calendar days), earliest first — for a referrer who does not mind who
 * examines. Requests go through the shared limiter and the availability cache.
 */
export async function findFirstAvailableSlots<S extends SpecialistCalendar>(
  specialists: S[],
  appointmentType: AppointmentType,
  range: { from: string; to: string; limit?: number },
  acuity: AcuityClient = getAcuityClient(),
): Promise<FirstAvailableResult<S>> {
  const settled = await Promise.allSettled(
    specialists.map(async (specialist) => {
      const query = calendarQuery(specialist, appointmentType);
      const dates: string[] = [];
      for (const month of monthsBetween(range.from, range.to)) {
        const inMonth = await getAvailableDates({ ...query, month }, acuity);
        dates.push(...inMonth.filter((d) => d >= range.from && d <= range.to));
        if (dates.length >= DAYS_PER_SPECIALIST) break;
      }
      const slots: FirstAvailableSlot<S>[] = [];
      for (const date of dates.slice(0, DAYS_PER_SPECIALIST)) {
        for (const slot of await getAvailableTimes({ ...query, date }, acuity))
          slots.push({ ...slot, specialist });
      }
      return slots;
    }),
  );
  const unreachable = specialists.filter((_, i) => settled[i]!.status === "rejected");
  if (specialists.length > 0 && unreachable.length === specialists.length) {
    throw (settled[0] as PromiseRejectedResult).reason;
  }
  const slots = settled
    .flatMap((s) => (s.status === "fulfilled" ? s.value : []))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, range.limit ?? 12);
  return { slots, unreachable };
}
