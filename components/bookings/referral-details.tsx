"use client";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ReferralDetails } from "@/lib/bookings/referral-details";
// The labels without zod (the server checks with referral-details' zod rules).
import { REFERRAL_FIELDS, REFERRAL_LABELS } from "@/lib/bookings/referral-fields";
import type { EditReferralAction } from "./referral-details-form";
import { useDisclosureFocus } from "./use-disclosure-focus";

// The edit form loads when first opened (or pointed at): most visits read the details and edit
// nothing, and the booking page's first load stays within its budget (issue 14).
const loadForm = () => import("./referral-details-form");
const ReferralDetailsForm = lazy(() =>
  loadForm().then((module) => ({ default: module.ReferralDetailsForm })),
);
const preloadForm = () => void loadForm().catch(() => {});

/** "Mar 14, 2026": a calendar day as typed, no zone to convert. */
const DAY_LABEL = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  month: "short",
  day: "numeric",
  year: "numeric",
});
const dayLabel = (day: string) => DAY_LABEL.format(new Date(`${day}T12:00:00Z`));

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
  editAction: EditReferralAction | null;
  /** The viewer's today (YYYY-MM-DD), the date picker's latest day. */
  today: string;
}) {
  // The form focuses its heading as it arrives; closing gives focus back to the Edit button (WCAG 2.4.3).
  const disclosure = useDisclosureFocus();
  const { open, opener } = disclosure;
  const [saved, setSaved] = useState<string | null>(null);
  const show = () => {
    setSaved(null);
    disclosure.show();
  };
  const close = (said: string | null) => {
    setSaved(said);
    disclosure.close();
  };
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
          <Button
            ref={opener}
            variant="secondary"
            onClick={show}
            onPointerEnter={preloadForm}
            onFocus={preloadForm}
          >
            {empty ? "Add referral details" : "Edit referral details"}
          </Button>
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
        <Suspense fallback={<p className="text-sm text-slate-600">Opening…</p>}>
          <ReferralDetailsForm
            bookingId={bookingId}
            details={details}
            editAction={editAction!}
            today={today}
            onClose={close}
          />
        </Suspense>
      )}
    </section>
  );
}
