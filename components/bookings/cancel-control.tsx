"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelBookingAction } from "@/app/(portal)/bookings/[bookingId]/actions";
import { Button } from "@/components/ui/button";
import type { ProgressStage } from "@/db/schema/enums";
import { inputClass } from "./field";

/** Cancel: a reason is required (it goes on the progress timeline and to Acuity), then confirm. */
export function CancelControl({
  bookingId,
  expectedProgress,
  label,
}: {
  bookingId: string;
  expectedProgress: ProgressStage;
  label: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open)
    return (
      <Button variant="danger" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  return (
    <form
      noValidate
      className="w-full space-y-3 rounded-lg border border-rose-200 bg-rose-50/40 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          setError(null);
          const result = await cancelBookingAction({ bookingId, expectedProgress, reason });
          if (!result.ok) return setError(result.fieldErrors.reason?.[0] ?? result.error);
          setOpen(false);
          router.refresh();
        });
      }}
    >
      <h3 className="font-semibold">Cancel this examination?</h3>
      <p className="text-sm text-slate-600">
        The appointment is removed from the specialist&apos;s calendar. This cannot be undone.
      </p>
      <label className="block text-sm font-medium text-slate-700">
        Reason (required)
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
          className={inputClass}
          required
        />
      </label>
      {error && (
        <p role="alert" className="rounded-md bg-rose-100 px-3 py-2 text-sm text-rose-800">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Cancelling…" : "Cancel the examination"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
          Keep it
        </Button>
      </div>
    </form>
  );
}
