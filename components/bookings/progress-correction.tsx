"use client";
import { useState } from "react";
import { correctProgressAction } from "@/app/(portal)/bookings/[bookingId]/progress-actions";
import { Button } from "@/components/ui/button";
import type { ProgressStage } from "@/db/schema/enums";
import type { SubmitProgress } from "./progress-controls";

/**
 * An administrator's correction of the stage (ProgressControls loads it for them alone): the
 * portal's record only, with a required note.
 */
export function ProgressCorrection({
  bookingId,
  currentStage,
  corrections,
  pending,
  submit,
  onRefused,
}: {
  bookingId: string;
  currentStage: ProgressStage;
  corrections: { stage: ProgressStage; label: string }[];
  pending: boolean;
  submit: SubmitProgress;
  /** What is missing, said where ProgressControls says its errors. */
  onRefused: (message: string) => void;
}) {
  const [correction, setCorrection] = useState<{ stage: ProgressStage | ""; note: string }>({
    stage: "",
    note: "",
  });
  return (
    <form
      className="space-y-2 rounded-md bg-slate-50 p-3"
      data-testid="progress-correct"
      onSubmit={(event) => {
        event.preventDefault();
        if (!correction.stage) return onRefused("Choose the stage the booking should be at.");
        if (!correction.note.trim()) return onRefused("A correction needs a note saying why.");
        const to = correction.stage;
        submit(
          () => correctProgressAction({ bookingId, expectedFrom: currentStage, to, note: correction.note }),
          () => setCorrection({ stage: "", note: "" }),
          to,
        );
      }}
    >
      <p className="text-sm font-medium">Correct the stage (administrators)</p>
      <p className="text-xs text-slate-600">
        Fixes the portal&apos;s record only — the appointment in Acuity is not changed. Recorded as a
        correction.
      </p>
      <div className="flex flex-wrap items-start gap-2">
        <select
          aria-label="Correct stage to"
          data-testid="progress-correct-stage"
          value={correction.stage}
          onChange={(event) => setCorrection({ ...correction, stage: event.target.value as ProgressStage })}
          className="min-h-9 rounded-md border border-slate-400 px-2 py-2 text-sm"
        >
          <option value="">Choose a stage…</option>
          {corrections.map((c) => (
            <option key={c.stage} value={c.stage}>
              {c.label}
            </option>
          ))}
        </select>
        <input
          aria-label="Why the stage is corrected"
          data-testid="progress-correct-note"
          value={correction.note}
          onChange={(event) => setCorrection({ ...correction, note: event.target.value })}
          maxLength={2000}
          placeholder="Why (required)"
          className="min-h-9 min-w-0 flex-1 rounded-md border border-slate-400 px-2 py-2 text-sm sm:min-w-64"
        />
        <Button type="submit" variant="secondary" disabled={pending} data-testid="progress-correct-submit">
          Correct stage
        </Button>
      </div>
    </form>
  );
}
