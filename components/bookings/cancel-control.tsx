"use client";
import { lazy, Suspense } from "react";
import { Button } from "@/components/ui/button";
import type { ProgressStage } from "@/db/schema/enums";
import { useDisclosureFocus } from "./use-disclosure-focus";

// Loaded when first opened (or pointed at): most visits to a booking cancel nothing (issue 14's budget).
const loadCancelPanel = () => import("./cancel-panel");
const CancelPanel = lazy(() => loadCancelPanel().then((module) => ({ default: module.CancelPanel })));
const preload = () => void loadCancelPanel().catch(() => {});

/**
 * Cancel: a reason is required (it goes on the progress timeline and to Acuity), then confirm.
 * The panel takes focus when it opens and gives it back on "Keep it" or Escape; a refused
 * submit puts focus on the reason; once cancelled, "Cancelled." is announced and focus goes to the
 * page heading (the button that opened the panel is gone with the booking's moves).
 */
export function CancelControl({
  bookingId,
  expectedProgress,
  label,
}: {
  bookingId: string;
  expectedProgress: ProgressStage;
  label: string;
}) {
  const { open, opener, show, close } = useDisclosureFocus();

  if (!open)
    return (
      <Button ref={opener} variant="danger" onClick={show} onPointerEnter={preload} onFocus={preload}>
        {label}
      </Button>
    );
  return (
    <Suspense fallback={<p className="text-sm text-slate-600">Opening…</p>}>
      <CancelPanel bookingId={bookingId} expectedProgress={expectedProgress} onClose={close} />
    </Suspense>
  );
}
