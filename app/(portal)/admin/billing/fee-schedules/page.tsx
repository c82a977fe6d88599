import type { Metadata } from "next";
import Link from "next/link";
import { Timestamp } from "@/components/ui/timestamp";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import { getDb } from "@/db/client";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { listFeeSchedules, type FeeScheduleSummary } from "@/lib/billing/fee-schedule-pages";
import { formatMoney, formatPercent } from "@/lib/billing/money";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";

export const metadata: Metadata = { title: "Fee schedules" };

function Terms({ summary }: { summary: FeeScheduleSummary }) {
  const s = summary.schedule;
  return (
    <>
      {s.currency}, tax {formatPercent(s.taxRateBasisPoints)}; late cancellation{" "}
      {formatMoney(s.lateCancellationFeeMinor, s.currency)} within {s.lateCancellationWindowHours} h; no-show{" "}
      {formatMoney(s.noShowFeeMinor, s.currency)}; {summary.priceCount} examination price
      {summary.priceCount === 1 ? "" : "s"}
    </>
  );
}

export default async function FeeSchedulesPage() {
  await requireAdminConsole();
  const viewerZone = await viewerTimeZone();
  const { defaultSchedule, organizationSchedules, organizationsWithout } = await listFeeSchedules(getDb());

  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Fee schedules</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          A charge is made when a report is generated, when a referrer cancels within the late window, and for
          a no-show — at the prices in effect at that moment. Changing a schedule never changes a charge
          already made. An organization with a schedule of its own is priced by it; every other organization
          by the default.
        </p>
      </div>

      <section aria-labelledby="default-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="default-heading" className="text-lg font-semibold">
          Default schedule
        </h2>
        {defaultSchedule ? (
          <p className="mt-1 text-sm text-slate-700">
            <Terms summary={defaultSchedule} />. Changed{" "}
            <Timestamp instant={defaultSchedule.schedule.updatedAt} viewerZone={viewerZone} />.
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-700">
            None yet: until there is one, nothing is charged anywhere.
          </p>
        )}
        <Link
          href="/admin/billing/fee-schedules/default"
          className="mt-3 inline-block text-sm font-medium text-indigo-700 underline"
        >
          {defaultSchedule ? "Edit the default schedule" : "Set up the default schedule"}
        </Link>
      </section>

      <section aria-labelledby="organizations-heading" className="flex flex-col gap-3">
        <h2 id="organizations-heading" className="text-lg font-semibold">
          Organizations with their own schedule
        </h2>
        {organizationSchedules.length === 0 ? (
          <p className="text-sm text-slate-600">
            None: every organization is priced by the default schedule.
          </p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {organizationSchedules.map((summary) => (
              <li
                key={summary.schedule.id}
                className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:gap-4"
              >
                <div className="flex-1">
                  <p className="font-medium">{summary.organizationName}</p>
                  <p className="text-sm text-slate-600">
                    <Terms summary={summary} />
                  </p>
                </div>
                <Link
                  href={`/admin/billing/fee-schedules/${summary.schedule.organizationId}`}
                  className="text-sm font-medium text-indigo-700 underline"
                  aria-label={`Edit ${summary.organizationName}'s schedule`}
                >
                  Edit
                </Link>
              </li>
            ))}
          </ul>
        )}
        {organizationsWithout.length > 0 && (
          <form
            action="/admin/billing/fee-schedules/new"
            method="get"
            className="flex flex-wrap items-end gap-2"
          >
            <FormField label="Give an organization its own schedule" name="organizationId" size="compact">
              <select name="organizationId" className={compactControlClass}>
                {organizationsWithout.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </FormField>
            <button
              type="submit"
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Start from the default
            </button>
          </form>
        )}
      </section>
    </section>
  );
}
