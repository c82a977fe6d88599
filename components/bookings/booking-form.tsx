"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createBookingAction } from "@/app/(portal)/bookings/new/actions";
import { Button } from "@/components/ui/button";
import type { AvailableSlot } from "@/lib/availability/available-times";
import type { BookingTarget } from "@/lib/bookings/booking-targets";
import { AvailabilityPicker } from "./availability-picker";
import { Field, inputClass } from "./field";
import { SlotLabel } from "./slot-label";

export interface FormSpecialist {
  id: string;
  name: string;
  timezone: string;
  offersInPerson: boolean;
  offersTelehealth: boolean;
}

interface Props {
  idempotencyKey: string;
  specialist: FormSpecialist;
  targets: BookingTarget[];
  initialType: "in_person" | "telehealth";
  initialMonth: string;
  initialSlot: AvailableSlot | null;
}

/** The booking form: who, how, for which team, and a live free time. One submit = one booking. */
export function BookingForm({
  idempotencyKey,
  specialist,
  targets,
  initialType,
  initialMonth,
  initialSlot,
}: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [type, setType] = useState(initialType);
  const [slot, setSlot] = useState<AvailableSlot | null>(initialSlot);
  const [organizationId, setOrganizationId] = useState(targets[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [reloadKey, setReloadKey] = useState(0);
  const target = targets.find((t) => t.id === organizationId);

  function submit(form: FormData) {
    setError(null);
    startTransition(async () => {
      const result = await createBookingAction({
        idempotencyKey,
        specialistId: specialist.id,
        appointmentType: type,
        datetime: slot?.datetime ?? "",
        organizationId,
        teamId: String(form.get("teamId") ?? ""),
        examineeName: String(form.get("examineeName") ?? ""),
        examineePhone: String(form.get("examineePhone") ?? ""),
        examineeEmail: String(form.get("examineeEmail") ?? ""),
        notes: String(form.get("notes") ?? ""),
      });
      if (result.ok) {
        router.push(`/bookings/${result.data.bookingId}?booked=1`);
        return;
      }
      setError(result.error);
      setFieldErrors(result.fieldErrors);
      if (result.fieldErrors.datetime) {
        // The slot is gone: drop it and show what is free now. Everything else stays filled.
        setSlot(null);
        setReloadKey((k) => k + 1);
      }
    });
  }

  return (
    <form
      className="space-y-8"
      noValidate
      onSubmit={(event) => {
        // Not `action=`: React resets a form after an action, and a refused booking must stay filled.
        event.preventDefault();
        submit(new FormData(event.currentTarget));
      }}
    >
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">1. How will the examination happen?</h2>
        <div className="flex flex-wrap gap-3" role="radiogroup" aria-label="Appointment type">
          {(["in_person", "telehealth"] as const).map((option) => {
            const offered = option === "in_person" ? specialist.offersInPerson : specialist.offersTelehealth;
            return (
              <label
                key={option}
                className={`flex items-center gap-2 rounded-md border px-3 py-2 text-sm ${offered ? "border-slate-300 bg-white" : "border-slate-200 bg-slate-50 text-slate-400"}`}
              >
                <input
                  type="radio"
                  name="appointmentType"
                  value={option}
                  checked={type === option}
                  disabled={!offered}
                  onChange={() => {
                    setType(option);
                    setSlot(null);
                  }}
                />
                {option === "in_person" ? "In person" : "Telehealth (video)"}
                {!offered && <span className="text-xs">— not offered</span>}
              </label>
            );
          })}
        </div>
        <FieldError messages={fieldErrors.appointmentType} />
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">2. Pick a free time</h2>
        <AvailabilityPicker
          specialistId={specialist.id}
          appointmentType={type}
          timeZone={specialist.timezone}
          initialMonth={initialMonth}
          selected={slot?.datetime ?? null}
          onSelect={setSlot}
          reloadKey={reloadKey}
        />
        <p className="text-sm" data-testid="chosen-time">
          {slot ? (
            <span className="inline-flex items-start gap-2">
              Chosen:{" "}
              <strong>
                <SlotLabel startsAt={slot.startsAt} timeZone={specialist.timezone} dateStyle="long" />
              </strong>
            </span>
          ) : (
            <span className="text-slate-500">No time chosen yet.</span>
          )}
        </p>
        <FieldError messages={fieldErrors.datetime} />
      </section>

      <section className="space-y-4">
        <h2 className="text-lg font-semibold">3. Examinee and referral</h2>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Examinee full name" name="examineeName" errors={fieldErrors.examineeName}>
            <input id="examineeName" name="examineeName" autoComplete="off" required className={inputClass} />
          </Field>
          <Field
            label="Examinee phone"
            name="examineePhone"
            errors={fieldErrors.examineePhone}
            hint="US numbers as you like; others with +country code."
          >
            <input id="examineePhone" name="examineePhone" type="tel" required className={inputClass} />
          </Field>
          <Field
            label="Examinee e-mail (optional)"
            name="examineeEmail"
            errors={fieldErrors.examineeEmail}
            hint="Without it, the calendar's confirmation comes to you."
          >
            <input id="examineeEmail" name="examineeEmail" type="email" className={inputClass} />
          </Field>
          {targets.length > 1 && (
            <Field label="Organization" name="organizationId">
              <select
                id="organizationId"
                value={organizationId}
                onChange={(e) => setOrganizationId(e.target.value)}
                className={inputClass}
              >
                {targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label="Team" name="teamId" errors={fieldErrors.teamId}>
            <select
              id="teamId"
              name="teamId"
              key={organizationId}
              className={inputClass}
              defaultValue={target?.allowsNoTeam ? "" : target?.teams[0]?.id}
            >
              {target?.allowsNoTeam && <option value="">No team</option>}
              {target?.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label="Notes for the specialist (optional)" name="notes" errors={fieldErrors.notes}>
          <textarea id="notes" name="notes" rows={3} className={inputClass} />
        </Field>
      </section>

      {error && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {error}
        </p>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || !slot}>
          {pending ? "Booking…" : "Book examination"}
        </Button>
        {!slot && <span className="text-sm text-slate-500">Pick a time first.</span>}
      </div>
    </form>
  );
}

function FieldError({ messages }: { messages?: string[] }) {
  return messages?.length ? <p className="text-sm text-rose-700">{messages[0]}</p> : null;
}
