import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";
import { correctStageAction, moveBookingAction } from "@/app/(portal)/admin/bookings/actions";
import type { BookingStatus, ProgressStage } from "@/db/schema/enums";

/** Per-booking admin tools: correct the stage with a note, move to another organization/team — none once archived. */
export function AdminBookingRowTools({
  idPrefix,
  booking,
  correctionTargets,
  organizations,
}: {
  /** Unique per rendering: the same booking's tools appear in the table and in its phone card. */
  idPrefix: string;
  booking: {
    id: string;
    currentProgress: ProgressStage;
    organizationId: string;
    teamId: string | null;
    status: BookingStatus;
  };
  correctionTargets: ProgressStage[];
  organizations: { id: string; name: string; teams: { id: string; name: string }[] }[];
}) {
  // Each target at least 24 px high with space between (WCAG 2.5.8): "Correct / move" used to crowd "Audit trail".
  const auditTrail = (
    <Link
      href={`/admin/audit?bookingId=${booking.id}`}
      className="inline-flex min-h-6 items-center text-sm text-indigo-700 underline"
    >
      Audit trail
    </Link>
  );
  if (booking.status === "archived")
    return (
      <div className="flex flex-col items-start gap-2">
        <span className="text-xs text-slate-600">Archived: no more changes</span>
        {auditTrail}
      </div>
    );
  return (
    <div className="flex flex-col items-start gap-2">
      <details>
        <summary className="inline-flex min-h-6 cursor-pointer items-center text-sm text-indigo-700 underline">
          Correct / move
        </summary>
        <div className="mt-2 flex w-full max-w-[28rem] flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:w-[28rem]">
          <ActionForm
            action={correctStageAction}
            submitLabel="Correct stage"
            variant="secondary"
            successText="Stage corrected."
          >
            <input type="hidden" name="bookingId" value={booking.id} />
            <input type="hidden" name="expectedFrom" value={booking.currentProgress} />
            <FormField label="New stage" name="to" id={`${idPrefix}-correct-to`} size="compact">
              <select name="to" className={compactControlClass}>
                {correctionTargets.map((stage) => (
                  <option key={stage} value={stage}>
                    {STAGE_NAMES[stage]}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField label="Note (why)" name="note" id={`${idPrefix}-correct-note`} size="compact">
              <input name="note" required minLength={3} className={`${compactControlClass} w-full sm:w-48`} />
            </FormField>
          </ActionForm>
          <ActionForm action={moveBookingAction} submitLabel="Move" variant="secondary" successText="Moved.">
            <input type="hidden" name="bookingId" value={booking.id} />
            <FormField
              label="Organization / team"
              name="target"
              id={`${idPrefix}-move-target`}
              size="compact"
            >
              <select
                name="target"
                defaultValue={`${booking.organizationId}|${booking.teamId ?? ""}`}
                className={`${compactControlClass} w-full sm:w-72`}
              >
                {organizations.flatMap((o) => [
                  <option key={o.id} value={`${o.id}|`}>
                    {o.name} (no team)
                  </option>,
                  ...o.teams.map((t) => (
                    <option key={t.id} value={`${o.id}|${t.id}`}>
                      {o.name} · {t.name}
                    </option>
                  )),
                ])}
              </select>
            </FormField>
          </ActionForm>
        </div>
      </details>
      {auditTrail}
    </div>
  );
}
