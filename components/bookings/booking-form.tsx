"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type ReactNode } from "react";
import { createBookingAction } from "@/app/(portal)/bookings/new/actions";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, useFocusOnFailure } from "@/components/ui/form-error-summary";
import { FormErrorsProvider } from "@/components/ui/form-errors-context";
import { FieldSet, FormField, fieldControlClass, fieldErrorId } from "@/components/ui/form-field";
import type { AvailableSlot } from "@/lib/availability/available-times";
import type { BookingTarget } from "@/lib/bookings/booking-targets";
import { REFERRAL_LABELS } from "@/lib/bookings/referral-labels";
import { AvailabilityPicker } from "./availability-picker";
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
  /**
   * The referral-detail fields, written by the page on the server (ReferralDetailsFields): plain
   * named inputs this form reads as FormData and marks through FormErrorsProvider — so their code
   * is not in the page's JavaScript (issue 14's budget).
   */
  referralFields: ReactNode;
  /** The examinee's name, phone and e-mail fields, written on the server likewise (ExamineeFields). */
  examineeFields: ReactNode;
  /** The note to the specialist (NotesField), likewise. */
  notesField: ReactNode;
}

/** The fields this form shows, by the names the action's field errors use: the summary's links. */
const FIELD_LABELS: Record<string, string> = {
  appointmentType: "Appointment type",
  datetime: "Time",
  examineeName: "Examinee full name",
  examineePhone: "Examinee phone",
  examineeEmail: "Examinee e-mail",
  organizationId: "Organization",
  teamId: "Team",
  notes: "Notes for the specialist",
  ...REFERRAL_LABELS,
};

type Failure = { error: string; fieldErrors: Record<string, string[]> };

/**
 * The summary's sentence: "correct the fields marked below" only when the form marks every one of
 * them; an error on a field the form does not show (the form's key, the specialist) is said as is.
 */
function summaryOf(failure: Failure, shown: (name: string) => boolean): string {
  const names = Object.keys(failure.fieldErrors);
  const hidden = names.find((name) => !shown(name));
  if (hidden) return `The booking was not made: ${failure.fieldErrors[hidden]![0]}.`;
  if (names.length === 0) return failure.error;
  return names.length === 1 && names[0] === "datetime"
    ? failure.error
    : "The booking was not made — correct the fields marked below.";
}

