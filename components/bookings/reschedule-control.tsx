"use client";
import { lazy, Suspense } from "react";
import { Button } from "@/components/ui/button";
import type { ProgressStage } from "@/db/schema/enums";
import { useDisclosureFocus } from "./use-disclosure-focus";

// The panel and its calendar are fetched when it opens (or its button is pointed at), not with the
// booking page: most visits to a booking never reschedule it, and the page's first load is held
// to a budget (issue 14). React.lazy rather than next/dynamic, whose loader adds ≈ 1.6 kB gzip.
const loadPanel = () => import("./reschedule-panel");
const ReschedulePanel = lazy(() => loadPanel().then((module) => ({ default: module.ReschedulePanel })));
const preload = () => void loadPanel().catch(() => {});

export interface RescheduleProps {
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

/**
 * Reschedule: a new free time from the specialist's calendar, an optional note, confirm. The
 * panel takes focus when it opens and gives it back to the button when it closes (Escape too);
 * the move is announced ("Moved to …") through the page's live region.
 */
export function RescheduleControl({ label, ...props }: RescheduleProps) {
  const { open, opener, show, close } = useDisclosureFocus();
  if (!open)
    return (
      <Button ref={opener} variant="secondary" onClick={show} onPointerEnter={preload} onFocus={preload}>
        {label}
      </Button>
    );
  return (
    <Suspense
      fallback={
        <p role="status" className="text-sm text-slate-600">
          Loading the calendar…
        </p>
      }
    >
      <ReschedulePanel {...props} onClose={() => close()} />
    </Suspense>
  );
}
