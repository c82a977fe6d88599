import { compactControlClass, FormField } from "@/components/ui/form-field";
import type { AcuityCalendar } from "@/lib/acuity";

/** The fields of a specialist; calendars come from Acuity, those linked elsewhere are disabled. */
export function SpecialistFields({
  calendars,
  linkedCalendars,
  values,
  idPrefix = "specialist",
}: {
  /** Keeps the fields' ids unique when a page shows the form more than once (one per specialist). */
  idPrefix?: string;
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
      <FormField label="User e-mail" name="userEmail" id={`${idPrefix}-userEmail`} size="compact">
        <input
          name="userEmail"
          type="email"
          required
          defaultValue={values?.userEmail}
          className={`${compactControlClass} w-56`}
        />
      </FormField>
      <FormField
        label="Acuity calendar"
        name="acuityCalendarId"
        id={`${idPrefix}-acuityCalendarId`}
        size="compact"
      >
        <select
          name="acuityCalendarId"
          required
          defaultValue={values?.acuityCalendarId ?? ""}
          className={`${compactControlClass} w-64`}
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
      </FormField>
      <FormField label="Name shown to referrers" name="name" id={`${idPrefix}-name`} size="compact">
        <input name="name" required defaultValue={values?.name} className={`${compactControlClass} w-48`} />
      </FormField>
      <FormField label="Specialty" name="specialty" id={`${idPrefix}-specialty`} size="compact">
        <input
          name="specialty"
          required
          defaultValue={values?.specialty}
          className={`${compactControlClass} w-44`}
        />
      </FormField>
      <FormField
        label="Location (empty = telehealth only)"
        name="location"
        id={`${idPrefix}-location`}
        size="compact"
      >
        <input
          name="location"
          defaultValue={values?.location ?? ""}
          className={`${compactControlClass} w-56`}
        />
      </FormField>
    </>
  );
}
