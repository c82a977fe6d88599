"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { rescheduleBookingAction } from "@/app/(portal)/bookings/[bookingId]/actions";
import { Button } from "@/components/ui/button";
import { FormField, fieldControlClass } from "@/components/ui/form-field";
import { useAnnounce } from "@/components/ui/live-region";
import type { AvailableSlot } from "@/lib/availability/available-times";
import { dateTimeLabel } from "@/lib/time/people-time";
import { AvailabilityPicker } from "./availability-picker";
import type { RescheduleProps } from "./reschedule-control";
import { SlotLabel } from "./slot-label";

/**
 * The reschedule panel RescheduleControl opens — loaded (with its calendar) when first opened, so
 * it takes focus itself as it arrives (its heading). Escape, "Keep the current time" and a move
 * close it.
 */
export function ReschedulePanel({
  bookingId,
  expectedProgress,
  expectedAppointmentDate,
  specialistId,
  appointmentType,
  timeZone,
  initialMonth,
  onClose,
}: Omit<RescheduleProps, "label"> & { onClose: () => void }) {
  const router = useRouter();
  const announce = useAnnounce();
  const heading = useRef<HTMLHeadingElement>(null);
  const [slot, setSlot] = useState<AvailableSlot | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [pending, startTransition] = useTransition();
  useEffect(() => heading.current?.focus(), []);

  return (
    <div
      role="group"
      aria-labelledby={`${bookingId}-reschedule-heading`}
      className="w-full space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/40 p-4"
      data-testid="reschedule-panel"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pending) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 ref={heading} id={`${bookingId}-reschedule-heading`} tabIndex={-1} className="font-semibold">
        Pick the new time
      </h3>
      <AvailabilityPicker
        specialistId={specialistId}
        appointmentType={appointmentType}
        timeZone={timeZone}
        initialMonth={initialMonth}
        selected={slot?.datetime ?? null}
        onSelect={setSlot}
        reloadKey={reloadKey}
      />
      <FormField label="Note (optional)" name="rescheduleNote" id={`${bookingId}-reschedule-note`}>
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className={fieldControlClass}
          placeholder="e.g. Examinee asked for a later day"
        />
      </FormField>
      {error && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {/* aria-disabled while moving, not disabled: a disabled button drops the focus it has. */}
        <Button
          disabled={!slot}
          aria-disabled={pending || undefined}
          onClick={() =>
            !pending &&
            startTransition(async () => {
              setError(null);
              const chosen = slot;
              const result = await rescheduleBookingAction({
                bookingId,
                expectedProgress,
                expectedAppointmentDate,
                datetime: chosen?.datetime ?? "",
                note,
              });
              if (!result.ok) {
                setError(result.error);
                if (result.fieldErrors.datetime) {
                  setSlot(null);
                  setReloadKey((k) => k + 1);
                }
                return;
              }
              if (chosen)
                announce(`Moved to ${dateTimeLabel(new Date(chosen.startsAt), timeZone, "weekday")}.`);
              setSlot(null);
              onClose();
              router.refresh();
            })
          }
        >
          {pending ? (
            "Moving…"
          ) : slot ? (
            <span className="inline-flex items-start gap-1 text-left">
              Move to <SlotLabel startsAt={slot.startsAt} timeZone={timeZone} dateStyle="weekday" />
            </span>
          ) : (
            "Pick a time"
          )}
        </Button>
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Keep the current time
        </Button>
      </div>
    </div>
  );
}
