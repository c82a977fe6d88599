import { ActionForm } from "@/components/admin/action-form";
import { Field, inputClass } from "@/components/admin/form-fields";
import { PROGRESS_LABELS } from "@/components/bookings/progress-label";
import { correctStageAction, moveBookingAction } from "@/app/(portal)/admin/bookings/actions";
import type { BookingStatus, ProgressStage } from "@/db/schema/enums";

/** Per-booking admin tools: correct the stage with a note, move to another organization/team — none once archived. */
export function AdminBookingRowTools({
  booking,
  correctionTargets,
  organizations,
}: {
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
  if (booking.status === "archived")
    return <span className="text-xs text-slate-500">Archived: no more changes</span>;
  return (
    <details>
      <summary className="cursor-pointer text-sm text-indigo-700">Correct / move</summary>
      <div className="mt-2 flex w-[28rem] flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
        <ActionForm
          action={correctStageAction}
          submitLabel="Correct stage"
          variant="secondary"
          successText="Stage corrected."
        >
          <input type="hidden" name="bookingId" value={booking.id} />
          <input type="hidden" name="expectedFrom" value={booking.currentProgress} />
          <Field label="New stage">
            <select name="to" className={inputClass}>
              {correctionTargets.map((stage) => (
                <option key={stage} value={stage}>
                  {PROGRESS_LABELS[stage].label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Note (why)">
            <input name="note" required minLength={3} className={`${inputClass} w-48`} />
          </Field>
        </ActionForm>
        <ActionForm action={moveBookingAction} submitLabel="Move" variant="secondary" successText="Moved.">
          <input type="hidden" name="bookingId" value={booking.id} />
          <Field label="Organization / team">
            <select
              name="target"
              defaultValue={`${booking.organizationId}|${booking.teamId ?? ""}`}
              className={`${inputClass} w-72`}
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
          </Field>
        </ActionForm>
      </div>
    </details>
  );
}
