"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { rescheduleBookingAction } from "@/app/(portal)/bookings/[bookingId]/actions";
import { Button } from "@/components/ui/button";
import type { ProgressStage } from "@/db/schema/enums";
import type { AvailableSlot } from "@/lib/availability/available-times";
import { AvailabilityPicker } from "./availability-picker";
import { inputClass } from "./field";
import { SlotLabel } from "./slot-label";

interface Props {
  bookingId: string;
  expectedProgress: ProgressStage;
  /** ISO time of the appointment as this page shows it. */
  expectedAppointmentDate: string;
  specialistId: string;
  appointmentType: "in_person" | "telehealth";
  timeZone: string;
  initialMonth: string;
  label: string;
}

/** Reschedule: a new free time from the specialist's calendar, an optional note, confirm. */
export function RescheduleControl({
  bookingId,
  expectedProgress,
  expectedAppointmentDate,
  specialistId,
  appointmentType,
  timeZone,
  initialMonth,
  label,
}: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [slot, setSlot] = useState<AvailableSlot | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [pending, startTransition] = useTransition();

  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  return (
    <div
      className="w-full space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/40 p-4"
      data-testid="reschedule-panel"
    >
      <h3 className="font-semibold">Pick the new time</h3>
      <AvailabilityPicker
        specialistId={specialistId}
        appointmentType={appointmentType}
        timeZone={timeZone}
        initialMonth={initialMonth}
        selected={slot?.datetime ?? null}
        onSelect={setSlot}
        reloadKey={reloadKey}
      />
      <label className="block text-sm font-medium text-slate-700">
        Note (optional)
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className={inputClass}
          placeholder="e.g. Examinee asked for a later day"
        />
      </label>
      {error && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          disabled={!slot || pending}
          onClick={() =>
            startTransition(async () => {
              setError(null);
              const result = await rescheduleBookingAction({
                bookingId,
                expectedProgress,
                expectedAppointmentDate,
                datetime: slot?.datetime ?? "",
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
              setOpen(false);
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
        <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
          Keep the current time
        </Button>
      </div>
    </div>
  );
}
