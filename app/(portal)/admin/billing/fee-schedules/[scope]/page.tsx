import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { FeeScheduleForm } from "@/components/billing/fee-schedule-form";
import { getDb } from "@/db/client";
import { APPOINTMENT_TYPES } from "@/db/schema/enums";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { loadFeeScheduleForm } from "@/lib/billing/fee-schedule-pages";
import { moneyInputValue, percentInputValue } from "@/lib/billing/money";
import { deleteFeeScheduleAction, saveFeeScheduleAction } from "../actions";

export const metadata: Metadata = { title: "Fee schedule" };

/** `default`, an organization's id, or `new?organizationId=…` (the list's "Start from the default"). */
export default async function FeeSchedulePage({
  params,
  searchParams,
}: {
  params: Promise<{ scope: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminConsole();
  const { scope } = await params;
  if (scope === "new") {
    const chosen = (await searchParams).organizationId;
    if (typeof chosen !== "string" || !chosen) notFound();
    redirect(`/admin/billing/fee-schedules/${encodeURIComponent(chosen)}`);
  }
  const organizationId = scope === "default" ? null : scope;
  const data = await loadFeeScheduleForm(getDb(), organizationId);
  if (!data) notFound();
  const start = data.startingValues;
  const currency = start.currency;
  const title = data.organization ? `${data.organization.name}: fee schedule` : "Default fee schedule";

  return (
    <section className="flex flex-col gap-4">
      <div>
        <Link href="/admin/billing/fee-schedules" className="text-sm text-indigo-700 underline">
          All fee schedules
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          {data.organization
            ? data.schedule
              ? "This organization's own schedule: it prices its charges instead of the default."
              : "This organization has no schedule of its own yet; the form starts from the default's fees. Saving creates its own."
            : "Prices every organization without a schedule of its own."}
        </p>
      </div>
      <FeeScheduleForm
        action={saveFeeScheduleAction}
        values={{
          organizationId,
          currency,
          taxRate: percentInputValue(start.taxRateBasisPoints),
          lateCancellationFee: moneyInputValue(start.lateCancellationFeeMinor, currency),
          lateCancellationWindowHours: String(start.lateCancellationWindowHours),
          noShowFee: moneyInputValue(start.noShowFeeMinor, currency),
          rows: data.rows.map((row) => ({
            specialty: row.specialty,
            prices: Object.fromEntries(
              APPOINTMENT_TYPES.flatMap((type) => {
                const minor = row.prices[type];
                return minor === undefined ? [] : [[type, moneyInputValue(minor, currency)]];
              }),
            ),
          })),
        }}
      />
      {data.organization && data.schedule && (
        <div className="border-t border-slate-200 pt-4">
          <ActionForm
            action={deleteFeeScheduleAction}
            submitLabel="Remove this organization's schedule"
            variant="danger"
            confirmText={`Price ${data.organization.name} by the default schedule from now on? Charges already made keep their amounts.`}
          >
            <input type="hidden" name="organizationId" value={data.organization.id} />
          </ActionForm>
        </div>
      )}
    </section>
  );
}
