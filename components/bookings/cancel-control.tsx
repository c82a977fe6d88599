"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { cancelBookingAction } from "@/app/(portal)/bookings/[bookingId]/actions";
import { Button } from "@/components/ui/button";
import { focusPageHeading } from "@/components/ui/focus-page-heading";
import { FormField, fieldControlClass } from "@/components/ui/form-field";
import { useAnnounce } from "@/components/ui/live-region";
import type { ProgressStage } from "@/db/schema/enums";
import { useDisclosureFocus } from "./use-disclosure-focus";

/**
 * Cancel: a reason is required (it goes on the progress timeline and to Acuity), then confirm.
 * The panel takes focus when it opens and gives it back on "Keep it" or Escape; a refused
 * submit puts focus on the reason; once cancelled, "Cancelled." is announced and focus goes to the
 * page heading (the button that opened the panel is gone with the booking's moves).
 */
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
  const announce = useAnnounce();
  const { open, opener, heading, show, close } = useDisclosureFocus();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string[] | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const headingId = `${bookingId}-cancel-heading`;

  if (!open)
    return (
      <Button ref={opener} variant="danger" onClick={show}>
        {label}
      </Button>
    );
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      className="w-full space-y-3 rounded-lg border border-rose-200 bg-rose-50/40 p-4"
      data-testid="cancel-panel"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pending) {
          event.stopPropagation();
          close();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        startTransition(async () => {
          setError(null);
          setReasonError(undefined);
          const result = await cancelBookingAction({ bookingId, expectedProgress, reason });
          if (!result.ok) {
            if (result.fieldErrors.reason) {
              setReasonError(result.fieldErrors.reason);
              reasonField.current?.focus();
            } else setError(result.error);
            return;
          }
          announce("Cancelled.");
          close({ returnFocus: false });
          router.refresh();
          focusPageHeading();
        });
      }}
    >
      <h3 ref={heading} id={headingId} tabIndex={-1} className="font-semibold">
        Cancel this examination?
      </h3>
      <p className="text-sm text-slate-600">
        The appointment is removed from the specialist&apos;s calendar. This cannot be undone.
      </p>
      <FormField
        label="Reason (required)"
        name="reason"
        id={`${bookingId}-cancel-reason`}
        errors={reasonError}
        // One field, no summary: its error is read out as it appears (and focus goes to it).
        announce
      >
        <textarea
          ref={reasonField}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
          className={fieldControlClass}
          required
        />
      </FormField>
      {error && (
        <p role="alert" className="rounded-md bg-rose-100 px-3 py-2 text-sm text-rose-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {/* aria-disabled while cancelling, not disabled: a disabled button drops the focus it has. */}
        <Button type="submit" variant="danger" aria-disabled={pending || undefined}>
          {pending ? "Cancelling…" : "Cancel the examination"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => close()} disabled={pending}>
          Keep it
        </Button>
      </div>
    </form>
  );
}
