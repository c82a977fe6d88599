import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES } from "@/lib/audit/actions";
import type { AuditFilter } from "@/lib/audit-trail/filters";
import { zonePlace } from "@/lib/time/zone-name";
import { compactControlClass, FormField } from "@/components/ui/form-field";

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
      <FormField label="Actor (name, e-mail or id)" name="actor" size="compact">
        <input name="actor" defaultValue={filter.actor} className={`${compactControlClass} w-48`} />
      </FormField>
      <FormField label="Impersonated user" name="impersonated" size="compact">
        <input
          name="impersonated"
          defaultValue={filter.impersonated}
          className={`${compactControlClass} w-48`}
        />
      </FormField>
      <FormField label="Action" name="action" size="compact">
        <select name="action" defaultValue={filter.action ?? ""} className={compactControlClass}>
          <option value="">Any</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Resource type" name="resourceType" size="compact">
        <select name="resourceType" defaultValue={filter.resourceType ?? ""} className={compactControlClass}>
          <option value="">Any</option>
          {AUDIT_RESOURCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Resource id" name="resourceId" size="compact">
        <input name="resourceId" defaultValue={filter.resourceId} className={`${compactControlClass} w-40`} />
      </FormField>
      <FormField label="Booking id" name="bookingId" size="compact">
        <input name="bookingId" defaultValue={filter.bookingId} className={`${compactControlClass} w-40`} />
      </FormField>
      <FormField label={`From (${zonePlace(dayZone)} day)`} name="from" size="compact">
        <input name="from" type="date" defaultValue={filter.from} className={compactControlClass} />
      </FormField>
      <FormField label={`To (${zonePlace(dayZone)} day)`} name="to" size="compact">
        <input name="to" type="date" defaultValue={filter.to} className={compactControlClass} />
      </FormField>
      <input type="hidden" name="tz" value={dayZone} />
      <FormField label="IP or range" name="ip" size="compact">
        <input
          name="ip"
          defaultValue={filter.ip}
          placeholder="203.0.113.0/24"
          className={`${compactControlClass} w-36`}
        />
      </FormField>
      <button className="min-h-6 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2 focus-visible:outline-none">
        Filter
      </button>
      <a href="?" className="px-2 py-1.5 text-sm text-slate-700 underline hover:no-underline">
        Clear
      </a>
    </form>
  );
}
