"use client";
import { useEffect, useRef, useState } from "react";

/**
 * Focus for a panel that a button opens in place of itself (Reschedule, Cancel, referral details): the panel —
 * loaded when first opened — focuses its own heading as it mounts (read out first, and the next
 * Tab reaches its first control); closing — Escape, the panel's own close button, or done — gives
 * focus back to the button that opened it, which is back in the page by then (WCAG 2.4.3).
 */
export function useDisclosureFocus() {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!open && returnFocus.current) opener.current?.focus();
    returnFocus.current = false;
  }, [open]);

  return {
    open,
    opener,
    show: () => setOpen(true),
    /** Closes; `returnFocus: false` when the caller puts focus elsewhere (the opener may be gone). */
    close: ({ returnFocus: giveBack = true }: { returnFocus?: boolean } = {}) => {
      returnFocus.current = giveBack;
      setOpen(false);
    },
  };
}
