import type { Metadata } from "next";
import Link from "next/link";
import { AdminBookingRowTools } from "@/components/admin/admin-booking-row-tools";
import { AdminBookingsBulk } from "@/components/admin/admin-bookings-bulk";
import { inputClass } from "@/components/admin/form-fields";
import { PROGRESS_LABELS } from "@/components/bookings/progress-label";
import { ZonedTime } from "@/components/bookings/zoned-time";
import { getDb } from "@/db/client";
import { BOOKING_STATUSES, PROGRESS_STAGES, type ProgressStage } from "@/db/schema/enums";
import { STATUS_LABELS } from "@/lib/admin/bookings/change-status";
import {
  ADMIN_BOOKINGS_PAGE_SIZE,
  adminBookingFilterSchema,
  listBookingsForAdmin,
} from "@/lib/admin/bookings/list-admin-bookings";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { correctionTargets } from "@/lib/bookings/progress";
import { listOrganizationsWithTeams, TRIAGE_ORGANIZATION_SLUG } from "@/lib/organizations/list-organizations";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";

export const metadata: Metadata = { title: "Booking administration" };

export default async function AdminBookingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireAdminConsole();
  const parsed = adminBookingFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : adminBookingFilterSchema.parse({});
  const db = getDb();
  const [rows, organizations, viewerZone] = await Promise.all([
    listBookingsForAdmin(db, filter),
    listOrganizationsWithTeams(db),
    viewerTimeZone(),
  ]);
  const hasMore = rows.length > ADMIN_BOOKINGS_PAGE_SIZE;
  const visible = rows.slice(0, ADMIN_BOOKINGS_PAGE_SIZE);
  // Typed wide on purpose: Object.entries drops `undefined` from optional fields' types, yet
  // an unset filter is there as undefined and must not become the text "undefined".
  const filterEntries: [string, string | number | undefined][] = Object.entries(filter);
  const pageHref = (page: number) =>
    `?${new URLSearchParams({
      ...Object.fromEntries(filterEntries.filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])),
      page: String(page),
    })}`;
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">Booking administration</h1>
        <p className="mt-1 text-sm text-slate-600">
          Mark payments, close and archive bookings (one or many), correct stages with a note, and move
          bookings between organizations and teams.
        </p>
      </div>
      <form className="flex flex-wrap items-end gap-2" role="search">
        <input
          name="q"
          defaultValue={filter.q}
          placeholder="Examinee name, phone or booking id"
          aria-label="Search bookings"
          className={`${inputClass} w-64`}
        />
        <select name="status" defaultValue={filter.status ?? ""} aria-label="Status" className={inputClass}>
          <option value="">Active and closed</option>
          {BOOKING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <select
          name="progress"
          defaultValue={filter.progress ?? ""}
          aria-label="Progress"
          className={inputClass}
        >
          <option value="">Any progress</option>
          {PROGRESS_STAGES.map((s) => (
            <option key={s} value={s}>
              {PROGRESS_LABELS[s].label}
            </option>
          ))}
        </select>
        <select
          name="organizationId"
          defaultValue={filter.organizationId ?? ""}
          aria-label="Organization"
          className={inputClass}
        >
          <option value="">Any organization</option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">Filter</button>
      </form>
      <AdminBookingsBulk formId="admin-bookings" />
      {visible.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          No bookings match these filters.
        </p>
      ) : (
        <div id="admin-bookings" className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="admin-bookings-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
              <tr>
                <th className="px-3 py-3">
                  <span className="sr-only">Select</span>
                </th>
                <th className="px-3 py-3">Examinee</th>
                <th className="px-3 py-3">Appointment</th>
                <th className="px-3 py-3">Specialist</th>
                <th className="px-3 py-3">Organization · team</th>
                <th className="px-3 py-3">Progress</th>
                <th className="px-3 py-3">Status</th>
                <th className="px-3 py-3">
                  <span className="sr-only">Tools</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {visible.map((b) => {
                const progress = b.currentProgress as ProgressStage;
                return (
                  <tr key={b.id} data-testid="admin-booking-row" className="align-top">
                    <td className="px-3 py-3">
                      <input
                        type="checkbox"
                        data-booking-select
                        value={b.id}
                        aria-label={`Select booking of ${b.examineeName}`}
                      />
                    </td>
                    <td className="px-3 py-3 font-medium">
                      {b.examineeName}
                      <div className="text-xs font-normal text-slate-500">
                        {b.source === "acuity_direct" ? "made in Acuity" : "portal"}
                      </div>
                    </td>
                    <td className="px-3 py-3">
                      <ZonedTime
                        instant={b.appointmentDate}
                        zone={b.specialistTimezone ?? "UTC"}
                        viewerZone={viewerZone}
                      />
                    </td>
                    <td className="px-3 py-3">{b.specialistName}</td>
                    <td className="px-3 py-3">
                      {b.organizationSlug === TRIAGE_ORGANIZATION_SLUG ? (
                        <span className="rounded bg-amber-200 px-1.5 text-amber-900">
                          {b.organizationName}
                        </span>
                      ) : (
                        b.organizationName
                      )}
                      {b.teamName ? ` · ${b.teamName}` : ""}
                    </td>
                    <td className="px-3 py-3">
                      <span
                        className={`rounded-full px-2 py-0.5 text-xs font-medium ${PROGRESS_LABELS[progress].tone}`}
                      >
                        {PROGRESS_LABELS[progress].label}
                      </span>
                    </td>
                    <td className="px-3 py-3" data-testid="admin-booking-status">
                      {STATUS_LABELS[b.status]}
                    </td>
                    <td className="px-3 py-3">
                      <AdminBookingRowTools
                        booking={{ ...b, currentProgress: progress }}
                        correctionTargets={correctionTargets({ ...b, currentProgress: progress })}
                        organizations={organizations}
                      />
                      <Link
                        href={`/admin/audit?bookingId=${b.id}`}
                        className="mt-1 block text-xs text-indigo-700"
                      >
                        Audit trail
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav className="flex gap-3 text-sm" aria-label="Pages">
        {filter.page > 0 && (
          <Link href={pageHref(filter.page - 1)} className="text-indigo-700">
            ← Newer
          </Link>
        )}
        {hasMore && (
          <Link href={pageHref(filter.page + 1)} className="text-indigo-700">
            Older →
          </Link>
        )}
      </nav>
    </section>
  );
}
