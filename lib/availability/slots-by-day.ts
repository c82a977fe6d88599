import { dateLabel } from "@/lib/time/people-time";
import { localDateIn } from "@/lib/time/zoned";

export interface SlotDay<T> {
  /** YYYY-MM-DD in the reading zone. */
  day: string;
  /** "Wednesday, December 2, 2026". */
  label: string;
  slots: T[];
}

/**
 * Slots (already in time order) grouped by the calendar day of one reading zone — the viewer's.
 * A list across specialists must be read on one clock, or true time order looks unsorted
 * (9 AM EST, 7 AM MST, 10 AM EST); each specialist's own clock is the secondary reading.
 */
export function slotsByDay<T extends { startsAt: string }>(slots: T[], zone: string): SlotDay<T>[] {
  const days: SlotDay<T>[] = [];
  for (const slot of slots) {
    const instant = new Date(slot.startsAt);
    const day = localDateIn(instant, zone);
    const last = days.at(-1);
    if (last?.day === day) last.slots.push(slot);
    else days.push({ day, label: dateLabel(instant, zone, "long"), slots: [slot] });
  }
  return days;
}
