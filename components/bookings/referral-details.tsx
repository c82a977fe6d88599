"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, useFocusOnFailure } from "@/components/ui/form-error-summary";
import type { Action } from "@/lib/actions/define-action";
import type { editReferralDetailsSchema, ReferralDetails } from "@/lib/bookings/referral-details";
// The labels without zod (the server checks with referral-details' zod rules).
import { REFERRAL_FIELDS, REFERRAL_LABELS, type ReferralField } from "@/lib/bookings/referral-fields";
import { ReferralDetailsFields } from "./referral-details-fields";

type EditAction = Action<typeof editReferralDetailsSchema, { bookingId: string; changed: ReferralField[] }>;

/** "Mar 14, 2026": a calendar day as typed, no zone to convert. */
const dayLabel = (day: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    month: "short",
    day: "numeric",
    year: "numeric",
  }).format(new Date(`${day}T12:00:00Z`));

/**
 * The booking's referral details — claim or matter number, date of injury, type of report,
 * the case manager's reference — and, for those who may change the booking, "Edit" in place:
 * the panel takes focus when it opens and gives it back on Cancel, Escape or save.
 */
export function ReferralDetailsPanel({
  bookingId,
  details,
  editAction,
  today,
}: {
  bookingId: string;
  details: ReferralDetails;
  /** Null for those who may not change them (the specialist, anyone once archived). */
  editAction: EditAction | null;
  /** The viewer's today (YYYY-MM-DD), the date picker's latest day. */
  today: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ error: string; fieldErrors: Record<string, string[]> } | null>(
    null,
  );
  // Opening puts focus on the form's heading; closing gives it back to the Edit button (WCAG 2.4.3).
  const focusAfter = useRef<"form" | "opener" | null>(null);
  const opener = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === "form") heading.current?.focus();
    if (target === "opener") opener.current?.querySelector("button")?.focus();
  }, [open]);
  const show = () => {
    focusAfter.current = "form";
    setSaved(null);
    setOpen(true);
  };
  const close = () => {
    focusAfter.current = "opener";
    setFailure(null);
    setOpen(false);
  };
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  useFocusOnFailure(formRef, failure);
  const empty = REFERRAL_FIELDS.every((field) => !details[field]);

  return (
    <section
      aria-labelledby="referral-heading"
      data-testid="referral-details"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="referral-heading" className="text-lg font-semibold">
          Referral details
        </h2>
        {editAction && !open && (
          <div ref={opener}>
            <Button variant="secondary" onClick={show}>
              {empty ? "Add referral details" : "Edit referral details"}
            </Button>
          </div>
        )}
      </div>
      <p role="status" className="text-sm text-emerald-800 empty:hidden">
        {saved}
      </p>
      {!open ? (
        empty ? (
          <p className="text-sm text-slate-600">None given.</p>
        ) : (
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {REFERRAL_FIELDS.map((field) => (
              <div key={field}>
                <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">
                  {REFERRAL_LABELS[field]}
                </dt>
                <dd className="mt-0.5 text-sm break-words" data-testid={`referral-${field}`}>
                  {details[field] ? (
                    field === "dateOfInjury" ? (
                      <time dateTime={details[field]}>{dayLabel(details[field])}</time>
                    ) : (
                      details[field]
                    )
                  ) : (
                    <span className="text-slate-600">Not given</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )
      ) : (
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
            if (pending || !editAction) return;
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
              close();
              setSaved(result.data.changed.length ? "Referral details saved." : "Nothing was changed.");
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
      )}
    </section>
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
