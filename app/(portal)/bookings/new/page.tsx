import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BookingForm } from "@/components/bookings/booking-form";
import { ExamineeFields, NotesField } from "@/components/bookings/examinee-fields";
import { ReferralDetailsFields } from "@/components/bookings/referral-details-fields";
import { getDb } from "@/db/client";
import { isAcuityDatetime, parseAcuityDatetime } from "@/lib/acuity/datetime";
import { requireActor } from "@/lib/auth/current-session";
import { canBookForAnyOrganization } from "@/lib/authz/policy";
import { zoneOf } from "@/lib/availability/calendar-of";
import { todayIn } from "@/lib/availability/months";
import { listBookingTargets } from "@/lib/bookings/booking-targets";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { newId } from "@/lib/ids";
import { listActiveSpecialists } from "@/lib/specialists/list-specialists";
import { telehealthCalendarIds } from "@/lib/specialists/telehealth-calendars";
import { zoneAbbreviation, zonePlace } from "@/lib/time/zone-name";

export const metadata: Metadata = { title: "New booking" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function NewBookingPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!canBookForAnyOrganization(actor)) notFound();
  const params = await searchParams;
  const db = getDb();
  const [specialists, targets] = await Promise.all([
    listActiveSpecialists(db, {}, await telehealthCalendarIds()),
    listBookingTargets(db, actor),
  ]);
  const specialist = specialists.find((s) => s.id === one(params.specialist));

  if (!specialist) {
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-semibold">New booking</h1>
        <p className="text-slate-600">
          Choose the specialist, or{" "}
          <Link className="text-indigo-700 underline" href="/specialists">
            find one by specialty, city or first free time
          </Link>
          .
        </p>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {specialists.map((s) => (
            <li key={s.id} className="flex items-center justify-between px-4 py-3">
              <span>
                <span className="font-medium">{s.name}</span>{" "}
                <span className="text-sm text-slate-500">
                  · {s.specialty} · {s.city ?? "Telehealth only"}
                </span>
              </span>
              <Link
                href={`/bookings/new?specialist=${s.id}`}
                className="text-sm font-medium text-indigo-700 hover:underline"
              >
                Book
              </Link>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const zone = zoneOf(specialist);
  const requested = one(params.datetime);
  const initialSlot = isAcuityDatetime(requested)
    ? { datetime: requested, startsAt: parseAcuityDatetime(requested).toISOString() }
    : null;
  const wantsTelehealth = one(params.type) === "telehealth" || !specialist.offersInPerson;
  const initialType = wantsTelehealth && specialist.offersTelehealth ? "telehealth" : "in_person";
  const thisMonth = todayIn(zone).slice(0, 7);
  const initialMonth = initialSlot ? todayIn(zone, new Date(initialSlot.startsAt)).slice(0, 7) : thisMonth;

  return (
    <section className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href="/specialists" className="text-indigo-700 hover:underline">
            ← Find a specialist
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">Book {specialist.name}</h1>
        <p className="text-slate-600">
          {specialist.specialty} · {specialist.location ?? "Telehealth only"} · times in {zonePlace(zone)}{" "}
          time ({zoneAbbreviation(new Date(), zone)})
        </p>
      </header>
      {targets.length === 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          You are not in any organization or team you could book for. Ask your organization&apos;s owner to
          add you.
        </p>
      ) : (
        <BookingForm
          idempotencyKey={newId()}
          specialist={{
            id: specialist.id,
            name: specialist.name,
            timezone: zone,
            offersInPerson: specialist.offersInPerson,
            offersTelehealth: specialist.offersTelehealth,
          }}
          targets={targets}
          initialType={initialType}
          initialMonth={initialMonth < thisMonth ? thisMonth : initialMonth}
          initialSlot={initialSlot}
          examineeFields={<ExamineeFields />}
          notesField={<NotesField />}
          referralFields={<ReferralDetailsFields today={todayIn((await viewerTimeZone()) ?? zone)} />}
        />
      )}
    </section>
  );
}
