import { Field, inputClass } from "@/components/admin/form-fields";
import type { AcuityCalendar } from "@/lib/acuity";

/** The fields of a specialist; calendars come from Acuity, those linked elsewhere are disabled. */
export function SpecialistFields({
  calendars,
  linkedCalendars,
  values,
}: {
  calendars: AcuityCalendar[];
  linkedCalendars: Map<string, string>;
  values?: {
    userEmail: string;
    acuityCalendarId: string;
    name: string;
    specialty: string;
    location: string | null;
  };
}) {
  return (
    <>
      <Field label="User e-mail">
        <input
          name="userEmail"
          type="email"
          required
          defaultValue={values?.userEmail}
          className={`${inputClass} w-56`}
        />
      </Field>
      <Field label="Acuity calendar">
        <select
          name="acuityCalendarId"
          required
          defaultValue={values?.acuityCalendarId ?? ""}
          className={`${inputClass} w-64`}
        >
          <option value="" disabled>
            Choose a calendar…
          </option>
          {calendars.map((c) => {
            const linkedTo = linkedCalendars.get(String(c.id));
            const own = values?.acuityCalendarId === String(c.id);
            return (
              <option key={c.id} value={String(c.id)} disabled={Boolean(linkedTo) && !own}>
                {c.name} ({c.timezone}){linkedTo && !own ? ` — linked to ${linkedTo}` : ""}
              </option>
            );
          })}
        </select>
      </Field>
      <Field label="Name shown to referrers">
        <input name="name" required defaultValue={values?.name} className={`${inputClass} w-48`} />
      </Field>
      <Field label="Specialty">
        <input name="specialty" required defaultValue={values?.specialty} className={`${inputClass} w-44`} />
      </Field>
      <Field label="Location (empty = telehealth only)">
        <input name="location" defaultValue={values?.location ?? ""} className={`${inputClass} w-56`} />
      </Field>
    </>
  );
}
