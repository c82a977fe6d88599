import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { fieldControlClass, FormField } from "@/components/ui/form-field";
import { FirstAvailableResults } from "@/components/specialists/first-available-results";
import { SpecialistCard } from "@/components/specialists/specialist-card";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { canBookForAnyOrganization } from "@/lib/authz/policy";
import { isIsoDate } from "@/lib/availability/months";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { listActiveSpecialists } from "@/lib/specialists/list-specialists";
import { specialistFilterOptions } from "@/lib/specialists/specialist-filter-options";
import { telehealthCalendarIds } from "@/lib/specialists/telehealth-calendars";

export const metadata: Metadata = { title: "Find a specialist" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) =>
  ((Array.isArray(value) ? value[0] : value) ?? "").trim();
const MAX_RANGE_DAYS = 62;

export default async function SpecialistsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!canBookForAnyOrganization(actor)) notFound();
  const params = await searchParams;
  const db = getDb();
  const viewerZone = await viewerTimeZone();
  const telehealth = one(params.telehealth) === "1";
  const filters = {
    specialty: one(params.specialty) || undefined,
    city: one(params.city) || undefined,
    telehealth,
  };
  const catalog = await telehealthCalendarIds();
  const [specialists, options] = await Promise.all([
    listActiveSpecialists(db, filters, catalog),
    specialistFilterOptions(db),
  ]);
  const cardType = (s: { offersInPerson: boolean }) =>
    telehealth || !s.offersInPerson ? "telehealth" : "in_person";

  // First available: a specialty and a date range (default: the next two weeks).
  const today = new Date().toISOString().slice(0, 10);
  const firstSpecialty = one(params.fa_specialty);
  const faType = one(params.fa_type) === "in_person" ? "in_person" : "telehealth";
  const faFrom = isIsoDate(one(params.fa_from)) && one(params.fa_from) >= today ? one(params.fa_from) : today;
  const maxTo = new Date(Date.parse(`${faFrom}T00:00:00Z`) + MAX_RANGE_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const defaultTo = new Date(Date.parse(`${faFrom}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  const faTo =
    isIsoDate(one(params.fa_to)) && one(params.fa_to) >= faFrom
      ? one(params.fa_to) > maxTo
        ? maxTo
        : one(params.fa_to)
      : defaultTo;
  const faCandidates = firstSpecialty
    ? (
        await listActiveSpecialists(
          db,
          { specialty: firstSpecialty, telehealth: faType === "telehealth" },
          catalog,
        )
      ).filter((s) => faType === "telehealth" || s.offersInPerson)
    : [];

  return (
    <section className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold">Find a specialist</h1>
        <p className="mt-1 text-slate-600">
          Free times come live from each specialist&apos;s calendar, in their time zone with yours beside it
          when it differs. First available lists them on your clock.
        </p>
      </div>

      <section
        aria-labelledby="first-available-heading"
        className="space-y-4 rounded-lg border border-indigo-100 bg-indigo-50/50 p-4"
      >
        <h2 id="first-available-heading" className="text-lg font-semibold">
          First available
        </h2>
        <p className="text-sm text-slate-600">
          Don&apos;t mind who examines? See the earliest free times across every specialist of a specialty.
        </p>
        <form className="flex flex-wrap items-end gap-3" method="get">
          <FormField label="Specialty" name="fa_specialty">
            <select name="fa_specialty" defaultValue={firstSpecialty} className={fieldControlClass} required>
              <option value="">Choose…</option>
              {options.specialties.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </FormField>
          <FormField label="Examination" name="fa_type">
            <select name="fa_type" defaultValue={faType} className={fieldControlClass}>
              <option value="telehealth">Telehealth</option>
              <option value="in_person">In person</option>
            </select>
          </FormField>
          <FormField label="From" name="fa_from">
            <input
              type="date"
              name="fa_from"
              defaultValue={faFrom}
              min={today}
              className={fieldControlClass}
            />
          </FormField>
          <FormField label="To" name="fa_to">
            <input type="date" name="fa_to" defaultValue={faTo} min={today} className={fieldControlClass} />
          </FormField>
          <Keep
            params={{
              specialty: filters.specialty,
              city: filters.city,
              telehealth: telehealth ? "1" : undefined,
            }}
          />
          <button className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700">
            Show earliest times
          </button>
        </form>
        {firstSpecialty && (
          <Suspense
            key={`${firstSpecialty}-${faType}-${faFrom}-${faTo}`}
            fallback={<p className="text-sm text-slate-600">Checking calendars…</p>}
          >
            <FirstAvailableResults
              specialists={faCandidates}
              appointmentType={faType}
              from={faFrom}
              to={faTo}
              viewerZone={viewerZone}
            />
          </Suspense>
        )}
      </section>

      <section aria-labelledby="specialists-heading" className="space-y-4">
        <h2 id="specialists-heading" className="text-lg font-semibold">
          Specialists
        </h2>
        <form className="flex flex-wrap items-end gap-3" method="get">
          <FormField label="Specialty" name="specialty">
            <select name="specialty" defaultValue={filters.specialty ?? ""} className={fieldControlClass}>
              <option value="">Any specialty</option>
              {options.specialties.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </FormField>
          <FormField label="City" name="city">
            <select name="city" defaultValue={filters.city ?? ""} className={fieldControlClass}>
              <option value="">Any city</option>
              {options.cities.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </FormField>
          <label className="flex min-h-6 items-center gap-2 pb-2 text-sm">
            <input type="checkbox" name="telehealth" value="1" defaultChecked={telehealth} /> Telehealth
            available
          </label>
          <Keep
            params={
              firstSpecialty
                ? { fa_specialty: firstSpecialty, fa_type: faType, fa_from: faFrom, fa_to: faTo }
                : {}
            }
          />
          <button className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
            Apply
          </button>
        </form>
        {specialists.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
            No active specialist matches these filters. Clear a filter to see more.
          </p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Specialists">
            {specialists.map((s) => (
              <SpecialistCard
                key={s.id}
                specialist={s}
                appointmentType={cardType(s)}
                viewerZone={viewerZone}
              />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

/** Each form keeps the other form's choices, so using one does not reset the other. */
function Keep({ params }: { params: Record<string, string | undefined> }) {
  return Object.entries(params).map(([name, value]) =>
    value ? <input key={name} type="hidden" name={name} value={value} /> : null,
  );
}
