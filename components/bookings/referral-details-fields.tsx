import { FormField, fieldControlClass } from "@/components/ui/form-field";
import type { ReferralDetails } from "@/lib/bookings/referral-details";
// The labels and bounds without zod (the server checks with referral-details' zod rules).
import { COMMON_REPORT_TYPES, REFERRAL_LABELS, REFERRAL_LIMITS } from "@/lib/bookings/referral-fields";

/**
 * The four referral-detail fields, shared by the booking form and the booking page's edit form:
 * plain named inputs (the form reads them as FormData), each a FormField so its error is tied to it.
 * The report type is free text with common types offered by a `<datalist>`.
 */
export function ReferralDetailsFields({
  defaults,
  errors = {},
  today,
}: {
  defaults?: ReferralDetails;
  /** Left out where the enclosing form's FormErrorsProvider gives them (the booking form). */
  errors?: Record<string, string[] | undefined>;
  /** The viewer's today (YYYY-MM-DD): the date picker offers no later day; the server checks too. */
  today: string;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <FormField
        label={`${REFERRAL_LABELS.claimNumber} (optional)`}
        name="claimNumber"
        errors={errors.claimNumber}
        hint="As the insurer or the firm writes it, e.g. WC-2026-00417."
      >
        <input
          name="claimNumber"
          defaultValue={defaults?.claimNumber ?? ""}
          maxLength={REFERRAL_LIMITS.claimNumber}
          autoComplete="off"
          className={fieldControlClass}
        />
      </FormField>
      <FormField
        label={`${REFERRAL_LABELS.dateOfInjury} (optional)`}
        name="dateOfInjury"
        errors={errors.dateOfInjury}
      >
        <input
          name="dateOfInjury"
          type="date"
          max={today}
          defaultValue={defaults?.dateOfInjury ?? ""}
          className={fieldControlClass}
        />
      </FormField>
      <FormField
        label={`${REFERRAL_LABELS.reportType} (optional)`}
        name="reportType"
        errors={errors.reportType}
        hint="Pick a common type or write your own."
      >
        <input
          name="reportType"
          list="report-type-suggestions"
          defaultValue={defaults?.reportType ?? ""}
          maxLength={REFERRAL_LIMITS.reportType}
          autoComplete="off"
          className={fieldControlClass}
        />
      </FormField>
      <datalist id="report-type-suggestions">
        {COMMON_REPORT_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <FormField
        label={`${REFERRAL_LABELS.caseManagerReference} (optional)`}
        name="caseManagerReference"
        errors={errors.caseManagerReference}
        hint="Your own file reference, shown to you and the specialist."
      >
        <input
          name="caseManagerReference"
          defaultValue={defaults?.caseManagerReference ?? ""}
          maxLength={REFERRAL_LIMITS.caseManagerReference}
          autoComplete="off"
          className={fieldControlClass}
        />
      </FormField>
    </div>
  );
}
