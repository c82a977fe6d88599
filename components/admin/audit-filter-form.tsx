import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES } from "@/lib/audit/actions";
import type { AuditFilter } from "@/lib/audit-trail/filters";
import { zonePlace } from "@/lib/time/zone-name";
import { Field, inputClass } from "./form-fields";

/** A plain GET form: the filter lives in the URL, so a filtered view can be shared and exported. */
export function AuditFilterForm({
  filter,
  viewerZone,
}: {
  filter: Partial<AuditFilter>;
  viewerZone: string | null;
}) {
  // Days are the viewer's days, like the times in the table; the zone travels in the URL so a shared link means the same rows.
  const dayZone = viewerZone ?? filter.tz ?? "UTC";
  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3"
      role="search"
      aria-label="Filter the audit trail"
    >
      <Field label="Actor (name, e-mail or id)">
        <input name="actor" defaultValue={filter.actor} className={`${inputClass} w-48`} />
      </Field>
      <Field label="Impersonated user">
        <input name="impersonated" defaultValue={filter.impersonated} className={`${inputClass} w-48`} />
      </Field>
      <Field label="Action">
        <select name="action" defaultValue={filter.action ?? ""} className={inputClass}>
          <option value="">Any</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Resource type">
        <select name="resourceType" defaultValue={filter.resourceType ?? ""} className={inputClass}>
          <option value="">Any</option>
          {AUDIT_RESOURCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Resource id">
        <input name="resourceId" defaultValue={filter.resourceId} className={`${inputClass} w-40`} />
      </Field>
      <Field label="Booking id">
        <input name="bookingId" defaultValue={filter.bookingId} className={`${inputClass} w-40`} />
      </Field>
      <Field label={`From (${zonePlace(dayZone)} day)`}>
        <input name="from" type="date" defaultValue={filter.from} className={inputClass} />
      </Field>
      <Field label={`To (${zonePlace(dayZone)} day)`}>
        <input name="to" type="date" defaultValue={filter.to} className={inputClass} />
      </Field>
      <input type="hidden" name="tz" value={dayZone} />
      <Field label="IP or range">
        <input
          name="ip"
          defaultValue={filter.ip}
          placeholder="203.0.113.0/24"
          className={`${inputClass} w-36`}
        />
      </Field>
      <button className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white">Filter</button>
      <a href="?" className="px-2 py-1.5 text-sm text-slate-600">
        Clear
      </a>
    </form>
  );
}
