/**
 * Open slots: working hours in the calendar's zone, every 60 minutes, minus non-cancelled
 * appointments on that calendar, and only from now + 1 hour (Acuity's minimum notice).
 */
import type { DemoCalendar } from "@/lib/acuity/demo-calendars";
import { findAppointmentType, type EmulatorAppointmentType } from "./catalog";
import type { AppointmentStore } from "./state";
import { addDays, daysInMonth, localDateIn, weekdayOf, zonedTimeToInstant } from "./time-zone";

export const SLOT_STEP_MINUTES = 60;
export const MINIMUM_NOTICE_MS = 60 * 60_000;

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
};
const toHHMM = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Slot starts on one calendar-local day, ignoring bookings. */
function workingSlots(calendar: DemoCalendar, type: EmulatorAppointmentType, localDate: string): Date[] {
  const { days, start, end } = calendar.workingHours;
  if (!days.includes(weekdayOf(localDate))) return [];
  const slots: Date[] = [];
  for (let m = toMinutes(start); m + type.duration <= toMinutes(end); m += SLOT_STEP_MINUTES) {
    slots.push(zonedTimeToInstant(localDate, toHHMM(m), calendar.timezone));
  }
  return slots;
}

function overlapsBooking(
  store: AppointmentStore,
  calendarID: number,
  start: Date,
  durationMinutes: number,
  ignoreId?: number,
): boolean {
  const end = start.getTime() + durationMinutes * 60_000;
  return store.all().some((appointment) => {
    if (appointment.canceled || appointment.calendarID !== calendarID || appointment.id === ignoreId)
      return false;
    const otherStart = Date.parse(appointment.startsAt);
    const otherDuration = findAppointmentType(appointment.appointmentTypeID)?.duration ?? durationMinutes;
    const otherEnd = otherStart + otherDuration * 60_000;
    return otherStart < end && start.getTime() < otherEnd;
  });
}

export interface SlotContext {
  store: AppointmentStore;
  calendar: DemoCalendar;
  type: EmulatorAppointmentType;
  now: Date;
  /** An appointment being rescheduled doesn't block its own slot. */
  ignoreId?: number;
}

function isOpen(ctx: SlotContext, start: Date): boolean {
  return (
    start.getTime() >= ctx.now.getTime() + MINIMUM_NOTICE_MS &&
    !overlapsBooking(ctx.store, ctx.calendar.id, start, ctx.type.duration, ctx.ignoreId)
  );
}

/** Open slot starts whose date, seen in `zone`, is `date`. */
export function openSlotsOn(ctx: SlotContext, date: string, zone: string): Date[] {
  // The asked-for day in `zone` can straddle two calendar-local days, so look either side.
  const candidates = [-1, 0, 1].flatMap((shift) =>
    workingSlots(ctx.calendar, ctx.type, addDays(date, shift)),
  );
  return candidates.filter((start) => localDateIn(start, zone) === date && isOpen(ctx, start));
}

/** Days of `month` (YYYY-MM, in `zone`) with at least one open slot. */
export function openDatesIn(ctx: SlotContext, month: string, zone: string): string[] {
  return daysInMonth(month).filter((date) => openSlotsOn(ctx, date, zone).length > 0);
}

/** Whether `start` is exactly one of the open slots (Acuity refuses off-grid times too). */
export function isBookable(ctx: SlotContext, start: Date): boolean {
  const localDate = localDateIn(start, ctx.calendar.timezone);
  return (
    workingSlots(ctx.calendar, ctx.type, localDate).some((slot) => slot.getTime() === start.getTime()) &&
    isOpen(ctx, start)
  );
}
