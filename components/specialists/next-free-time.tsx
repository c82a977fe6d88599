import { AcuityError } from "@/lib/acuity";
import { zoneOf, type SpecialistCalendar } from "@/lib/availability/calendar-of";
import { findNextFreeSlot, NEXT_FREE_MONTHS } from "@/lib/availability/next-free-slot";
import { ZonedTime } from "@/components/bookings/zoned-time";

/** Streams in per card: Acuity is asked (through the cache) while the rest of the page shows. */
export async function NextFreeTime({
  specialist,
  appointmentType,
  viewerZone,
}: {
  specialist: SpecialistCalendar;
  appointmentType: "in_person" | "telehealth";
  viewerZone: string | null;
}) {
  const outcome = await findNextFreeSlot(specialist, appointmentType).then(
    (slot) => ({ slot, problem: null }),
    (error: unknown) => ({
      slot: null,
      problem: error instanceof AcuityError ? error.userMessage : "Couldn't check the calendar just now.",
    }),
  );
  if (outcome.problem) return <span className="text-amber-800">{outcome.problem}</span>;
  if (!outcome.slot)
    return <span className="text-slate-500">No free time in the next {NEXT_FREE_MONTHS} months</span>;
  return (
    <span data-testid="next-free-time">
      <ZonedTime
        instant={new Date(outcome.slot.startsAt)}
        zone={zoneOf(specialist)}
        viewerZone={viewerZone}
      />
    </span>
  );
}

export function NextFreeTimeLoading() {
  return (
    <span
      className="inline-block h-4 w-40 animate-pulse rounded bg-slate-200"
      aria-label="Checking the calendar"
    />
  );
}
