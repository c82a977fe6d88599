import type { Metadata } from "next";
import { PROGRESS_LABELS } from "@/components/bookings/progress-label";
import { getDb } from "@/db/client";
import type { ProgressStage } from "@/db/schema/enums";
import { requireActor } from "@/lib/auth/current-session";
import { listBookingsForViewer } from "@/lib/bookings/list-bookings";

export const metadata: Metadata = { title: "Bookings" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function BookingsPage() {
  const actor = await requireActor();
  const rows = await listBookingsForViewer(getDb(), actor);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Bookings</h1>
      <p className="mt-1 text-sm text-slate-600" data-testid="booking-count">
        {rows.length === 0 ? "No bookings you can see yet." : `${rows.length} bookings`}
      </p>
      {rows.length > 0 && (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="bookings-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3">Examinee</th>
                <th className="px-4 py-3">Appointment (UTC)</th>
                <th className="px-4 py-3">Specialist</th>
                <th className="px-4 py-3">Organization</th>
                <th className="px-4 py-3">Team</th>
                <th className="px-4 py-3">Type</th>
                <th className="px-4 py-3">Progress</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => {
                const progress = PROGRESS_LABELS[row.currentProgress as ProgressStage];
                return (
                  <tr key={row.id} data-testid="booking-row">
                    <td className="px-4 py-3 font-medium">{row.examineeName}</td>
                    <td className="px-4 py-3">{dateFormat.format(row.appointmentDate)}</td>
                    <td className="px-4 py-3">{row.specialistName}</td>
                    <td className="px-4 py-3" data-testid="booking-organization">{row.organizationName}</td>
                    <td className="px-4 py-3">{row.teamName ?? "—"}</td>
                    <td className="px-4 py-3">{row.appointmentType === "telehealth" ? "Telehealth" : "In person"}</td>
                    <td className="px-4 py-3">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${progress.tone}`}>{progress.label}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
