import Link from "next/link";
import { ZonedTime } from "@/components/bookings/zoned-time";
import { AcuityError } from "@/lib/acuity";
import { zoneOf } from "@/lib/availability/calendar-of";
import { findFirstAvailableSlots } from "@/lib/availability/first-available";
import type { SpecialistCard } from "@/lib/specialists/list-specialists";

/** The earliest free slots across the specialists of a specialty, earliest first. */
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
  if (specialists.length === 0) return <p className="text-sm text-slate-600">No specialist of that specialty offers this kind of examination.</p>;
  const result = await findFirstAvailableSlots(specialists, appointmentType, { from, to, limit: 12 }).catch((error: unknown) =>
    error instanceof AcuityError ? error.userMessage : "Couldn't check the calendars just now.",
  );
  if (typeof result === "string") return <p role="alert" className="text-sm text-amber-800">{result}</p>;
  return (
    <div className="space-y-2">
      {result.unreachable.length > 0 && (
        <p className="text-sm text-amber-800">Couldn&apos;t read {result.unreachable.map((s) => s.name).join(", ")} just now; their times are missing below.</p>
      )}
      {result.slots.length === 0 ? (
        <p className="text-sm text-slate-600">No free time between {from} and {to}. Try a wider range.</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="first-available">
          {result.slots.map((slot) => (
            <li key={`${slot.specialist.id}-${slot.datetime}`} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <ZonedTime instant={new Date(slot.startsAt)} zone={zoneOf(slot.specialist)} viewerZone={viewerZone} />
              <span className="text-sm"><span className="font-medium">{slot.specialist.name}</span> <span className="text-slate-500">· {slot.specialist.city ?? "Telehealth"}</span></span>
              <Link
                href={`/bookings/new?specialist=${slot.specialist.id}&type=${appointmentType}&datetime=${encodeURIComponent(slot.datetime)}`}
                className="text-sm font-medium text-indigo-700 hover:underline"
              >
                Book this time
              </Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
