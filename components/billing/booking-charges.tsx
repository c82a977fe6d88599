import { LazyActionForm } from "@/components/admin/lazy-action-form";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import { Timestamp } from "@/components/ui/timestamp";
import type { ChargeKind } from "@/db/schema/billing";
import type { ActionResult } from "@/lib/actions/result";
import type { BookingCharge } from "@/lib/billing/list-booking-charges";
import { formatMoney, formatPercent } from "@/lib/billing/money";

const KIND_LABELS: Record<ChargeKind, string> = {
  examination: "Examination",
  late_cancellation: "Late cancellation",
  no_show: "No-show",
};

/**
 * A booking's charges, for those who may see them (the page passes null to everyone else and
 * this renders nothing). Admins get a waive form per open charge.
 */
export function BookingCharges({
  charges,
  viewerZone,
  waiveAction,
}: {
  charges: BookingCharge[] | null;
  viewerZone: string | null;
  /** Only for those who may waive (platform admins). */
  waiveAction: ((form: FormData) => Promise<ActionResult<unknown>>) | null;
}) {
  if (charges === null) return null;
  return (
    <section
      aria-labelledby="charges-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="charges-heading" className="text-lg font-semibold">
        Charges
      </h2>
      {charges.length === 0 ? (
        <p className="text-sm text-slate-600">
          Nothing charged. A charge is made when the report is generated, for a late cancellation and for a
          no-show.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="booking-charges">
          {charges.map((charge) => (
            <li key={charge.id} className="flex flex-col gap-2 py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium">
                  {KIND_LABELS[charge.kind]}{" "}
                  {charge.waivedAt && (
                    <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
                      Waived
                    </span>
                  )}
                </p>
                <p className={`tabular-nums ${charge.waivedAt ? "text-slate-600 line-through" : ""}`}>
                  {formatMoney(charge.amountMinor, charge.currency)}{" "}
                  <span className="text-xs text-slate-600">
                    + tax {formatPercent(charge.taxRateBasisPoints)} ({charge.currency})
                  </span>
                </p>
              </div>
              <p className="text-sm text-slate-600">
                {charge.description} · <Timestamp instant={charge.occurredAt} viewerZone={viewerZone} />
              </p>
              {charge.waivedAt ? (
                <p className="text-sm text-slate-700">
                  Waived by {charge.waivedByName ?? "an administrator"},{" "}
                  <Timestamp instant={charge.waivedAt} viewerZone={viewerZone} />: {charge.waiveReason}
                </p>
              ) : (
                waiveAction && (
                  <LazyActionForm
                    action={waiveAction}
                    submitLabel="Waive"
                    variant="secondary"
                    pendingLabel="Waiving…"
                    testId={`waive-${charge.kind}`}
                  >
                    <input type="hidden" name="chargeId" value={charge.id} />
                    <FormField
                      label="Reason for waiving"
                      name="reason"
                      id={`waive-reason-${charge.id}`}
                      size="compact"
                      className="min-w-64 flex-1"
                    >
                      <input name="reason" maxLength={500} className={compactControlClass} />
                    </FormField>
                  </LazyActionForm>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
