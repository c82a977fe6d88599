"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormErrorsProvider } from "@/components/ui/form-errors-context";
import { FormErrorSummary, useFocusOnFailure } from "@/components/ui/form-error-summary";
import { compactControlClass, fieldErrorId, FormField } from "@/components/ui/form-field";
import type { AppointmentType } from "@/db/schema/enums";
import type { ActionResult } from "@/lib/actions/result";

export interface FeeScheduleFormValues {
  organizationId: string | null;
  currency: string;
  taxRate: string;
  lateCancellationFee: string;
  lateCancellationWindowHours: string;
  noShowFee: string;
  rows: { specialty: string; prices: Partial<Record<AppointmentType, string>> }[];
}

const TYPES: { type: AppointmentType; label: string }[] = [
  { type: "in_person", label: "In person" },
  { type: "telehealth", label: "Telehealth" },
];

/** The error under one price (a table cell: its row and column name it, so no FormField). */
function PriceError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <span id={id} className="text-xs font-normal text-rose-700">
      {messages.join(" ")}
    </span>
  );
}

const FIELD_LABELS: Record<string, string> = {
  currency: "Currency",
  taxRate: "Tax rate (%)",
  lateCancellationFee: "Late-cancellation fee",
  lateCancellationWindowHours: "Late if cancelled within (hours)",
  noShowFee: "No-show fee",
};

/**
 * The default schedule or an organization's: amounts as people write them ("450.00"), each error
 * next to its field and listed in the summary; after a failed save focus moves to the first
 * invalid field. Server-side zod (lib/billing/schemas.ts) is the only validation.
 */
export function FeeScheduleForm({
  values,
  action,
}: {
  values: FeeScheduleFormValues;
  action: (form: FormData) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const [failure, setFailure] = useState<{ error: string; fieldErrors: Record<string, string[]> } | null>(
    null,
  );
  const [saved, setSaved] = useState(false);
  useFocusOnFailure(formRef, failure);

  const field = (
    name: keyof FeeScheduleFormValues & string,
    hint: string,
    inputMode: "decimal" | "numeric" | "text" = "decimal",
  ) => (
    <FormField label={FIELD_LABELS[name]} name={name} hint={hint} size="compact">
      <input
        name={name}
        defaultValue={String(values[name] ?? "")}
        inputMode={inputMode}
        className={`${compactControlClass} w-40`}
      />
    </FormField>
  );

  return (
    <form
      ref={formRef}
      className="flex flex-col gap-6"
      data-testid="fee-schedule-form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await action(form);
          if (!result.ok) {
            setSaved(false);
            return setFailure({ error: result.error, fieldErrors: result.fieldErrors });
          }
          setFailure(null);
          setSaved(true);
          router.refresh();
        });
      }}
    >
      <FormErrorSummary error={failure?.error} fieldErrors={failure?.fieldErrors} labels={FIELD_LABELS} />
      {values.organizationId && <input type="hidden" name="organizationId" value={values.organizationId} />}
      <FormErrorsProvider errors={failure?.fieldErrors ?? {}}>
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-2 text-base font-semibold text-slate-900">Fees and tax</legend>
          {field("currency", "Three letters, like CAD", "text")}
          {field("taxRate", "Like 13 or 13.00")}
          {field("lateCancellationFee", "Like 450.00; 0 for none")}
          {field("lateCancellationWindowHours", "Whole hours, like 48", "numeric")}
          {field("noShowFee", "Like 600.00; 0 for none")}
        </fieldset>
      </FormErrorsProvider>

      <fieldset>
        <legend className="mb-1 text-base font-semibold text-slate-900">Examination prices</legend>
        <p className="mb-3 text-sm text-slate-600">
          By the specialist&apos;s specialty and the appointment type. Leave a price empty for &quot;no
          price&quot;: a report generated for it is not charged, and admins are told.
          {values.organizationId
            ? " An empty price here uses the default schedule's, if it is in the same currency."
            : ""}
        </p>
        <div className="relative overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-2 pr-4 font-medium">
                  Specialty
                </th>
                {TYPES.map(({ type, label }) => (
                  <th key={type} scope="col" className="py-2 pr-4 font-medium">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {values.rows.map((row, index) => (
                <tr key={row.specialty} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-4 text-left font-normal text-slate-900">
                    {row.specialty}
                    <input type="hidden" name={`specialty_${index}`} value={row.specialty} />
                  </th>
                  {TYPES.map(({ type, label }) => {
                    const name = `price_${index}_${type}`;
                    const messages = failure?.fieldErrors[name];
                    const invalid = Boolean(messages?.length);
                    return (
                      <td key={type} className="py-2 pr-4">
                        <div className="flex flex-col gap-1">
                          <input
                            name={name}
                            defaultValue={row.prices[type] ?? ""}
                            inputMode="decimal"
                            aria-label={`${row.specialty}, ${label.toLowerCase()}`}
                            aria-invalid={invalid || undefined}
                            aria-describedby={invalid ? fieldErrorId(name) : undefined}
                            placeholder="No price"
                            id={name}
                            className={`${compactControlClass} w-24 sm:w-32`}
                          />
                          <PriceError id={fieldErrorId(name)} messages={messages} />
                        </div>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save schedule"}
        </Button>
        {saved && !failure && (
          <p role="status" className="text-sm text-emerald-700">
            Saved. New charges use these prices; charges already made keep theirs.
          </p>
        )}
      </div>
    </form>
  );
}
