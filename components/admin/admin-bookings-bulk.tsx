"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markPaymentReceivedAction, setBookingStatusAction } from "@/app/(portal)/admin/bookings/actions";
import { Button } from "@/components/ui/button";

/**
 * Selection and bulk actions over the admin bookings table. Checkboxes in the server-rendered
 * rows carry `data-booking-select`; this bar reads them, so the table itself stays a server component.
 */
export function AdminBookingsBulk({ formId }: { formId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);

  // The table (desktop) and the cards (phone) each have a checkbox per booking: one id once.
  const selected = () => [
    ...new Set(
      [...document.querySelectorAll<HTMLInputElement>(`#${formId} input[data-booking-select]:checked`)].map(
        (input) => input.value,
      ),
    ),
  ];

  const run = (label: string, call: (ids: string[]) => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      const ids = selected();
      if (ids.length === 0) return setMessage({ tone: "error", text: "Select at least one booking first." });
      const result = await call(ids);
      if (!result.ok) return setMessage({ tone: "error", text: result.error ?? "Nothing was changed." });
      setMessage({ tone: "ok", text: `${label}: ${ids.length} booking${ids.length === 1 ? "" : "s"}.` });
      document
        .querySelectorAll<HTMLInputElement>(`#${formId} input[data-booking-select]`)
        .forEach((input) => (input.checked = false));
      router.refresh();
    });

  return (
    <div
      className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      data-testid="bulk-actions"
    >
      <span className="text-sm text-slate-700">With the selected bookings:</span>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => run("Marked paid", (ids) => markPaymentReceivedAction({ bookingIds: ids }))}
      >
        {/* Paying an invoice moves its bookings (Admin → Invoices); this is for corrections. */}
        Mark payment received (correction)
      </Button>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => run("Closed", (ids) => setBookingStatusAction({ bookingIds: ids, to: "closed" }))}
      >
        Close
      </Button>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => run("Archived", (ids) => setBookingStatusAction({ bookingIds: ids, to: "archived" }))}
      >
        Archive
      </Button>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => run("Reopened", (ids) => setBookingStatusAction({ bookingIds: ids, to: "active" }))}
      >
        Reopen
      </Button>
      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`w-full text-sm ${message.tone === "error" ? "text-rose-700" : "text-emerald-700"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
