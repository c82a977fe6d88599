"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { cancelBookingAction } from "@/app/(portal)/bookings/[bookingId]/actions";
import { Button } from "@/components/ui/button";
import { focusPageHeading } from "@/components/ui/focus-page-heading";
import { FormField, fieldControlClass } from "@/components/ui/form-field";
import { useAnnounce } from "@/components/ui/live-region";
import type { ProgressStage } from "@/db/schema/enums";

/**
 * The cancel panel CancelControl opens — loaded when first opened, so it takes focus itself as it
 * arrives (its heading: read out first, the next Tab reaches the reason).
 */
export function CancelPanel({
  bookingId,
  expectedProgress,
  onClose,
}: {
  bookingId: string;
  expectedProgress: ProgressStage;
  /** `returnFocus: false` once cancelled: the opener is gone with the booking's moves. */
  onClose: (options?: { returnFocus?: boolean }) => void;
}) {
  const router = useRouter();
  const announce = useAnnounce();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string[] | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `${bookingId}-cancel-heading`;
  useEffect(() => heading.current?.focus(), []);

  return (
    <form
      noValidate
      aria-labelledby={headingId}
      className="w-full space-y-3 rounded-lg border border-rose-200 bg-rose-50/40 p-4"
      data-testid="cancel-panel"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pending) {
          event.stopPropagation();
          onClose();
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
          onClose({ returnFocus: false });
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
        <Button type="button" variant="secondary" onClick={() => onClose()} disabled={pending}>
          Keep it
        </Button>
      </div>
    </form>
  );
}
