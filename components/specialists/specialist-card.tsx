import Link from "next/link";
import { Suspense } from "react";
import type { SpecialistCard as Card } from "@/lib/specialists/list-specialists";
import { NextFreeTime, NextFreeTimeLoading } from "./next-free-time";

export function SpecialistCard({
  specialist,
  appointmentType,
  viewerZone,
}: {
  specialist: Card;
  appointmentType: "in_person" | "telehealth";
  viewerZone: string | null;
}) {
  const bookHref = `/bookings/new?specialist=${specialist.id}&type=${appointmentType}`;
  return (
    <li
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="specialist-card"
    >
      <div>
        <h3 className="font-semibold">{specialist.name}</h3>
        <p className="text-sm text-slate-600">{specialist.specialty}</p>
        <p className="text-sm text-slate-600">{specialist.location ?? "Telehealth only"}</p>
        <div className="mt-1 flex gap-1 text-xs">
          {specialist.offersInPerson && (
            <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-emerald-800">In person</span>
          )}
          {specialist.offersTelehealth && (
            <span className="rounded-full bg-sky-50 px-2 py-0.5 text-sky-800">Telehealth</span>
          )}
        </div>
      </div>
      <div className="text-sm">
        <span className="block text-xs font-medium tracking-wide text-slate-500 uppercase">
          Next free ({appointmentType === "telehealth" ? "telehealth" : "in person"})
        </span>
        <Suspense fallback={<NextFreeTimeLoading />}>
          <NextFreeTime specialist={specialist} appointmentType={appointmentType} viewerZone={viewerZone} />
        </Suspense>
      </div>
      <Link
        href={bookHref}
        className="mt-auto inline-flex justify-center rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700"
      >
        Choose a time
      </Link>
    </li>
  );
}
