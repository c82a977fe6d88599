"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, useFocusOnFailure } from "@/components/ui/form-error-summary";
import type { Action } from "@/lib/actions/define-action";
import type { editReferralDetailsSchema, ReferralDetails } from "@/lib/bookings/referral-details";
import { REFERRAL_FIELDS, REFERRAL_LABELS, type ReferralField } from "@/lib/bookings/referral-fields";
import { ReferralDetailsFields } from "./referral-details-fields";

export type EditReferralAction = Action<
  typeof editReferralDetailsSchema,
  { bookingId: string; changed: ReferralField[] }
>;

/**
 * The referral details' edit form, which ReferralDetailsPanel opens in place — loaded when first
 * opened, so it takes focus itself as it arrives (its heading). Escape and Cancel close it; a save
 * closes it and says what happened.
 */
export function ReferralDetailsForm({
  bookingId,
  details,
  editAction,
  today,
  onClose,
}: {
  bookingId: string;
  details: ReferralDetails;
  editAction: EditReferralAction;
  today: string;
  /** `saved`: what to say once closed — null for Cancel or Escape. */
  onClose: (saved: string | null) => void;
}) {
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: string; fieldErrors: Record<string, string[]> } | null>(
    null,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  useFocusOnFailure(formRef, failure);
  useEffect(() => heading.current?.focus(), []);
  const close = () => onClose(null);

  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby="referral-edit-heading"
      className="space-y-4"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pending) {
          event.stopPropagation();
          close();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        const form = new FormData(event.currentTarget);
        const text = (name: string) => String(form.get(name) ?? "");
        startTransition(async () => {
          const result = await editAction({
            bookingId,
            claimNumber: text("claimNumber"),
            dateOfInjury: text("dateOfInjury"),
            reportType: text("reportType"),
            caseManagerReference: text("caseManagerReference"),
          });
          if (!result.ok) {
            setFailure({ error: result.error, fieldErrors: result.fieldErrors });
            return;
          }
          onClose(result.data.changed.length ? "Referral details saved." : "Nothing was changed.");
          router.refresh();
        });
      }}
    >
      <h3 ref={heading} id="referral-edit-heading" tabIndex={-1} className="font-semibold">
        Edit referral details
      </h3>
      <FormErrorSummary
        error={failure ? summaryOf(failure) : null}
        fieldErrors={failure?.fieldErrors}
        labels={REFERRAL_LABELS}
      />
      <ReferralDetailsFields defaults={details} errors={failure?.fieldErrors ?? {}} today={today} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save referral details"}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={close}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The summary names the fields only when the form marks them (bookingId is not on it). */
function summaryOf(failure: { error: string; fieldErrors: Record<string, string[]> }): string {
  const shown = new Set<string>(REFERRAL_FIELDS);
  const hidden = Object.keys(failure.fieldErrors).find((name) => !shown.has(name));
  if (hidden) return "These referral details could not be saved — reload the page and try again.";
  return Object.keys(failure.fieldErrors).length
    ? "The referral details were not saved: correct the fields marked below."
    : failure.error;
}