/** The booking form: who, how, for which team, and a live free time. One submit = one booking. */
export function BookingForm({
  idempotencyKey,
  specialist,
  targets,
  initialType,
  initialMonth,
  initialSlot,
  referralFields,
  examineeFields,
  notesField,
}: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [type, setType] = useState(initialType);
  const [slot, setSlot] = useState<AvailableSlot | null>(initialSlot);
  const [organizationId, setOrganizationId] = useState(targets[0]?.id ?? "");
  const [failure, setFailure] = useState<Failure | null>(null);
  const fieldErrors = failure?.fieldErrors ?? {};
  const [reloadKey, setReloadKey] = useState(0);
  const target = targets.find((t) => t.id === organizationId);
  // Focus goes to the first field marked invalid (the time picker's group among them), else the summary.
  useFocusOnFailure(formRef, failure);
  const shown = (name: string) => name in FIELD_LABELS && (name !== "organizationId" || targets.length > 1);

  function submit(form: FormData) {
    startTransition(async () => {
      // Every named field (the ones written on the server too) as typed; the server checks each.
      const fields = Object.fromEntries(form) as unknown as Parameters<typeof createBookingAction>[0];
      const result = await createBookingAction({
        ...fields,
        idempotencyKey,
        specialistId: specialist.id,
        appointmentType: type,
        datetime: slot?.datetime ?? "",
        organizationId,
      });
      if (result.ok) {
        router.push(`/bookings/${result.data.bookingId}?booked=1`);
        return;
      }
      setFailure({ error: result.error, fieldErrors: result.fieldErrors });
      if (result.fieldErrors.datetime) {
        // The slot is gone: drop it and show what is free now. Everything else stays filled.
        setSlot(null);
        setReloadKey((k) => k + 1);
      }
    });
  }

  return (
    // The fields written on the server (the slots below) are marked through the provider.
    <FormErrorsProvider errors={fieldErrors}>
      <form
        ref={formRef}
        className="space-y-8"
        noValidate
        onSubmit={(event) => {
          // Not `action=`: React resets a form after an action, and a refused booking must stay filled.
          event.preventDefault();
          submit(new FormData(event.currentTarget));
        }}
      >
        <FormErrorSummary
          error={failure ? summaryOf(failure, shown) : null}
          fieldErrors={Object.fromEntries(Object.entries(fieldErrors).filter(([name]) => shown(name)))}
          labels={FIELD_LABELS}
        />

        <section className="space-y-3">
          <h2 className="text-lg font-semibold">1. How will the examination happen?</h2>
          <FieldSet legend="Appointment type" name="appointmentType">
            <div className="mt-2 flex flex-wrap gap-3">
              {(["in_person", "telehealth"] as const).map((option) => {
                const offered =
                  option === "in_person" ? specialist.offersInPerson : specialist.offersTelehealth;
                return (
                  <label
                    key={option}
                    className={`flex min-h-6 items-center gap-2 rounded-md border px-3 py-2 text-sm ${offered ? "border-slate-400 bg-white" : "border-slate-200 bg-slate-50 text-slate-600"}`}
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
          </FieldSet>
        </section>

        <section className="space-y-3" aria-labelledby="pick-time-heading">
          <h2 id="pick-time-heading" className="text-lg font-semibold">
            2. Pick a free time
          </h2>
          {/* The time is one field of the form: marked invalid, it takes focus after a refused submit
            (a time just taken), with the error read out with it. */}
          <div
            id="datetime"
            role="group"
            aria-labelledby="pick-time-heading"
            aria-invalid={fieldErrors.datetime ? true : undefined}
            aria-describedby={fieldErrors.datetime ? fieldErrorId("datetime") : undefined}
            tabIndex={-1}
            data-field="datetime"
            className="space-y-3 rounded-md focus:ring-2 focus:ring-indigo-600 focus:outline-none"
          >
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
                <span className="text-slate-600">No time chosen yet.</span>
              )}
            </p>
            {fieldErrors.datetime && (
              <p id={fieldErrorId("datetime")} className="text-sm text-rose-700">
                {fieldErrors.datetime[0]}
              </p>
            )}
          </div>
        </section>

        <section className="space-y-4">
          <h2 className="text-lg font-semibold">3. Examinee and referral</h2>
          <div className="grid gap-4 md:grid-cols-2">
            {examineeFields}
            {targets.length > 1 && (
              <FormField label="Organization" name="organizationId">
                <select
                  value={organizationId}
                  onChange={(e) => setOrganizationId(e.target.value)}
                  className={fieldControlClass}
                >
                  {targets.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </FormField>
            )}
            <FormField label="Team" name="teamId">
              <select
                name="teamId"
                key={organizationId}
                className={fieldControlClass}
                defaultValue={target?.allowsNoTeam ? "" : target?.teams[0]?.id}
              >
                {target?.allowsNoTeam && <option value="">No team</option>}
                {target?.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </FormField>
          </div>
          {notesField}
        </section>

        <section className="space-y-4" aria-labelledby="referral-details-heading">
          <div>
            <h2 id="referral-details-heading" className="text-lg font-semibold">
              4. Referral details (optional)
            </h2>
            <p className="text-sm text-slate-600">
              What you file this examination under. You can add or change them later on the booking&apos;s
              page.
            </p>
          </div>
          {referralFields}
        </section>

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending || !slot}>
            {pending ? "Booking…" : "Book examination"}
          </Button>
          {!slot && <span className="text-sm text-slate-600">Pick a time first.</span>}
        </div>
      </form>
    </FormErrorsProvider>
  );
}
