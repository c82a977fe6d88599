import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { SpecialistFields } from "@/components/admin/specialist-fields";
import { getDb } from "@/db/client";
import { getAcuityClient, type AcuityCalendar } from "@/lib/acuity";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { listSpecialistsForAdmin } from "@/lib/specialists-admin/list-specialists";
import { createSpecialistAction, setSpecialistActiveAction, updateSpecialistAction } from "./actions";

export const metadata: Metadata = { title: "Specialists" };

async function calendarsFromAcuity(): Promise<{ calendars: AcuityCalendar[]; error: string | null }> {
  try {
    return { calendars: await getAcuityClient().listCalendars(), error: null };
  } catch (error) {
    return {
      calendars: [],
      error: (error as { userMessage?: string }).userMessage ?? "Acuity could not be reached.",
    };
  }
}

export default async function AdminSpecialistsPage() {
  await requireAdminConsole();
  const [specialists, { calendars, error }] = await Promise.all([
    listSpecialistsForAdmin(getDb()),
    calendarsFromAcuity(),
  ]);
  const linked = new Map(specialists.map((s) => [s.acuityCalendarId, s.name]));
  const calendarName = new Map(calendars.map((c) => [String(c.id), c.name]));
  return (
    <section>
      <h1 className="text-2xl font-semibold">Specialists</h1>
      <p className="mt-1 text-sm text-slate-600">
        Each specialist is a user linked to one Acuity calendar. Inactive ones disappear from the finder;
        their bookings stay.
      </p>
      {error && (
        <p role="alert" className="mt-3 rounded-md bg-rose-50 p-3 text-sm text-rose-800">
          Acuity calendars unavailable: {error} Creating and editing specialists needs them.
        </p>
      )}
      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">New specialist</h2>
        <ActionForm
          action={createSpecialistAction}
          submitLabel="Create specialist"
          successText="Specialist created."
          className="mt-2 flex flex-wrap items-end gap-3"
          testId="create-specialist-form"
        >
          <SpecialistFields calendars={calendars} linkedCalendars={linked} />
        </ActionForm>
      </div>
      <ul className="mt-6 flex flex-col gap-3">
        {specialists.map((s) => (
          <li
            key={s.id}
            data-testid={`specialist-${s.acuityCalendarId}`}
            className={`rounded-lg border bg-white p-4 ${s.isActive ? "border-slate-200" : "border-dashed border-slate-300 opacity-80"}`}
          >
            <div className="flex flex-wrap items-center gap-3">
              <strong>{s.name}</strong>
              <span className="text-sm text-slate-600">
                {s.specialty} · {s.location ?? "Telehealth only"} · {s.timezone ?? "zone unknown"}
              </span>
              <span className="text-xs text-slate-600">
                Calendar {calendarName.get(s.acuityCalendarId) ?? s.acuityCalendarId} · {s.userEmail}
              </span>
              <span
                className={`rounded-full px-2 py-0.5 text-xs ${s.isActive ? "bg-emerald-100 text-emerald-800" : "bg-slate-200 text-slate-700"}`}
              >
                {s.isActive ? "Active" : "Inactive"}
              </span>
              <ActionForm
                action={setSpecialistActiveAction}
                submitLabel={s.isActive ? "Deactivate" : "Activate"}
                variant="secondary"
                className="ml-auto"
              >
                <input type="hidden" name="specialistId" value={s.id} />
                <input type="hidden" name="active" value={String(!s.isActive)} />
              </ActionForm>
            </div>
            <details className="mt-2">
              <summary className="min-h-6 cursor-pointer text-sm text-indigo-700 underline">Edit</summary>
              <ActionForm
                action={updateSpecialistAction}
                submitLabel="Save"
                successText="Saved."
                className="mt-2 flex flex-wrap items-end gap-3"
              >
                <input type="hidden" name="specialistId" value={s.id} />
                <SpecialistFields
                  calendars={calendars}
                  linkedCalendars={linked}
                  values={s}
                  idPrefix={`specialist-${s.id}`}
                />
              </ActionForm>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
