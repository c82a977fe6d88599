import Link from "next/link";
import { AcuityError } from "@/lib/acuity";
import { zoneOf } from "@/lib/availability/calendar-of";
import { findFirstAvailableSlots } from "@/lib/availability/first-available";
import { slotsByDay } from "@/lib/availability/slots-by-day";
import type { SpecialistCard } from "@/lib/specialists/list-specialists";
import { timestampZone, twoClocks } from "@/lib/time/two-clocks";
import { zoneAbbreviation, zonePlace } from "@/lib/time/zone-name";

/**
 * The earliest free slots across the specialists of a specialty, earliest first. Read on the
 * viewer's clock, grouped by the viewer's days, so the order is visible; each specialist's own
 * time (with its date when that is another day) is the second line.
 */
export async function FirstAvailableResults({
  specialists,
  appointmentType,
  from,
  to,
  viewerZone,
}: {
  specialists: SpecialistCard[];
  appointmentType: "in_person" | "telehealth";
  from: string;
  to: string;
  viewerZone: string | null;
}) {
  if (specialists.length === 0)
    return (
      <p className="text-sm text-slate-600">
        No specialist of that specialty offers this kind of examination.
      </p>
    );
  const result = await findFirstAvailableSlots(specialists, appointmentType, { from, to, limit: 12 }).catch(
    (error: unknown) =>
      error instanceof AcuityError ? error.userMessage : "Couldn't check the calendars just now.",
  );
  if (typeof result === "string")
    return (
      <p role="alert" className="text-sm text-amber-800">
        {result}
      </p>
    );
  const readingZone = timestampZone(viewerZone);
  const days = slotsByDay(result.slots, readingZone);
  return (
    <div className="space-y-2">
      {result.unreachable.length > 0 && (
        <p className="text-sm text-amber-800">
          Couldn&apos;t read {result.unreachable.map((s) => s.name).join(", ")} just now; their times are
          missing below.
        </p>
      )}
      {days.length === 0 ? (
        <p className="text-sm text-slate-600">
          No free time between {from} and {to}. Try a wider range.
        </p>
      ) : (
        <div className="space-y-3" data-testid="first-available">
          <p className="text-xs text-slate-600">
            In {viewerZone ? "your time" : "UTC"} ({zonePlace(readingZone)},{" "}
            {zoneAbbreviation(new Date(result.slots[0]!.startsAt), readingZone)}), earliest first; the
            specialist&apos;s own time under each.
          </p>
          {days.map((day) => (
            <section key={day.day} aria-label={day.label} data-testid="first-available-day">
              <h3 className="text-sm font-semibold text-slate-700">{day.label}</h3>
              <ol className="mt-1 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
                {day.slots.map((slot) => {
                  const instant = new Date(slot.startsAt);
                  const specialistZone = zoneOf(slot.specialist);
                  const { primary, secondary } = twoClocks(instant, readingZone, specialistZone, "none");
                  return (
                    <li
                      key={`${slot.specialist.id}-${slot.datetime}`}
                      className="grid gap-x-4 gap-y-1 px-4 py-3 sm:grid-cols-[11rem_1fr_auto] sm:items-center"
                      data-testid="first-available-slot"
                    >
                      <span className="leading-tight">
                        <time dateTime={slot.startsAt} className="font-medium">
                          {primary}
                        </time>
                        {secondary && (
                          <span className="block text-xs text-slate-500">
                            {secondary} in {zonePlace(specialistZone)}
                          </span>
                        )}
                      </span>
                      <span className="text-sm">
                        <span className="font-medium">{slot.specialist.name}</span>{" "}
                        <span className="text-slate-500">· {slot.specialist.city ?? "Telehealth"}</span>
                      </span>
                      <Link
                        href={`/bookings/new?specialist=${slot.specialist.id}&type=${appointmentType}&datetime=${encodeURIComponent(slot.datetime)}`}
                        className="text-sm font-medium text-indigo-700 hover:underline"
                      >
                        Book this time
                        <span className="sr-only">
                          {" "}
                          with {slot.specialist.name}, {day.label}, {primary}
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
