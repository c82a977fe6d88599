import type { ReactNode } from "react";
import { compactControlClass, FormField } from "@/components/ui/form-field";

/**
 * The "why" an admin gives for a consequential change (ban, unban, resetting two-factor, voiding
 * an invoice): required, 3 characters at least — the server's rules check the same — and kept in
 * the audit trail or printed where the label says.
 */
export function RecordedReasonField({
  label = "Reason (recorded)",
  id,
  maxLength = 500,
  width = "w-48",
}: {
  label?: ReactNode;
  /** Give one when the form repeats on a page (a row per user). */
  id?: string;
  maxLength?: number;
  /** A Tailwind width class for the input. */
  width?: string;
}) {
  return (
    <FormField label={label} name="reason" id={id} size="compact">
      <input
        name="reason"
        required
        minLength={3}
        maxLength={maxLength}
        className={`${compactControlClass} ${width}`}
      />
    </FormField>
  );
}
